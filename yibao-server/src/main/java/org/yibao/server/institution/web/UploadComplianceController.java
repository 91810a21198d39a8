package org.yibao.server.institution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.institution.UploadCompliance;

/**
 * Admin API of real-time upload compliance (R-INST-3). Reading: any staff role; running the evaluation of
 * a day: ADMIN only (URL security), since it suspends settlement.
 */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Upload compliance", description = "Real-time data upload compliance (信息报送) and the suspensions it causes")
class UploadComplianceController {

    private final UploadCompliance compliance;
    private final Clock clock;

    UploadComplianceController(UploadCompliance compliance, Clock clock) {
        this.compliance = compliance;
        this.clock = clock;
    }

    @PostMapping("/upload-compliance/evaluate")
    @Operation(summary = "Evaluate a day that has ended (all institutions, or one); a day already evaluated is kept as it was")
    UploadCompliance.Evaluation evaluate(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                         @RequestParam(name = "fixmedins_code", required = false) String code) {
        return compliance.evaluate(day, code);
    }

    @GetMapping("/institutions/{code}/upload-compliance")
    @Operation(summary = "The institution's evaluated days (default: the last 30 days)")
    List<UploadCompliance.Day> history(@PathVariable String code,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        return compliance.history(code, from == null ? end.minusDays(30) : from, end);
    }

    @GetMapping("/institutions/{code}/upload-compliance/suspensions")
    @Operation(summary = "Every settlement suspension the institution's upload breaches caused, newest first")
    List<UploadCompliance.Suspension> suspensions(@PathVariable String code) {
        return compliance.suspensions(code);
    }
}
