package org.yibao.server.console.instportal;

import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.payment.DipPayments;

/**
 * DIP 清算 in the institution portal (R-PAY-3, R-PAY-7): the signed-in institution's own DIP year-end results,
 * case by case with the deviation factor. Nothing here takes an institution code: another institution's
 * results cannot be asked for.
 */
@Controller
class InstitutionPortalDipPages {

    private final SignedInInstitution signedIn;
    private final DipPayments dip;

    InstitutionPortalDipPages(SignedInInstitution signedIn, DipPayments dip) {
        this.signedIn = signedIn;
        this.dip = dip;
    }

    @GetMapping("/inst-portal/dip")
    String page(@RequestParam(required = false) String year, Principal principal, Model model) {
        String code = signedIn.me(principal).code();
        List<Integer> years = dip.yearsOf(code);
        Integer asked = year == null || !year.strip().matches("\\d{4}") ? null : Integer.valueOf(year.strip());
        Integer y = asked != null && years.contains(asked) ? asked : years.isEmpty() ? null : years.get(0);
        model.addAttribute("section", "dip");
        model.addAttribute("years", years);
        model.addAttribute("r", y == null ? null : dip.regionOf(code, y).flatMap(admdvs -> dip.institutionYear(admdvs, y, code)).orElse(null));
        return "inst-portal/dip";
    }
}
