package org.yibao.server.console.instportal;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yibao.server.evaluation.Evaluation;
import org.yibao.server.evaluation.Evaluations;

/**
 * 年度考核 in the institution portal (R-INST-5 for R-INST-2): the institution's own FINAL evaluations
 * and their printable reports. Drafts are the insurer's work in progress and are not shown; another
 * institution's evaluation, or a draft, answers 404 like one that does not exist.
 */
@Controller
@RequestMapping("/inst-portal/evaluations")
class InstitutionPortalEvaluationPages {

    private final SignedInInstitution signedIn;
    private final Evaluations evaluations;

    InstitutionPortalEvaluationPages(SignedInInstitution signedIn, Evaluations evaluations) {
        this.signedIn = signedIn;
        this.evaluations = evaluations;
    }

    @GetMapping
    String list(Principal principal, Model model) {
        model.addAttribute("section", "evaluations");
        model.addAttribute("evaluations", evaluations.finals(signedIn.me(principal).code()));
        return "inst-portal/evaluations";
    }

    @GetMapping("/{id}/report")
    String report(@PathVariable long id, Principal principal, Model model) {
        String code = signedIn.me(principal).code();
        Evaluation e = evaluations.finals(code).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new InstitutionPortalNotFoundException("evaluation"));
        model.addAttribute("e", e);
        model.addAttribute("back", "/inst-portal/evaluations");
        return "evaluation/report";
    }
}
