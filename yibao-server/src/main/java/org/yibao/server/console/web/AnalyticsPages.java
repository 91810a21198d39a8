package org.yibao.server.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.internal.AnalyticsQueries;
import org.yibao.server.institution.Agreements;
import org.yibao.server.payment.CountyBudgets;
import org.yibao.server.region.Regions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics page (R-KPI) for a pooling region and a year: fund expenditure by fund, level and month;
 * the share of visits at level-1 institutions; per-capita spending of hypertension patients; referrals up
 * and down; county budgets against actual; institutions suspended and complaints overdue today. Warnings,
 * recoveries and DRG figures join when supervision and DRG payment exist (issues 7 and 8).
 */
@Controller
class AnalyticsPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AnalyticsQueries queries;
    private final CountyBudgets budgets;
    private final Agreements agreements;
    private final Regions regionDirectory;
    private final MessageSource messages;
    private final Clock clock;

    AnalyticsPages(AnalyticsQueries queries, CountyBudgets budgets, Agreements agreements, Regions regionDirectory, MessageSource messages,
                   Clock clock) {
        this.queries = queries;
        this.budgets = budgets;
        this.agreements = agreements;
        this.regionDirectory = regionDirectory;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/analytics")
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String year, Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        List<String[]> regions = queries.poolingRegions();
        String r = region != null && regions.stream().anyMatch(x -> x[0].equals(region)) ? region
                : regions.isEmpty() ? "" : regions.get(0)[0];
        Integer asked = Params.integer(year);
        int y = asked == null || asked < 2000 || asked > 2100 ? today.getYear() : asked;
        model.addAttribute("section", "analytics");
        model.addAttribute("regions", regions);
        model.addAttribute("region", r);
        model.addAttribute("year", y);

        var funds = queries.fundsByMonth(r, y);
        var levels = queries.byLevel(r, y);
        var hypertension = queries.hypertension(r, y);
        var referrals = queries.referrals(r, y);
        BigDecimal total = funds.stream().map(f -> f.basicPool().add(f.seriousIllness()).add(f.largeAmount()).add(f.assistance())
                .add(f.civilServant()).add(f.other())).reduce(BigDecimal.ZERO, BigDecimal::add);
        long visits = levels.stream().filter(l -> l.level() > 0).mapToLong(AnalyticsQueries.LevelMonth::visits).sum();
        long level1 = levels.stream().filter(l -> l.level() == 1).mapToLong(AnalyticsQueries.LevelMonth::visits).sum();
        model.addAttribute("fundTotal", total);
        model.addAttribute("level1Share", visits == 0 ? null : BigDecimal.valueOf(level1).divide(BigDecimal.valueOf(visits), 4, RoundingMode.HALF_UP));
        model.addAttribute("hypertension", hypertension);
        model.addAttribute("perCapitaFees", perCapita(hypertension.medicalFees(), hypertension.patients()));
        model.addAttribute("perCapitaFund", perCapita(hypertension.fundPaid(), hypertension.patients()));
        model.addAttribute("referralsUp", referrals.stream().mapToLong(AnalyticsQueries.ReferralMonth::up).sum());
        model.addAttribute("referralsDown", referrals.stream().mapToLong(AnalyticsQueries.ReferralMonth::down).sum());
        model.addAttribute("complaints", queries.complaints(today));
        model.addAttribute("suspended", agreements.register(today, null).stream()
                .filter(row -> row.standing().suspension() != null || row.standing().uploadSuspension() != null).toList());
        model.addAttribute("countyBudgets", budgets.communities().stream()
                .filter(a -> regionDirectory.poolingRegionOf(a.admdvs(), today).map(r::equals).orElse(false))
                .map(a -> budgets.view(a.code(), y)).toList());

        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("funds", Map.of("categories", months(locale), "series", List.of(
                series(label("analytics.fund.basicPool", locale), funds, AnalyticsQueries.FundMonth::month, AnalyticsQueries.FundMonth::basicPool),
                series(label("analytics.fund.seriousIllness", locale), funds, AnalyticsQueries.FundMonth::month,
                        AnalyticsQueries.FundMonth::seriousIllness),
                series(label("analytics.fund.largeAmount", locale), funds, AnalyticsQueries.FundMonth::month,
                        AnalyticsQueries.FundMonth::largeAmount),
                series(label("analytics.fund.assistance", locale), funds, AnalyticsQueries.FundMonth::month,
                        AnalyticsQueries.FundMonth::assistance),
                series(label("analytics.fund.civilServant", locale), funds, AnalyticsQueries.FundMonth::month,
                        AnalyticsQueries.FundMonth::civilServant),
                series(label("analytics.fund.other", locale), funds, AnalyticsQueries.FundMonth::month, AnalyticsQueries.FundMonth::other))));
        List<Map<String, Object>> levelSeries = new ArrayList<>();
        for (int level : new int[] {3, 2, 1, 0}) {
            var rows = levels.stream().filter(l -> l.level() == level).toList();
            if (!rows.isEmpty()) {
                levelSeries.add(series(label("level." + (level == 0 ? "none" : level), locale), rows, AnalyticsQueries.LevelMonth::month,
                        AnalyticsQueries.LevelMonth::fund));
            }
        }
        charts.put("levels", Map.of("categories", months(locale), "series", levelSeries));
        BigDecimal[] share = new BigDecimal[12];
        for (int m = 1; m <= 12; m++) {
            final int month = m;
            long all = levels.stream().filter(l -> l.month() == month && l.level() > 0).mapToLong(AnalyticsQueries.LevelMonth::visits).sum();
            long one = levels.stream().filter(l -> l.month() == month && l.level() == 1).mapToLong(AnalyticsQueries.LevelMonth::visits).sum();
            share[m - 1] = all == 0 ? null : BigDecimal.valueOf(one * 100).divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP);
        }
        charts.put("level1Share", Map.of("categories", months(locale), "percent", true, "series",
                List.of(Map.of("name", label("analytics.level1Share", locale), "type", "line", "data", Arrays.asList(share)))));
        charts.put("referrals", Map.of("categories", months(locale), "grouped", true, "series", List.of(
                series(label("analytics.referrals.up", locale), referrals, AnalyticsQueries.ReferralMonth::month, x -> BigDecimal.valueOf(x.up())),
                series(label("analytics.referrals.down", locale), referrals, AnalyticsQueries.ReferralMonth::month,
                        x -> BigDecimal.valueOf(x.down())))));
        var drg = queries.drgByHospital(r, y);
        model.addAttribute("drgHospitals", drg);
        List<String> hospitals = drg.stream().map(AnalyticsQueries.DrgHospital::name).toList();
        charts.put("drgCmi", Map.of("categories", hospitals, "grouped", true, "series", List.of(Map.of("name", label("drg.cmi", locale),
                "data", drg.stream().map(AnalyticsQueries.DrgHospital::cmi).toList()))));
        charts.put("drgSurplus", Map.of("categories", hospitals, "grouped", true, "negative", true, "series", List.of(Map.of("name",
                label("drg.surplus", locale), "data", drg.stream().map(AnalyticsQueries.DrgHospital::surplus).toList()))));
        var rules = queries.warningsByRule(r, y);
        model.addAttribute("ruleWarnings", rules);
        List<String> ruleIds = rules.stream().map(AnalyticsQueries.RuleWarnings::ruleId).toList();
        charts.put("warningsByRule", Map.of("categories", ruleIds, "grouped", true, "series", List.of(
                Map.of("name", label("analytics.warnings.amount", locale), "data", rules.stream().map(AnalyticsQueries.RuleWarnings::amount).toList()),
                Map.of("name", label("analytics.warnings.recovered", locale), "data",
                        rules.stream().map(AnalyticsQueries.RuleWarnings::recovered).toList()))));
        model.addAttribute("chartJson", DashboardController.safeForScript(JSON.writeValueAsString(charts)));
        return "console/analytics";
    }

    private static BigDecimal perCapita(BigDecimal amount, long persons) {
        return persons == 0 ? null : amount.divide(BigDecimal.valueOf(persons), 2, RoundingMode.HALF_UP);
    }

    /** Twelve values, one per month (null for a month without rows). */
    private static <T> Map<String, Object> series(String name, List<T> rows, Function<T, Integer> month, Function<T, BigDecimal> value) {
        BigDecimal[] data = new BigDecimal[12];
        for (T row : rows) {
            int m = month.apply(row);
            data[m - 1] = (data[m - 1] == null ? BigDecimal.ZERO : data[m - 1]).add(value.apply(row));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", Arrays.asList(data));
        return s;
    }

    private List<String> months(Locale locale) {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(messages.getMessage("analytics.month", new Object[] {Integer.toString(m)}, locale));
        }
        return months;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
