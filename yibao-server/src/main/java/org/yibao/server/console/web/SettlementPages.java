package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.internal.Paging;
import org.yibao.server.console.internal.SettlementQueries;

/** Settlements (结算): search by person, institution, dates and kind; one settlement with everything it wrote. */
@Controller
class SettlementPages {

    private final SettlementQueries settlements;

    SettlementPages(SettlementQueries settlements) {
        this.settlements = settlements;
    }

    @GetMapping("/settlements")
    String list(@RequestParam(required = false) String person, @RequestParam(required = false) String institution,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String region, @RequestParam(required = false) String kind,
                @RequestParam(name = "med_type", required = false) String medType, @RequestParam(required = false) String page,
                Model model, HttpServletRequest request) {
        model.addAttribute("section", "settlements");
        SettlementQueries.Filter filter = new SettlementQueries.Filter(blank(person), blank(institution), date(from), date(to),
                blank(region), blank(kind), blank(medType));
        model.addAttribute("filter", filter);
        model.addAttribute("result", settlements.search(filter, Paging.of(Params.integer(page), null)));
        return Views.pageOrFragment(request, "console/settlements", "results");
    }

    @GetMapping("/settlements/{setlId}")
    String detail(@PathVariable String setlId, Model model) {
        model.addAttribute("section", "settlements");
        model.addAttribute("s", settlements.find(setlId).orElseThrow(() -> new PageNotFoundException("settlement", setlId)));
        return "console/settlement";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalDate date(String s) {
        try {
            return blank(s) == null ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
