package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.internal.Paging;
import org.yibao.server.console.internal.PersonQueries;
import org.yibao.server.console.internal.SettlementQueries;
import org.yibao.server.familydoctor.FamilyDoctors;
import org.yibao.server.insured.Referrals;
import org.yibao.server.platform.web.RefusalTexts;

/** Insured persons (R-REF-2): search by name, psn_no or certno, and one person's file. */
@Controller
class PersonPages {

    private final PersonQueries persons;

    private final FamilyDoctors familyDoctors;
    private final Referrals referrals;
    private final MessageSource messages;
    private final RefusalTexts texts;
    private final SettlementQueries settlements;

    PersonPages(PersonQueries persons, FamilyDoctors familyDoctors, Referrals referrals, MessageSource messages, RefusalTexts texts,
                SettlementQueries settlements) {
        this.persons = persons;
        this.settlements = settlements;
        this.familyDoctors = familyDoctors;
        this.referrals = referrals;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping("/persons")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
                Model model, HttpServletRequest request) {
        model.addAttribute("section", "persons");
        model.addAttribute("q", q);
        model.addAttribute("result", persons.search(q, Paging.of(Params.integer(page), null)));
        return Views.pageOrFragment(request, "console/persons", "results");
    }

    @GetMapping("/persons/{psnNo}")
    String detail(@PathVariable String psnNo, Model model, Locale locale) {
        return show(psnNo, model, locale);
    }

    /** The person's file, or the console's 404 page. */
    PersonQueries.PersonFile file(String psnNo) {
        return persons.find(psnNo).orElseThrow(() -> new PageNotFoundException("person", psnNo));
    }

    /**
     * The person page; the forms of its sections (for ADMIN and CLERK) are empty unless the model has
     * a refused {@code rightsForm} of the {@code rightsSection}.
     */
    String show(String psnNo, Model model, Locale locale) {
        model.addAttribute("section", "persons");
        model.addAttribute("file", file(psnNo));
        model.addAttribute("followUps", familyDoctors.followUps(psnNo, null));
        model.addAttribute("referrals", referrals.list(psnNo));
        model.addAttribute("recentSettlements", settlements.recentForPerson(psnNo));
        model.addAttribute("blankForm", new EditForm(Map.of(), messages, texts, locale));
        model.addAttribute("relations", List.of("SPOUSE", "PARENT", "CHILD"));
        return "console/person";
    }
}
