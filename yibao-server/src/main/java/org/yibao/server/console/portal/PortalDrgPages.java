package org.yibao.server.console.portal;

import java.security.Principal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.catalog.Diseases;
import org.yibao.server.payment.DrgLookup;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * 病种费用查询 (R-PAY-8) in the insured portal: before admission, search a disease by ICD-10 code or name,
 * then see its likely DRGs with the payment standard at each hospital level and the personal share to expect
 * under one's own policy ({@link DrgLookup}). Always for the signed-in person.
 */
@Controller
class PortalDrgPages {

    /** Search results shown at most. */
    static final int MATCHES = 20;

    private final Diseases diseases;
    private final DrgLookup lookup;
    private final RefusalTexts texts;

    PortalDrgPages(Diseases diseases, DrgLookup lookup, RefusalTexts texts) {
        this.diseases = diseases;
        this.lookup = lookup;
        this.texts = texts;
    }

    @GetMapping("/portal/drg-lookup")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String code, Principal me, Model model) {
        model.addAttribute("section", "drg");
        model.addAttribute("q", q == null ? "" : q.strip());
        if (q != null && !q.isBlank()) {
            model.addAttribute("matches", diseases.search(Diseases.Kind.DISEASE, q.strip(), 0, MATCHES).items());
        }
        if (code != null && !code.isBlank()) {
            try {
                model.addAttribute("result", lookup.lookup(me.getName(), code));
            } catch (InvalidInputException e) {
                model.addAttribute("lookupError", texts.text(e, LocaleContextHolder.getLocale()));
            }
        }
        return "portal/drg-lookup";
    }
}
