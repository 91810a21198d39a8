package org.yibao.server.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.payment.ClearingWorkbook;
import org.yibao.server.payment.MonthlyClearing;

/** Monthly clearing statements (月度清算, R-PAY-7); issuing a month is for administrators. */
@RestController
@RequestMapping("/api/admin/clearing")
@Tag(name = "Monthly clearing", description = "月度清算: per institution and month, settlements per clearing region and adjustments; paid out by ledger postings")
class ClearingController {

    private final MonthlyClearing clearing;

    ClearingController(MonthlyClearing clearing) {
        this.clearing = clearing;
    }

    @GetMapping("/{month}")
    @Operation(summary = "The month's statements (YYYY-MM): issued, or what they would be")
    List<MonthlyClearing.Statement> month(@PathVariable String month) {
        return clearing.month(CapitationController.month(month, "month"));
    }

    @GetMapping("/{month}/{fixmedinsCode}")
    @Operation(summary = "One institution's statement of the month")
    MonthlyClearing.Statement statement(@PathVariable String month, @PathVariable String fixmedinsCode) {
        clearing.requireInstitution(fixmedinsCode);
        return clearing.statement(fixmedinsCode, CapitationController.month(month, "month"));
    }

    @GetMapping("/{month}/{fixmedinsCode}.xlsx")
    @Operation(summary = "One institution's statement of the month as an Excel workbook")
    ResponseEntity<byte[]> workbook(@PathVariable String month, @PathVariable String fixmedinsCode) {
        clearing.requireInstitution(fixmedinsCode);
        MonthlyClearing.Statement s = clearing.statement(fixmedinsCode, CapitationController.month(month, "month"));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clearing-" + fixmedinsCode + "-" + month + ".xlsx\"")
                .header(HttpHeaders.CONTENT_TYPE, ClearingWorkbook.CONTENT_TYPE).body(ClearingWorkbook.of(s));
    }

    @PostMapping("/{month}/issue")
    @Operation(summary = "Issue the month's statements not yet issued (once the month is over) and pay them out in the ledger")
    List<MonthlyClearing.Statement> issue(@PathVariable String month) {
        return clearing.issue(CapitationController.month(month, "month"));
    }
}
