package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.internal.InstitutionQueries;
import org.yibao.server.console.internal.Paging;
import org.yibao.server.console.internal.RegionQueries;

/** The institution directory (R-REF-1) with its filters, and one institution's page. */
@Controller
class InstitutionPages {

    private final InstitutionQueries institutions;
    private final RegionQueries regions;

    InstitutionPages(InstitutionQueries institutions, RegionQueries regions) {
        this.institutions = institutions;
        this.regions = regions;
    }

    @GetMapping("/institutions")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String admdvs,
                @RequestParam(required = false) String level, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String flag, @RequestParam(required = false) String page,
                Model model, HttpServletRequest request) {
        var filter = new InstitutionQueries.Filter(q, admdvs, Params.integer(level), kind, flag);
        model.addAttribute("section", "institutions");
        model.addAttribute("filter", filter);
        model.addAttribute("regions", regions.list(null));
        model.addAttribute("kinds", InstitutionQueries.KINDS);
        model.addAttribute("result", institutions.search(filter, Paging.of(Params.integer(page), null)));
        return Views.pageOrFragment(request, "console/institutions", "results");
    }

    @GetMapping("/institutions/{code}")
    String detail(@PathVariable String code, Model model, org.springframework.security.core.Authentication authentication) {
        model.addAttribute("section", "institutions");
        model.addAttribute("canManageKeys", InstitutionKeyPages.isAdmin(authentication));
        model.addAttribute("institution", institutions.find(code)
                .orElseThrow(() -> new PageNotFoundException("institution", code)));
        return "console/institution";
    }
}
