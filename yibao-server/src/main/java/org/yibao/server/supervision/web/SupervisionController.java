package org.yibao.server.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.supervision.Cases;
import org.yibao.server.supervision.PenaltyPolicy;
import org.yibao.server.supervision.PeerIndicators;
import org.yibao.server.supervision.SupervisionRuns;
import org.yibao.server.supervision.Warnings;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Admin API of fund supervision after settlement (R-SUP-2…6). Reading: any staff role. Starting a run:
 * ADMIN or AUDITOR; opening, inspecting and deciding cases: AUDITOR only (URL security).
 */
@RestController
@RequestMapping("/api/admin/supervision")
@Tag(name = "Fund supervision", description = "事后监管: runs after settlement, warnings (线索), cases (案件) and penalties")
class SupervisionController {

    /** Most warnings one list answers. */
    static final int LIMIT = 500;

    private final SupervisionRuns runs;
    private final Warnings warnings;
    private final Cases cases;
    private final PeerIndicators indicators;

    SupervisionController(SupervisionRuns runs, Warnings warnings, Cases cases, PeerIndicators indicators) {
        this.runs = runs;
        this.warnings = warnings;
        this.cases = cases;
        this.indicators = indicators;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RunBody(String admdvs, LocalDate from, LocalDate to) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OpenBody(List<Long> warningIds, String fixmedinsCode, String psnNo, String title, String reason) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InspectionBody(LocalDate inspectedOn, String findings, BigDecimal confirmedAmount) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DecisionBody(String violation, BigDecimal fineMultiple, String measure, Integer months, String reason) {}

    @PostMapping("/runs")
    @Operation(summary = "Run the rules after settlement over a region's settlements of [from, to] not analysed before; answers the finished run")
    SupervisionRuns.Run run(@RequestBody RunBody b) {
        return runs.run(b.admdvs(), b.from(), b.to(), "ON_DEMAND");
    }

    @GetMapping("/runs")
    @Operation(summary = "The latest runs (of a region), newest first, with their progress")
    List<SupervisionRuns.Run> runs(@RequestParam(required = false) String admdvs) {
        return runs.recent(admdvs, 50);
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One run with its progress")
    SupervisionRuns.Run run(@PathVariable long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException(SupervisionRuns.ENTITY, String.valueOf(id)));
    }

    @GetMapping("/warnings")
    @Operation(summary = "Warnings by region, rule, institution, month (YYYY-MM) and state; newest first, at most 500")
    List<Warnings.Warning> warnings(@RequestParam(required = false) String admdvs, @RequestParam(required = false) String rule,
                                    @RequestParam(required = false) String institution, @RequestParam(required = false) String month,
                                    @RequestParam(required = false) String state) {
        return warnings.list(filter(admdvs, rule, institution, month, state), LIMIT);
    }

    @GetMapping("/warnings/summary")
    @Operation(summary = "Counts and amounts of the warnings by rule, institution and month (same filters)")
    Warnings.Summary summary(@RequestParam(required = false) String admdvs, @RequestParam(required = false) String rule,
                             @RequestParam(required = false) String institution, @RequestParam(required = false) String month,
                             @RequestParam(required = false) String state) {
        return warnings.summary(filter(admdvs, rule, institution, month, state));
    }

    @GetMapping("/warnings/{id}")
    @Operation(summary = "One warning with the visits, settlements and lines it is about")
    Warnings.Warning warning(@PathVariable long id) {
        return warnings.find(id).orElseThrow(() -> new NotFoundException("supervision_warning", String.valueOf(id)));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DismissBody(String reason) {}

    @PostMapping("/warnings/{id}/dismiss")
    @Operation(summary = "Dismiss an OPEN warning as no violation, with the reason (auditors)")
    Warnings.Warning dismiss(@PathVariable long id, @RequestBody DismissBody b) {
        return warnings.dismiss(id, b.reason());
    }

    @GetMapping("/indicators")
    @Operation(summary = "Peer indicators per institution of a region and quarter (2035Q1): length of stay against same-level peers, "
            + "CT positive rate, drug, examination and consumable shares, warnings")
    List<PeerIndicators.Row> indicators(@RequestParam String admdvs, @RequestParam String quarter) {
        return indicators.quarter(admdvs.strip(), PeerIndicators.quarterStart(quarter));
    }

    @GetMapping("/penalties")
    @Operation(summary = "The penalty ranges of case decisions (R-SUP-4, R-SUP-5)")
    List<PenaltyPolicy.Violation> penalties() {
        return cases.policy().violations();
    }

    @GetMapping("/cases")
    @Operation(summary = "Cases, newest first (of an institution, in a state)")
    List<Cases.Case> cases(@RequestParam(required = false) String institution, @RequestParam(required = false) String state) {
        return cases.list(institution, state);
    }

    @GetMapping("/cases/{id}")
    Cases.Case one(@PathVariable long id) {
        return cases.get(id);
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a case from warnings (one institution or person), or for a report from fixmedins_code or psn_no")
    Cases.Case open(@RequestBody OpenBody b) {
        return cases.open(new Cases.Opening(b.warningIds(), b.fixmedinsCode(), b.psnNo(), b.title(), b.reason()));
    }

    @PostMapping("/cases/{id}/inspection")
    @Operation(summary = "Record the on-site inspection: findings and the confirmed amount")
    Cases.Case inspect(@PathVariable long id, @RequestBody InspectionBody b) {
        return cases.inspect(id, new Cases.Inspection(b.inspectedOn(), b.findings(), b.confirmedAmount()));
    }

    @PostMapping("/cases/{id}/decision")
    @Operation(summary = "Decide: violation, fine multiple and measure within the policy ranges; posts recovery and fine, applies the measure")
    Cases.Case decide(@PathVariable long id, @RequestBody DecisionBody b) {
        return cases.decide(id, new Cases.Decision(b.violation(), b.fineMultiple(), b.measure(), b.months(), b.reason()));
    }

    static Warnings.Filter filter(String admdvs, String rule, String institution, String month, String state) {
        YearMonth m = null;
        if (month != null && !month.isBlank()) {
            try {
                m = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("month", "format", "a month YYYY-MM (got " + month + ")");
            }
        }
        return new Warnings.Filter(blank(admdvs), blank(rule), blank(institution), m, blank(state));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
