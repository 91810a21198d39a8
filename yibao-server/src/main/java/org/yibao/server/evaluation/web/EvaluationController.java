package org.yibao.server.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.evaluation.Evaluation;
import org.yibao.server.evaluation.Evaluations;
import org.yibao.server.evaluation.PrescriptionReviews;
import org.yibao.server.evaluation.SatisfactionSurveys;
import org.yibao.server.evaluation.Violations;
import org.yibao.server.platform.web.InvalidInputException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Admin API of the annual evaluation (R-INST-2). Reading: any staff role. Recording prescription reviews
 * and importing reviews or surveys: ADMIN and CLERK. Confirmed violations, running and finalising
 * evaluations: ADMIN only (URL security) — they decide an institution's score.
 */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Annual evaluation", description = "Annual evaluation of designated institutions (年度考核) and its indicator feeds")
class EvaluationController {

    /** The largest CSV accepted in one request: 5,000 lines of reviews fit well within it. */
    static final int MAX_CSV_CHARS = 2_000_000;

    private final Evaluations evaluations;
    private final PrescriptionReviews reviews;
    private final SatisfactionSurveys surveys;
    private final Violations violations;

    EvaluationController(Evaluations evaluations, PrescriptionReviews reviews, SatisfactionSurveys surveys, Violations violations) {
        this.evaluations = evaluations;
        this.reviews = reviews;
        this.surveys = surveys;
        this.violations = violations;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RunBody(Integer year, String fixmedinsCode, String admdvs) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReviewBody(String reviewDate, String prescriptionNo, Boolean qualified, String reviewer, String note) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ViolationBody(String violationDate, String description, String evidence) {}

    @PostMapping("/evaluations/run")
    @Operation(summary = "Evaluate one institution (fixmedins_code) or every hospital and health centre of a pooling region (admdvs) for a year")
    Object run(@RequestBody RunBody body) {
        if (body.year() == null) {
            throw new InvalidInputException("year", "required", "required: the year to evaluate, e.g. 2025");
        }
        boolean one = body.fixmedinsCode() != null && !body.fixmedinsCode().isBlank();
        boolean region = body.admdvs() != null && !body.admdvs().isBlank();
        if (one == region) {
            throw new InvalidInputException("fixmedins_code", "one_of", "give either fixmedins_code (one institution) or admdvs (a region)");
        }
        return one ? evaluations.run(body.fixmedinsCode().strip(), body.year()) : evaluations.runRegion(body.admdvs(), body.year());
    }

    @PostMapping("/evaluations/{id}/finalise")
    @Operation(summary = "DRAFT → FINAL; a final evaluation is never changed (run again for a new version)")
    Evaluation finalise(@PathVariable long id) {
        return evaluations.finalise(id);
    }

    @GetMapping("/evaluations")
    @Operation(summary = "The latest version of each institution's evaluation of a year, optionally of one pooling region")
    List<Evaluation> list(@RequestParam int year, @RequestParam(required = false) String admdvs) {
        return evaluations.latest(year, admdvs);
    }

    @GetMapping("/evaluations/{id}")
    @Operation(summary = "One evaluation with its five indicators")
    Evaluation get(@PathVariable long id) {
        return evaluations.get(id);
    }

    @GetMapping("/institutions/{code}/evaluations")
    @Operation(summary = "Every version of the institution's evaluations, newest first")
    List<Evaluation> versions(@PathVariable String code, @RequestParam(required = false) Integer year) {
        return evaluations.versions(code, year);
    }

    @GetMapping("/institutions/{code}/prescription-reviews")
    @Operation(summary = "The institution's prescription reviews of a year")
    List<PrescriptionReviews.Review> reviews(@PathVariable String code, @RequestParam int year) {
        return reviews.list(code, year);
    }

    @PostMapping("/institutions/{code}/prescription-reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record one reviewed outpatient prescription as qualified or not")
    PrescriptionReviews.Review review(@PathVariable String code, @RequestBody ReviewBody b) {
        String q = b.qualified() == null ? null : b.qualified() ? "1" : "0";
        return reviews.record(new PrescriptionReviews.Entry(code, b.reviewDate(), b.prescriptionNo(), q, b.reviewer(), b.note()));
    }

    @PostMapping(path = "/prescription-reviews/import", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import reviews from CSV (fixmedins_code,review_date,prescription_no,qualified,reviewer,note): all or nothing")
    PrescriptionReviews.Imported importReviews(@RequestBody String csv) {
        return reviews.importCsv(limited(csv));
    }

    @PostMapping(path = "/satisfaction-surveys/import", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import surveys from CSV (fixmedins_code,survey_date,satisfied,comment): all or nothing")
    SatisfactionSurveys.Imported importSurveys(@RequestBody String csv) {
        return surveys.importCsv(limited(csv));
    }

    @GetMapping("/institutions/{code}/violations")
    @Operation(summary = "The institution's confirmed violations of a year")
    List<Violations.Violation> violations(@PathVariable String code, @RequestParam int year) {
        return violations.list(code, year);
    }

    @PostMapping("/institutions/{code}/violations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a confirmed fund-use violation (date, description, evidence): −5 points in that year's evaluation")
    Violations.Violation violation(@PathVariable String code, @RequestBody ViolationBody b) {
        return violations.record(code, b.violationDate(), b.description(), b.evidence());
    }

    static String limited(String csv) {
        if (csv != null && csv.length() > MAX_CSV_CHARS) {
            throw new InvalidInputException("file", "max_size", "at most " + MAX_CSV_CHARS + " characters per import (got " + csv.length()
                    + "); split the file");
        }
        return csv;
    }
}
