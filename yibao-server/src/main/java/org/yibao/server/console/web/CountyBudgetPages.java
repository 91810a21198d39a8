package org.yibao.server.console.web;

import java.math.BigDecimal;
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
import org.yibao.server.institution.Alliance;
import org.yibao.server.payment.CountyBudgets;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-PAY-5 in the console: a county medical community's budget for a year against the fund's payments month
 * by month, the running forecast and the year-end settle-up. Setting the terms and settling up are for
 * administrators (URL security; the forms are shown to them only).
 */
@Controller
class CountyBudgetPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CountyBudgets budgets;
    private final Clock clock;
    private final RefusalTexts texts;

    CountyBudgetPages(CountyBudgets budgets, Clock clock, RefusalTexts texts) {
        this.budgets = budgets;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/county-budgets")
    String page(@RequestParam(required = false) String alliance, @RequestParam(required = false) String year, Model model,
                Authentication authentication) {
        List<Alliance> communities = budgets.communities();
        model.addAttribute("section", "countyBudgets");
        model.addAttribute("communities", communities);
        if (communities.isEmpty()) {
            return "console/county-budget";
        }
        String code = alliance == null || alliance.isBlank() ? communities.get(0).code() : alliance.strip();
        Integer asked = Params.integer(year);
        int y = asked == null || asked < 2000 || asked > 2100 ? LocalDate.now(clock).getYear() : asked;
        CountyBudgets.View v;
        try {
            v = budgets.view(code, y);
        } catch (NotFoundException | ConflictException e) {
            throw new PageNotFoundException("county medical community", code);
        }
        model.addAttribute("v", v);
        model.addAttribute("canDecide", InstitutionKeyPages.isAdmin(authentication));
        model.addAttribute("chartJson", DashboardController.safeForScript(JSON.writeValueAsString(chart(v))));
        return "console/county-budget";
    }

    @PostMapping("/county-budgets/{alliance}/{year}/terms")
    String terms(@PathVariable String alliance, @PathVariable int year, @RequestParam Map<String, String> params,
                 Authentication authentication, RedirectAttributes redirect) {
        return change(alliance, year, authentication, redirect, () -> budgets.setTerms(alliance, year,
                decimal(params, "per_capita"), decimal(params, "surplus_retained"), decimal(params, "overspend_fund_share")));
    }

    @PostMapping("/county-budgets/{alliance}/{year}/settle-up")
    String settleUp(@PathVariable String alliance, @PathVariable int year, Authentication authentication, RedirectAttributes redirect) {
        return change(alliance, year, authentication, redirect, () -> budgets.settleUp(alliance, year));
    }

    private String change(String alliance, int year, Authentication authentication, RedirectAttributes redirect, Runnable change) {
        return AdminDecisions.decide(authentication, redirect, texts, "budgetError", "/county-budgets?alliance=" + alliance + "&year=" + year, change);
    }

    private static BigDecimal decimal(Map<String, String> params, String field) {
        return AdminDecisions.decimal(field, params.get(field));
    }

    /** Months 1–12: payments each month, cumulative payments, and the budget line. */
    private static Map<String, Object> chart(CountyBudgets.View v) {
        BigDecimal[] monthly = new BigDecimal[12];
        BigDecimal[] cumulative = new BigDecimal[12];
        BigDecimal running = BigDecimal.ZERO;
        int last = v.months().isEmpty() ? 0 : v.months().get(v.months().size() - 1).month();
        for (int m = 1; m <= 12; m++) {
            final int month = m;
            var row = v.months().stream().filter(x -> x.month() == month).findFirst();
            BigDecimal paid = row.map(r -> r.total().toBigDecimal()).orElse(BigDecimal.ZERO);
            running = running.add(paid);
            monthly[m - 1] = m <= last ? paid : null;
            cumulative[m - 1] = m <= last ? running : null;
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("monthly", monthly);
        chart.put("cumulative", cumulative);
        chart.put("budget", v.budget().toBigDecimal());
        return chart;
    }
}
