package org.yibao.server.console.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;
import org.yibao.server.supervision.Cases;
import org.yibao.server.supervision.KnowledgeBaseInForce;
import org.yibao.server.supervision.PeerIndicators;
import org.yibao.server.supervision.SupervisionRuns;
import org.yibao.server.supervision.Warnings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fund supervision in the console (R-SUP-2…6): the warnings board (filters by rule, institution, month
 * and state; charts by rule, institution and month; the runs with their progress and, for
 * administrators and auditors, the button that runs a region's period), one warning with its evidence,
 * and the case pages through the whole workflow — open, inspect, decide — whose forms only auditors see
 * (and only auditors may post: URL security and a check here).
 */
@Controller
class SupervisionPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Most warnings the board lists. */
    static final int LIMIT = 300;

    private final Warnings warnings;
    private final SupervisionRuns runs;
    private final Cases cases;
    private final PeerIndicators indicators;
    private final MessageSource messages;
    private final Clock clock;
    private final KnowledgeBaseInForce knowledge;
    private final RefusalTexts texts;

    SupervisionPages(Warnings warnings, SupervisionRuns runs, Cases cases, PeerIndicators indicators, MessageSource messages, Clock clock,
                     KnowledgeBaseInForce knowledge, RefusalTexts texts) {
        this.knowledge = knowledge;
        this.indicators = indicators;
        this.warnings = warnings;
        this.runs = runs;
        this.cases = cases;
        this.messages = messages;
        this.clock = clock;
        this.texts = texts;
    }

    static boolean isAuditor(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_AUDITOR".equals(a.getAuthority()));
    }

    @GetMapping("/supervision/warnings")
    String board(@RequestParam(required = false) String rule, @RequestParam(required = false) String institution,
                 @RequestParam(required = false) String month, @RequestParam(required = false) String state, Model model,
                 Authentication authentication, Locale locale) {
        YearMonth m = parseMonth(month);
        Warnings.Filter filter = new Warnings.Filter(null, blank(rule), blank(institution), m, blank(state));
        Warnings.Summary summary = warnings.summary(filter);
        model.addAttribute("section", "supervision");
        model.addAttribute("filter", filter);
        model.addAttribute("month", m == null ? "" : m.toString());
        model.addAttribute("rules", warnings.ruleIds());
        model.addAttribute("warnings", warnings.list(filter, LIMIT));
        model.addAttribute("summary", summary);
        List<SupervisionRuns.Run> recent = runs.recent(null, 10);
        model.addAttribute("runs", recent);
        model.addAttribute("running", recent.stream().anyMatch(r -> "RUNNING".equals(r.state())));
        model.addAttribute("staleRules", knowledge.staleRules());
        model.addAttribute("canRun", isAuditor(authentication) || InstitutionKeyPages.isAdmin(authentication));
        model.addAttribute("canOpen", isAuditor(authentication));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("runFrom", today.minusMonths(1).withDayOfMonth(1));
        model.addAttribute("runTo", today.withDayOfMonth(1).minusDays(1));
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("byRule", chart(summary.byRule(), true, locale));
        charts.put("byInstitution", chart(summary.byInstitution(), false, locale));
        charts.put("byMonth", chart(summary.byMonth(), true, locale));
        model.addAttribute("chartJson", DashboardController.safeForScript(JSON.writeValueAsString(charts)));
        return "console/supervision-warnings";
    }

    /** A bar chart of counts per key (rule ids and months by key; institutions by name), for analytics.js. */
    private Map<String, Object> chart(List<Warnings.Total> totals, boolean byKey, Locale locale) {
        List<String> categories = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Warnings.Total t : totals) {
            categories.add(byKey ? t.key() : t.label());
            counts.add(t.count());
        }
        return Map.of("categories", categories, "series", List.of(Map.of("name", messages.getMessage("warning.count", null, locale),
                "data", counts)));
    }

    /** 机构风险: the peer indicators of a region's institutions for a quarter (the last one over by default). */
    @GetMapping("/supervision/risk")
    String risk(@RequestParam(required = false) String admdvs, @RequestParam(required = false) String quarter, Model model) {
        LocalDate start;
        try {
            start = PeerIndicators.quarterStart(quarter);
        } catch (InvalidInputException e) {
            LocalDate today = LocalDate.now(clock);
            start = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1).minusMonths(3);
        }
        String region = blank(admdvs) == null ? "990100" : admdvs.strip();
        model.addAttribute("section", "supervision");
        model.addAttribute("admdvs", region);
        model.addAttribute("quarter", start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1));
        model.addAttribute("rows", indicators.quarter(region, start));
        return "console/supervision-risk";
    }

    @PostMapping("/supervision/runs")
    String run(@RequestParam(required = false) String admdvs, @RequestParam(required = false) String from,
               @RequestParam(required = false) String to, Authentication authentication, RedirectAttributes redirect) {
        if (!isAuditor(authentication) && !InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
        try {
            SupervisionRuns.Run r = runs.start(admdvs == null ? null : admdvs.strip(), day(from), day(to), "ON_DEMAND");
            redirect.addFlashAttribute("runStarted", r);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.fieldMessages(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/supervision/warnings";
    }

    @GetMapping("/supervision/warnings/{id}")
    String warning(@PathVariable long id, Model model, Authentication authentication) {
        model.addAttribute("section", "supervision");
        model.addAttribute("w", warnings.find(id).orElseThrow(() -> new PageNotFoundException("supervision_warning", String.valueOf(id))));
        model.addAttribute("canOpen", isAuditor(authentication));
        return "console/supervision-warning";
    }

    @PostMapping("/supervision/warnings/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, Authentication authentication,
                   RedirectAttributes redirect) {
        requireAuditor(authentication);
        try {
            warnings.dismiss(id, reason);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.fieldMessages(e, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(texts.text(e, LocaleContextHolder.getLocale())));
        }
        return "redirect:/supervision/warnings/" + id;
    }

    @GetMapping("/supervision/cases")
    String cases(@RequestParam(required = false) String state, Model model, Authentication authentication) {
        model.addAttribute("section", "supervision");
        model.addAttribute("cases", cases.list(null, blank(state)));
        model.addAttribute("state", blank(state));
        model.addAttribute("canOpen", isAuditor(authentication));
        return "console/supervision-cases";
    }

    @PostMapping("/supervision/cases")
    String open(@RequestParam(name = "warningId", required = false) List<Long> warningIds, @RequestParam(required = false) String psnNo,
                @RequestParam(required = false) String fixmedinsCode, @RequestParam(required = false) String title,
                @RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
        requireAuditor(authentication);
        try {
            Cases.Case k = cases.open(new Cases.Opening(warningIds, blank(fixmedinsCode), blank(psnNo), title, reason));
            return "redirect:/supervision/cases/" + k.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.fieldMessages(e, LocaleContextHolder.getLocale()));
        }
        return warningIds != null && warningIds.size() == 1 ? "redirect:/supervision/warnings/" + warningIds.get(0) : "redirect:/supervision/cases";
    }

    @GetMapping("/supervision/cases/{id}")
    String oneCase(@PathVariable long id, Model model, Authentication authentication) {
        Cases.Case k = cases.find(id).orElseThrow(() -> new PageNotFoundException(Cases.ENTITY, String.valueOf(id)));
        model.addAttribute("section", "supervision");
        model.addAttribute("k", k);
        model.addAttribute("warnings", k.warningIds().stream().map(w -> warnings.find(w).orElseThrow()).toList());
        model.addAttribute("violations", cases.policy().violations().stream().filter(v -> v.subject().equals(k.subject())).toList());
        model.addAttribute("canWork", isAuditor(authentication));
        model.addAttribute("today", LocalDate.now(clock));
        return "console/supervision-case";
    }

    @PostMapping("/supervision/cases/{id}/inspection")
    String inspect(@PathVariable long id, @RequestParam(required = false) String inspectedOn, @RequestParam(required = false) String findings,
                   @RequestParam(required = false) String confirmedAmount, Authentication authentication, RedirectAttributes redirect) {
        requireAuditor(authentication);
        try {
            cases.inspect(id, new Cases.Inspection(day(inspectedOn), findings, decimal("confirmed_amount", confirmedAmount)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.fieldMessages(e, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(texts.text(e, LocaleContextHolder.getLocale())));
        }
        return "redirect:/supervision/cases/" + id;
    }

    @PostMapping("/supervision/cases/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String violation, @RequestParam(required = false) String fineMultiple,
                  @RequestParam(required = false) String measure, @RequestParam(required = false) String months,
                  @RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
        requireAuditor(authentication);
        try {
            Integer m = blank(months) == null ? null : Integer.valueOf(months.strip());
            cases.decide(id, new Cases.Decision(violation, decimal("fine_multiple", fineMultiple), measure, m, reason));
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("errors", List.of("months: a whole number of months"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.fieldMessages(e, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(texts.text(e, LocaleContextHolder.getLocale())));
        }
        return "redirect:/supervision/cases/" + id;
    }

    private static void requireAuditor(Authentication authentication) {
        if (!isAuditor(authentication)) {
            throw new ForbiddenPageException();
        }
    }

    private static BigDecimal decimal(String field, String text) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "format", "a number, e.g. 2000.00 (got " + text + ")");
        }
    }

    private static LocalDate day(String text) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "format", "a day YYYY-MM-DD (got " + text + ")");
        }
    }

    private static YearMonth parseMonth(String text) {
        try {
            return blank(text) == null ? null : YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
