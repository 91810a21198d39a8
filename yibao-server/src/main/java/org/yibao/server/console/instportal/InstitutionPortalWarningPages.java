package org.yibao.server.console.instportal;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yibao.server.supervision.Warnings;

/**
 * 监管线索 in the institution portal (R-INST-5 for R-SUP-2): the warnings the run after settlement found
 * about the signed-in user's own institution, with rule, month, content, amount and state. The
 * institution code comes from the signed-in user, never from the request.
 */
@Controller
@RequestMapping("/inst-portal/warnings")
class InstitutionPortalWarningPages {

    /** Most warnings shown. */
    static final int LIMIT = 200;

    private final SignedInInstitution signedIn;
    private final Warnings warnings;

    InstitutionPortalWarningPages(SignedInInstitution signedIn, Warnings warnings) {
        this.signedIn = signedIn;
        this.warnings = warnings;
    }

    @GetMapping
    String list(Principal principal, Model model) {
        model.addAttribute("section", "warnings");
        model.addAttribute("warnings", warnings.ofInstitution(signedIn.me(principal).code(), LIMIT));
        return "inst-portal/warnings";
    }
}
