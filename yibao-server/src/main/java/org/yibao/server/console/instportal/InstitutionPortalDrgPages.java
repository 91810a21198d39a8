package org.yibao.server.console.instportal;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.web.Months;
import org.yibao.server.payment.DrgPayments;

/**
 * DRG 付费 in the institution portal (R-INST-5 for R-PAY-2): the institution's own cases of a month with
 * their group, quality-control findings, how each was paid and why. Only the signed-in institution's cases
 * are read, whatever the request asks.
 */
@Controller
@RequestMapping("/inst-portal/drg-payments")
class InstitutionPortalDrgPages {

    private final SignedInInstitution signedIn;
    private final DrgPayments payments;
    private final Clock clock;

    InstitutionPortalDrgPages(SignedInInstitution signedIn, DrgPayments payments, Clock clock) {
        this.signedIn = signedIn;
        this.payments = payments;
        this.clock = clock;
    }

    @GetMapping
    String cases(@RequestParam(required = false) String month, Principal principal, Model model) {
        YearMonth m = Months.orLastMonth(month, clock);
        model.addAttribute("section", "drg");
        model.addAttribute("month", m);
        String code = signedIn.me(principal).code();
        model.addAttribute("cases", payments.cases(code, m));
        model.addAttribute("hospital", payments.institutionMonth(code, m).orElse(null));
        return "inst-portal/drg-payments";
    }
}
