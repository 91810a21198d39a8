package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.internal.RegionQueries;

/** Regions: list and detail. */
@Controller
class RegionPages {

    private final RegionQueries regions;

    RegionPages(RegionQueries regions) {
        this.regions = regions;
    }

    @GetMapping("/regions")
    String list(@RequestParam(required = false) String q, Model model, HttpServletRequest request) {
        model.addAttribute("section", "regions");
        model.addAttribute("q", q);
        model.addAttribute("regions", regions.list(q));
        return Views.pageOrFragment(request, "console/regions", "results");
    }

    @GetMapping("/regions/{admdvs}")
    String detail(@PathVariable String admdvs, Model model) {
        model.addAttribute("section", "regions");
        model.addAttribute("region", regions.find(admdvs)
                .orElseThrow(() -> new PageNotFoundException("region", admdvs)));
        return "console/region";
    }
}
