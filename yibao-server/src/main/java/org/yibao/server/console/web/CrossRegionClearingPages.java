package org.yibao.server.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.console.internal.CrossRegionQueries;
import org.yibao.server.crossregion.PrepaidFunds;
import org.yibao.server.crossregion.RegionClearing;
import org.yibao.server.crossregion.RegionPair;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-region care in the console (issue 9, R-XR-4): prepaid funds with their balances and alerts, the
 * month's statements between regions with a confirm button per side, a printable statement, and charts
 * of filings by region and category and of cross-region settlements and their share of fund spending.
 * Administrators size and top up funds, issue months and confirm; other staff read.
 */
@Controller
class CrossRegionClearingPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrepaidFunds funds;
    private final RegionClearing clearing;
    private final CrossRegionQueries queries;
    private final MessageSource messages;
    private final Clock clock;
    private final RefusalTexts texts;

    CrossRegionClearingPages(PrepaidFunds funds, RegionClearing clearing, CrossRegionQueries queries, MessageSource messages, Clock clock,
                             RefusalTexts texts) {
        this.funds = funds;
        this.clearing = clearing;
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/xr-clearing")
    String page(@RequestParam(required = false) String month, Model model, Authentication authentication, Locale locale) {
        YearMonth m = Months.orLastMonth(month, clock);
        List<RegionClearing.Statement> statements = clearing.month(m);
        model.addAttribute("section", "xrClearing");
        model.addAttribute("month", m);
        model.addAttribute("funds", funds.all());
        model.addAttribute("statements", statements);
        model.addAttribute("over", m.isBefore(YearMonth.now(clock)));
        model.addAttribute("unissued", statements.stream().anyMatch(s -> !s.issued()));
        model.addAttribute("canDecide", InstitutionKeyPages.isAdmin(authentication));
        model.addAttribute("chartJson", DashboardController.safeForScript(JSON.writeValueAsString(charts(m.getYear(), locale))));
        return "console/xr-clearing";
    }

    @GetMapping("/xr-clearing/{month}/{insured}/{treatment}")
    String statement(@PathVariable String month, @PathVariable String insured, @PathVariable String treatment, Model model) {
        try {
            model.addAttribute("s", clearing.statement(new RegionPair(insured, treatment), Months.orLastMonth(month, clock)));
        } catch (InvalidInputException e) {
            throw new PageNotFoundException("region pair", insured + "/" + treatment);
        }
        model.addAttribute("section", "xrClearing");
        model.addAttribute("kinds", RegionClearing.KINDS);
        return "console/xr-clearing-statement";
    }

    @PostMapping("/xr-clearing/{month}/issue")
    String issue(@PathVariable String month, Authentication authentication, RedirectAttributes redirect) {
        YearMonth m = Months.orLastMonth(month, clock);
        return decide(authentication, redirect, m, () -> clearing.issue(m));
    }

    @PostMapping("/xr-clearing/{month}/{insured}/{treatment}/confirm")
    String confirm(@PathVariable String month, @PathVariable String insured, @PathVariable String treatment,
                   @RequestParam(required = false) String admdvs, Authentication authentication, RedirectAttributes redirect) {
        YearMonth m = Months.orLastMonth(month, clock);
        return decide(authentication, redirect, m, () -> clearing.confirm(new RegionPair(insured, treatment), m, admdvs));
    }

    @PostMapping("/xr-clearing/prepaid-funds/{insured}/{treatment}/top-up")
    String topUp(@PathVariable String insured, @PathVariable String treatment, @RequestParam(required = false) String month,
                 Authentication authentication, RedirectAttributes redirect) {
        YearMonth m = Months.orLastMonth(month, clock);
        return decide(authentication, redirect, m, () -> funds.sizeAndTopUp(new RegionPair(insured, treatment)));
    }

    /** An administrator's decision; a refusal is shown on the page with its reason (nothing was written). */
    private String decide(Authentication authentication, RedirectAttributes redirect, YearMonth m, Runnable decision) {
        if (!InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
        try {
            decision.run();
            redirect.addFlashAttribute("flash", "rights.saved");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("xrError", texts.text(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/xr-clearing?month=" + m;
    }

    private Map<String, Object> charts(int year, Locale locale) {
        Map<String, Object> charts = new LinkedHashMap<>();
        List<CrossRegionQueries.FilingCount> filings = queries.filingsInForce(LocalDate.now(clock));
        List<String> regionCodes = filings.stream().map(CrossRegionQueries.FilingCount::treatmentAdmdvs).distinct().toList();
        List<String> regionNames = regionCodes.stream().map(code -> filings.stream().filter(f -> f.treatmentAdmdvs().equals(code))
                .findFirst().map(CrossRegionQueries.FilingCount::treatmentName).orElse(code)).toList();
        List<Map<String, Object>> filingSeries = new ArrayList<>();
        for (String category : filings.stream().map(CrossRegionQueries.FilingCount::category).distinct().sorted().toList()) {
            BigDecimal[] data = new BigDecimal[regionCodes.size()];
            for (CrossRegionQueries.FilingCount f : filings) {
                if (f.category().equals(category)) {
                    data[regionCodes.indexOf(f.treatmentAdmdvs())] = BigDecimal.valueOf(f.filings());
                }
            }
            filingSeries.add(Map.of("name", label("filing.category." + category, locale), "data", Arrays.asList(data)));
        }
        charts.put("filings", Map.of("categories", regionNames, "series", filingSeries));

        BigDecimal[] count = new BigDecimal[12];
        BigDecimal[] fund = new BigDecimal[12];
        BigDecimal[] share = new BigDecimal[12];
        for (CrossRegionQueries.SettlementMonth s : queries.settlementsByMonth(year)) {
            count[s.month() - 1] = BigDecimal.valueOf(s.settlements());
            fund[s.month() - 1] = s.crossRegionFund();
            share[s.month() - 1] = s.allFund().signum() == 0 ? null
                    : s.crossRegionFund().multiply(BigDecimal.valueOf(100)).divide(s.allFund(), 1, RoundingMode.HALF_UP);
        }
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(messages.getMessage("analytics.month", new Object[] {Integer.toString(m)}, locale));
        }
        charts.put("xrSettlements", Map.of("categories", months, "grouped", true, "series", List.of(
                Map.of("name", label("xrClearing.chart.count", locale), "data", Arrays.asList(count)))));
        charts.put("xrFund", Map.of("categories", months, "grouped", true, "series", List.of(
                Map.of("name", label("xrClearing.chart.fund", locale), "data", Arrays.asList(fund)))));
        charts.put("xrShare", Map.of("categories", months, "percent", true, "series", List.of(
                Map.of("name", label("xrClearing.chart.share", locale), "type", "line", "data", Arrays.asList(share)))));
        return charts;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
