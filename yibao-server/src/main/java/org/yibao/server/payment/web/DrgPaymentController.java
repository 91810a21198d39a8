package org.yibao.server.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.payment.DrgCorrections;
import org.yibao.server.payment.DrgPayments;
import org.yibao.server.payment.MonthlyClearing;

/** DRG payment (按病组付费, R-PAY-2) by pooling region and month; running a month is for administrators. */
@RestController
@RequestMapping("/api/admin/drg-payments")
@Tag(name = "DRG payment", description = "按病组付费: per region and month, each inpatient stay grouped and paid; per-institution CMI, surplus/overspend and the ledger adjustment")
class DrgPaymentController {

    private final DrgPayments payments;
    private final DrgCorrections corrections;
    private final MonthlyClearing clearing;

    DrgPaymentController(DrgPayments payments, DrgCorrections corrections, MonthlyClearing clearing) {
        this.payments = payments;
        this.corrections = corrections;
        this.clearing = clearing;
    }

    @GetMapping
    @Operation(summary = "The pooling regions that pay inpatient stays by DRG")
    List<String> regions() {
        return payments.regions();
    }

    @GetMapping("/{admdvs}/{month}")
    @Operation(summary = "The region's month (YYYY-MM): its run with progress, and per institution cases, CMI, standard, cost, fund payments, "
            + "surplus and adjustment as run, and the same as corrected (corrected_*: from each case's latest result)")
    DrgPayments.Month month(@PathVariable String admdvs, @PathVariable String month) {
        return payments.month(admdvs, CapitationController.month(month, "month"));
    }

    @PostMapping("/{admdvs}/{month}/run")
    @Operation(summary = "Start the month's run (once the month is over, once per month); 202 with the progress; GET the month to follow it")
    ResponseEntity<DrgPayments.Month> run(@PathVariable String admdvs, @PathVariable String month) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(payments.start(admdvs, CapitationController.month(month, "month")));
    }

    @GetMapping("/{admdvs}/{month}/corrections")
    @Operation(summary = "The month's corrections rounds: when, by whom, the corrected cases and the difference per institution")
    List<DrgCorrections.Round> corrections(@PathVariable String admdvs, @PathVariable String month) {
        return corrections.rounds(admdvs, CapitationController.month(month, "month"));
    }

    @PostMapping("/{admdvs}/{month}/corrections")
    @Operation(summary = "Pay again the cases of a month already run whose case record was corrected (4101A) or whose settlement was "
            + "reversed since their latest result (withdrawn when not settled again, paid on the new settlement when settled again), "
            + "with the month's grouper, weights and history; the difference is posted per institution and cleared as DRG_CORRECTION. "
            + "409 not_run, 409 nothing_corrected")
    DrgCorrections.Round correct(@PathVariable String admdvs, @PathVariable String month) {
        return corrections.correct(admdvs, CapitationController.month(month, "month"));
    }

    @GetMapping("/{admdvs}/{month}/{fixmedinsCode}/cases")
    @Operation(summary = "Every case of an institution's month with its group, quality-control findings, payment method, reason and arithmetic")
    List<DrgPayments.CaseResult> cases(@PathVariable String admdvs, @PathVariable String month, @PathVariable String fixmedinsCode) {
        clearing.requireInstitution(fixmedinsCode);
        payments.month(admdvs, CapitationController.month(month, "month"));
        return payments.cases(fixmedinsCode, CapitationController.month(month, "month"));
    }
}
