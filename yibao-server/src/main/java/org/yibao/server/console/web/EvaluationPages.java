package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.evaluation.Evaluation;
import org.yibao.server.evaluation.Evaluations;
import org.yibao.server.evaluation.PrescriptionReviews;
import org.yibao.server.evaluation.SatisfactionSurveys;
import org.yibao.server.evaluation.Violations;
import org.yibao.server.institution.Institutions;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;
import org.yibao.server.region.Region;
import org.yibao.server.region.Regions;

/**
 * The annual evaluation (R-INST-2) in the console: the evaluations of a region's year with a bar chart of
 * the totals, one evaluation with its indicators and versions, its printable report, and an
 * institution's feeds (prescription reviews, confirmed violations). Running, finalising and confirming
 * violations: ADMIN; recording reviews and importing reviews or surveys: ADMIN and CLERK (URL security
 * says the same; the pages show each form only to who may use it).
 */
@Controller
class EvaluationPages {

    private final Evaluations evaluations;
    private final PrescriptionReviews reviews;
    private final SatisfactionSurveys surveys;
    private final Violations violations;
    private final Institutions institutions;
    private final Regions regions;
    private final Clock clock;
    private final RefusalTexts texts;

    EvaluationPages(Evaluations evaluations, PrescriptionReviews reviews, SatisfactionSurveys surveys, Violations violations,
                    Institutions institutions, Regions regions, Clock clock, RefusalTexts texts) {
        this.evaluations = evaluations;
        this.reviews = reviews;
        this.surveys = surveys;
        this.violations = violations;
        this.institutions = institutions;
        this.regions = regions;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/evaluations")
    String list(@RequestParam(required = false) String year, @RequestParam(required = false) String admdvs, Model model,
                Authentication authentication) {
        int y = year(year);
        List<Region> pooling = regions.list(LocalDate.now(clock)).stream().filter(r -> r.admdvs().equals(r.poolingAdmdvs())).toList();
        String region = admdvs == null || admdvs.isBlank() ? null : admdvs.strip();
        List<Evaluation> rows = evaluations.latest(y, region);
        model.addAttribute("section", "evaluations");
        model.addAttribute("year", y);
        model.addAttribute("admdvs", region);
        model.addAttribute("regions", pooling);
        model.addAttribute("rows", rows);
        model.addAttribute("chartJson", DashboardController.safeForScript(chart(rows)));
        model.addAttribute("isAdmin", InstitutionKeyPages.isAdmin(authentication));
        return "console/evaluations";
    }

    @PostMapping("/evaluations/run")
    String run(@RequestParam Map<String, String> params, Authentication authentication, RedirectAttributes redirect) {
        requireAdmin(authentication);
        String code = params.get("fixmedins_code");
        String admdvs = params.get("admdvs");
        try {
            int y = Integer.parseInt(params.getOrDefault("year", "").strip());
            if (code != null && !code.isBlank()) {
                Evaluation e = evaluations.run(code.strip(), y);
                redirect.addFlashAttribute("flash", "evaluation.ran");
                return "redirect:/evaluations/" + e.id();
            }
            Evaluations.RegionRun r = evaluations.runRegion(admdvs, y);
            redirect.addFlashAttribute("evaluationResult", new Object[] {r.year(), r.admdvs(), r.evaluated().size(), r.skipped().size()});
            return "redirect:/evaluations?year=" + y + "&admdvs=" + r.admdvs();
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("evaluationError", "year: a year such as " + LocalDate.now(clock).getYear());
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("evaluationError", texts.text(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/evaluations";
    }

    @GetMapping("/evaluations/{id}")
    String detail(@PathVariable long id, Model model, Authentication authentication) {
        Evaluation e = find(id);
        model.addAttribute("section", "evaluations");
        model.addAttribute("e", e);
        model.addAttribute("versions", evaluations.versions(e.fixmedinsCode(), e.year()));
        model.addAttribute("isAdmin", InstitutionKeyPages.isAdmin(authentication));
        return "console/evaluation";
    }

    @PostMapping("/evaluations/{id}/finalise")
    String finalise(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        requireAdmin(authentication);
        try {
            evaluations.finalise(id);
            redirect.addFlashAttribute("flash", "evaluation.finalised");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("evaluationError", texts.text(e, LocaleContextHolder.getLocale()));
        } catch (NotFoundException e) {
            throw new PageNotFoundException(e.entity(), e.key());
        }
        return "redirect:/evaluations/" + id;
    }

    @GetMapping("/evaluations/{id}/report")
    String report(@PathVariable long id, Model model) {
        model.addAttribute("e", find(id));
        model.addAttribute("back", "/evaluations/" + id);
        return "evaluation/report";
    }

    @GetMapping("/institutions/{code}/evaluation")
    String feeds(@PathVariable String code, @RequestParam(required = false) String year, Model model, Authentication authentication) {
        int y = year(year);
        model.addAttribute("section", "evaluations");
        model.addAttribute("institution", institutions.find(code).orElseThrow(() -> new PageNotFoundException("institution", code)));
        model.addAttribute("year", y);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("reviews", reviews.list(code, y));
        model.addAttribute("violations", violations.list(code, y));
        model.addAttribute("versions", evaluations.versions(code, y));
        model.addAttribute("isAdmin", InstitutionKeyPages.isAdmin(authentication));
        return "console/evaluation-feeds";
    }

    @PostMapping("/institutions/{code}/prescription-reviews")
    String review(@PathVariable String code, @RequestParam Map<String, String> params, Authentication authentication, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Editors.require(authentication);
        return change(code, params, model, authentication, response, redirect, () -> reviews.record(new PrescriptionReviews.Entry(code,
                params.get("review_date"), params.get("prescription_no"), params.get("qualified"), params.get("reviewer"), params.get("note"))));
    }

    @PostMapping("/institutions/{code}/violations")
    String violation(@PathVariable String code, @RequestParam Map<String, String> params, Authentication authentication, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        requireAdmin(authentication);
        return change(code, params, model, authentication, response, redirect, () -> violations.record(code, params.get("violation_date"),
                params.get("description"), params.get("evidence")));
    }

    @PostMapping("/evaluations/import/{kind}")
    String importCsv(@PathVariable String kind, @RequestParam(required = false) String csv, Authentication authentication,
                     RedirectAttributes redirect) {
        Editors.require(authentication);
        try {
            Object result = switch (kind) {
                case "reviews" -> reviews.importCsv(csv).reviews();
                case "surveys" -> surveys.importCsv(csv).surveys();
                default -> throw new PageNotFoundException("import", kind);
            };
            redirect.addFlashAttribute("importResult", new Object[] {kind, result});
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("importErrors", texts.errors(e.errors(), LocaleContextHolder.getLocale()).stream()
                    .map(f -> f.field() + ": " + f.message() + " (" + f.rule() + ")").toList());
            redirect.addFlashAttribute("importKind", kind);
        }
        return "redirect:/evaluations#import";
    }

    private String change(String code, Map<String, String> params, Model model, Authentication authentication, HttpServletResponse response,
                          RedirectAttributes redirect, Supplier<Object> change) {
        try {
            change.get();
            redirect.addFlashAttribute("flash", "rights.saved");
            return "redirect:/institutions/" + code + "/evaluation?year=" + params.getOrDefault("year", "");
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("feedError", texts.text(e, LocaleContextHolder.getLocale()));
            model.addAttribute("form", params);
            return feeds(code, params.get("year"), model, authentication);
        }
    }

    private Evaluation find(long id) {
        try {
            return evaluations.get(id);
        } catch (NotFoundException e) {
            throw new PageNotFoundException(e.entity(), e.key());
        }
    }

    private int year(String year) {
        Integer asked = Params.integer(year);
        int current = LocalDate.now(clock).getYear();
        return asked == null || asked < 2000 || asked > current ? current : asked;
    }

    private static void requireAdmin(Authentication authentication) {
        if (!InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
    }

    /** The chart's data: institution codes, names and totals, in the table's order. */
    private static String chart(List<Evaluation> rows) {
        StringBuilder codes = new StringBuilder();
        StringBuilder names = new StringBuilder();
        StringBuilder totals = new StringBuilder();
        for (Evaluation e : rows) {
            String sep = codes.isEmpty() ? "" : ",";
            codes.append(sep).append('"').append(e.fixmedinsCode()).append('"');
            names.append(sep).append('"').append(e.name().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            totals.append(sep).append(e.total().toPlainString());
        }
        return "{\"codes\":[" + codes + "],\"names\":[" + names + "],\"totals\":[" + totals + "]}";
    }
}
