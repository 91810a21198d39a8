package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.internal.CatalogueQueries;
import org.yibao.server.console.internal.Paging;
import org.yibao.server.console.internal.RegionQueries;

/** The catalogue of a region (R-REF-3): search by code or name, filter by level and category. */
@Controller
class CataloguePages {

    private final CatalogueQueries catalogue;
    private final RegionQueries regions;

    CataloguePages(CatalogueQueries catalogue, RegionQueries regions) {
        this.catalogue = catalogue;
        this.regions = regions;
    }

    @GetMapping("/catalogue")
    String list(@RequestParam(required = false) String admdvs, @RequestParam(required = false) String q,
                @RequestParam(required = false) String level, @RequestParam(required = false) String category,
                @RequestParam(required = false) String page, Model model, HttpServletRequest request) {
        var regionList = regions.list(null);
        // Each region has its own catalogue; without a choice, show the first pooling region's.
        String region = admdvs != null && !admdvs.isBlank() ? admdvs.strip()
                : regionList.stream().filter(RegionQueries.RegionRow::pooling).findFirst()
                        .map(RegionQueries.RegionRow::admdvs).orElse("");
        var filter = new CatalogueQueries.Filter(region, q, level, category);
        model.addAttribute("section", "catalogue");
        model.addAttribute("filter", filter);
        model.addAttribute("regions", regionList);
        model.addAttribute("levels", CatalogueQueries.LEVELS);
        model.addAttribute("categories", CatalogueQueries.CATEGORIES);
        model.addAttribute("result", catalogue.search(filter, Paging.of(Params.integer(page), null)));
        return Views.pageOrFragment(request, "console/catalogue", "results");
    }

    @GetMapping("/catalogue/{admdvs}/{code}")
    String detail(@PathVariable String admdvs, @PathVariable String code, Model model) {
        model.addAttribute("section", "catalogue");
        model.addAttribute("item", catalogue.find(admdvs, code)
                .orElseThrow(() -> new PageNotFoundException("catalogue_item", admdvs + "/" + code)));
        return "console/catalogue-item";
    }
}
