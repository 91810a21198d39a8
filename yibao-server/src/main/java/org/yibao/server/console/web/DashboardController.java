package org.yibao.server.console.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yibao.server.console.internal.DashboardQueries;
import org.yibao.server.console.internal.SettlementQueries;
import org.yibao.server.demo.DemoHistory;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard: headline counts, today's and this month's settlements, and charts, counted live from the database. */
@Controller
class DashboardController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DashboardQueries queries;
    private final MessageSource messages;
    private final DemoHistory history;
    private final SettlementQueries settlements;
    private final Clock clock;

    DashboardController(DashboardQueries queries, MessageSource messages, DemoHistory history, SettlementQueries settlements,
                        Clock clock) {
        this.settlements = settlements;
        this.clock = clock;
        this.queries = queries;
        this.messages = messages;
        this.history = history;
    }

    @GetMapping("/")
    String dashboard(Model model, Locale locale) {
        model.addAttribute("section", "dashboard");
        model.addAttribute("headline", queries.headline());
        model.addAttribute("history", history.progress());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", settlements.period(today, today.plusDays(1)));
        model.addAttribute("month", settlements.period(today.withDayOfMonth(1), today.plusDays(1)));
        model.addAttribute("chartJson", safeForScript(JSON.writeValueAsString(charts(locale))));
        return "console/dashboard";
    }

    /** Chart data with labels already in the user's language, so the browser script stays generic. */
    private Map<String, Object> charts(Locale locale) {
        Map<String, Object> charts = new LinkedHashMap<>();

        var institutions = queries.institutionsByKindAndLevel();
        List<String> kinds = institutions.stream().map(DashboardQueries.InstitutionCount::kind).distinct().toList();
        LinkedHashSet<Integer> levels = new LinkedHashSet<>();
        institutions.forEach(c -> levels.add(c.level()));
        List<Map<String, Object>> levelSeries = new ArrayList<>();
        for (Integer level : levels) {
            List<Long> data = kinds.stream().map(kind -> institutions.stream()
                            .filter(c -> c.kind().equals(kind) && Objects.equals(c.level(), level))
                            .mapToLong(DashboardQueries.InstitutionCount::count).sum())
                    .toList();
            levelSeries.add(Map.of("name", label("level." + (level == null ? "none" : level), locale), "data", data));
        }
        charts.put("institutions", Map.of(
                "title", label("dashboard.chart.institutions", locale),
                "categories", kinds.stream().map(k -> label("kind." + k, locale)).toList(),
                "series", levelSeries));

        var persons = queries.personsByRegionAndInsutype();
        List<String> regions = persons.stream().map(DashboardQueries.PersonCount::admdvs).distinct().toList();
        List<String> regionLabels = regions.stream().map(admdvs -> persons.stream()
                        .filter(p -> p.admdvs().equals(admdvs)).findFirst()
                        .map(p -> p.regionName() == null ? admdvs : p.regionName() + " " + admdvs).orElse(admdvs))
                .toList();
        List<String> insutypes = persons.stream().map(DashboardQueries.PersonCount::insutype).distinct().sorted().toList();
        List<Map<String, Object>> insutypeSeries = new ArrayList<>();
        List<Map<String, Object>> insutypeTotals = new ArrayList<>();
        for (String insutype : insutypes) {
            List<Long> data = regions.stream().map(admdvs -> persons.stream()
                            .filter(p -> p.admdvs().equals(admdvs) && p.insutype().equals(insutype))
                            .mapToLong(DashboardQueries.PersonCount::count).sum())
                    .toList();
            String name = label("insutype." + insutype, locale);
            insutypeSeries.add(Map.of("name", name, "data", data));
            insutypeTotals.add(Map.of("name", name, "value", data.stream().mapToLong(Long::longValue).sum()));
        }
        charts.put("persons", Map.of(
                "title", label("dashboard.chart.persons", locale),
                "categories", regionLabels,
                "series", insutypeSeries));
        charts.put("insutypes", Map.of(
                "title", label("dashboard.chart.insutypes", locale),
                "data", insutypeTotals));

        // This month's fund expenditure (reversals net out), by fund and by institution level.
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.withDayOfMonth(1);
        charts.put("fundsByPool", Map.of(
                "title", label("dashboard.chart.fundsByPool", locale),
                "data", settlements.expenditureByFund(first, today.plusDays(1)).stream()
                        .map(a -> Map.of("name", a.label(), "value", a.amount())).toList()));
        var byLevel = settlements.expenditureByLevel(first, today.plusDays(1));
        charts.put("fundsByLevel", Map.of(
                "title", label("dashboard.chart.fundsByLevel", locale),
                "categories", byLevel.stream().map(a -> label("level." + a.label(), locale)).toList(),
                "series", List.of(Map.of("name", label("settlement.fund", locale),
                        "data", byLevel.stream().map(SettlementQueries.Amount::amount).toList()))));
        return charts;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** JSON inside a script element must not be able to close it. */
    static String safeForScript(String json) {
        return json.replace("<", "\\u003c");
    }
}
