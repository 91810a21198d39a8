package org.yibao.server.console.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.payment.DipPayments;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;
import org.yibao.server.region.Region;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-PAY-3 in the console: a DIP region's year — budget, catalogue (core and comprehensive groups with their
 * scores), the year-end run with its progress, per-institution results with a chart, and each institution's
 * cases with their deviation factors. Setting the budget, building the catalogue and running are for
 * administrators (URL security; the forms are shown to them only).
 */
@Controller
class DipPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DipPayments dip;
    private final Clock clock;
    private final RefusalTexts texts;

    DipPages(DipPayments dip, Clock clock, RefusalTexts texts) {
        this.dip = dip;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/dip")
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String year, Model model,
                Authentication authentication) {
        List<Region> regions = dip.dipRegions();
        model.addAttribute("section", "dip");
        model.addAttribute("regions", regions);
        if (regions.isEmpty()) {
            return "console/dip";
        }
        String admdvs = region == null || region.isBlank() ? regions.get(0).admdvs() : region.strip();
        int y = year(year);
        DipPayments.Overview v;
        try {
            v = dip.overview(admdvs, y);
        } catch (NotFoundException | InvalidInputException e) {
            throw new PageNotFoundException("DIP region", admdvs);
        }
        model.addAttribute("v", v);
        model.addAttribute("catalogue", dip.catalogue(admdvs, y, true).orElse(null));
        model.addAttribute("canDecide", InstitutionKeyPages.isAdmin(authentication));
        model.addAttribute("chartJson", DashboardController.safeForScript(JSON.writeValueAsString(chart(v))));
        return "console/dip";
    }

    @GetMapping("/dip/{admdvs}/{year}/institutions/{code}")
    String institution(@PathVariable String admdvs, @PathVariable int year, @PathVariable String code, Model model) {
        DipPayments.InstitutionYear r;
        try {
            r = dip.institutionYear(admdvs, year, code).orElseThrow(() -> new PageNotFoundException("DIP result", code));
        } catch (NotFoundException | InvalidInputException e) {
            throw new PageNotFoundException("DIP region", admdvs);
        }
        model.addAttribute("section", "dip");
        model.addAttribute("r", r);
        return "console/dip-institution";
    }

    @PostMapping("/dip/{admdvs}/{year}/budget")
    String budget(@PathVariable String admdvs, @PathVariable int year, @RequestParam Map<String, String> params,
                  Authentication authentication, RedirectAttributes redirect) {
        return change(admdvs, year, authentication, redirect, () -> dip.setBudget(admdvs, year, AdminDecisions.decimal("amount", params.get("amount"))));
    }

    @PostMapping("/dip/{admdvs}/{year}/catalogue")
    String catalogue(@PathVariable String admdvs, @PathVariable int year, @RequestParam Map<String, String> params,
                     Authentication authentication, RedirectAttributes redirect) {
        return change(admdvs, year, authentication, redirect, () -> dip.buildCatalogue(admdvs, year, historyTo(params.get("history_to"))));
    }

    @PostMapping("/dip/{admdvs}/{year}/run")
    String run(@PathVariable String admdvs, @PathVariable int year, Authentication authentication, RedirectAttributes redirect) {
        return change(admdvs, year, authentication, redirect, () -> dip.run(admdvs, year));
    }

    private String change(String admdvs, int year, Authentication authentication, RedirectAttributes redirect, Runnable change) {
        return AdminDecisions.decide(authentication, redirect, texts, "dipError", "/dip?region=" + admdvs + "&year=" + year, change);
    }

    /** The year asked, else last year (DIP is run after the year ends). */
    private int year(String text) {
        Integer asked = Params.integer(text);
        return asked == null || asked < 2000 || asked > 2100 ? LocalDate.now(clock).getYear() - 1 : asked;
    }

    private static Integer historyTo(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        Integer y = Params.integer(v);
        if (y == null) {
            throw new InvalidInputException("history_to", "format", "a year such as 2025 (got " + v + ")");
        }
        return y;
    }

    /** Per institution: what the fund paid item by item (hifp) against what it pays under DIP. */
    private static Map<String, Object> chart(DipPayments.Overview v) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("names", v.institutions().stream().map(DipPayments.InstitutionResult::name).toList());
        chart.put("items", v.institutions().stream().map(i -> i.hifp().toBigDecimal()).toList());
        chart.put("dip", v.institutions().stream().map(i -> i.fundPayment().toBigDecimal()).toList());
        chart.put("adjustment", v.institutions().stream().map(i -> i.adjustment().toBigDecimal()).toList());
        return chart;
    }
}
