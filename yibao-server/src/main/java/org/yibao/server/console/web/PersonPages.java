package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.internal.Paging;
import org.yibao.server.console.internal.PersonQueries;

/** Insured persons (R-REF-2): search by name, psn_no or certno, and one person's file. */
@Controller
class PersonPages {

    private final PersonQueries persons;

    private final org.yibao.server.familydoctor.FamilyDoctors familyDoctors;

    PersonPages(PersonQueries persons, org.yibao.server.familydoctor.FamilyDoctors familyDoctors) {
        this.persons = persons;
        this.familyDoctors = familyDoctors;
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
    String detail(@PathVariable String psnNo, Model model) {
        model.addAttribute("section", "persons");
        model.addAttribute("file", persons.find(psnNo)
                .orElseThrow(() -> new PageNotFoundException("person", psnNo)));
        model.addAttribute("followUps", familyDoctors.followUps(psnNo, null));
        return "console/person";
    }
}
