package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.internal.Paging;
import org.yibao.server.console.internal.PolicyQueries;
import org.yibao.server.console.internal.RegionQueries;

/** Policy files (R-REF-4) as loaded: list and the verbatim YAML of one. */
@Controller
class PolicyPages {

    private final PolicyQueries policies;
    private final RegionQueries regions;

    PolicyPages(PolicyQueries policies, RegionQueries regions) {
        this.policies = policies;
        this.regions = regions;
    }

    @GetMapping("/policies")
    String list(@RequestParam(required = false) String admdvs, @RequestParam(required = false) String page,
                Model model, HttpServletRequest request) {
        model.addAttribute("section", "policies");
        model.addAttribute("admdvs", admdvs);
        model.addAttribute("regions", regions.list(null));
        model.addAttribute("result", policies.list(admdvs, Paging.of(Params.integer(page), null)));
        return Views.pageOrFragment(request, "console/policies", "results");
    }

    @GetMapping("/policies/{id}")
    String detail(@PathVariable String id, Model model) {
        Integer number = Params.integer(id);
        model.addAttribute("section", "policies");
        model.addAttribute("policy", (number == null ? java.util.Optional.<PolicyQueries.PolicyFile>empty()
                : policies.find(number)).orElseThrow(() -> new PageNotFoundException("policy", id)));
        return "console/policy";
    }
}
