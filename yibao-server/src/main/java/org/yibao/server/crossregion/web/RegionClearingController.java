package org.yibao.server.crossregion.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.crossregion.PrepaidFunds;
import org.yibao.server.crossregion.RegionClearing;
import org.yibao.server.crossregion.RegionClearingWorkbook;
import org.yibao.server.crossregion.RegionPair;
import org.yibao.server.platform.web.InvalidInputException;

/** Prepaid funds and monthly statements between regions (R-XR-4); every change is for administrators. */
@RestController
@RequestMapping("/api/admin/xr-clearing")
@Tag(name = "Cross-region clearing", description = "异地清算: prepaid funds per pair of regions, monthly statements confirmed by both sides")
class RegionClearingController {

    private final PrepaidFunds funds;
    private final RegionClearing clearing;

    RegionClearingController(PrepaidFunds funds, RegionClearing clearing) {
        this.funds = funds;
        this.clearing = clearing;
    }

    @GetMapping("/prepaid-funds")
    @Operation(summary = "Every pair's prepaid fund: size, paid in, cleared, balance, alert below 70% and open top-up request")
    List<PrepaidFunds.Fund> prepaidFunds() {
        return funds.all();
    }

    @PostMapping("/prepaid-funds/{insured}/{treatment}/top-up")
    @Operation(summary = "Size the pair's prepaid fund (2 × average monthly payments of the last 3 full months, up to 1,000 yuan) and top it up to the size")
    PrepaidFunds.TopUp topUp(@PathVariable String insured, @PathVariable String treatment) {
        return funds.sizeAndTopUp(new RegionPair(insured, treatment));
    }

    @GetMapping("/{month}")
    @Operation(summary = "The month's statements (YYYY-MM) per pair of regions: issued, or what they would be")
    List<RegionClearing.Statement> month(@PathVariable String month) {
        return clearing.month(month(month, "month"));
    }

    @GetMapping("/{month}/{insured}/{treatment}")
    @Operation(summary = "One pair's statement of the month")
    RegionClearing.Statement statement(@PathVariable String month, @PathVariable String insured, @PathVariable String treatment) {
        return clearing.statement(new RegionPair(insured, treatment), month(month, "month"));
    }

    @GetMapping("/{month}/{insured}/{treatment}.xlsx")
    @Operation(summary = "One pair's statement of the month as an Excel workbook")
    ResponseEntity<byte[]> workbook(@PathVariable String month, @PathVariable String insured, @PathVariable String treatment) {
        RegionClearing.Statement s = clearing.statement(new RegionPair(insured, treatment), month(month, "month"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"xr-clearing-" + insured + "-" + treatment + "-" + month + ".xlsx\"")
                .header(HttpHeaders.CONTENT_TYPE, RegionClearingWorkbook.CONTENT_TYPE).body(RegionClearingWorkbook.of(s));
    }

    @PostMapping("/{month}/issue")
    @Operation(summary = "Issue the month's statements not yet issued (once the month is over); a second issue changes nothing")
    List<RegionClearing.Statement> issue(@PathVariable String month) {
        return clearing.issue(month(month, "month"));
    }

    @PostMapping("/{month}/{insured}/{treatment}/confirm")
    @Operation(summary = "Confirm an issued statement for one side, body {\"admdvs\": the confirming region}; the second side settles it against the prepaid fund")
    RegionClearing.Statement confirm(@PathVariable String month, @PathVariable String insured, @PathVariable String treatment,
                                     @RequestBody(required = false) Map<String, Object> body) {
        Object admdvs = body == null ? null : body.get("admdvs");
        if (!(admdvs instanceof String region) || region.isBlank()) {
            throw new InvalidInputException("admdvs", "required", "the confirming side's region: the insured region " + insured
                    + " or the treatment region " + treatment);
        }
        return clearing.confirm(new RegionPair(insured, treatment), month(month, "month"), region.strip());
    }

    static YearMonth month(String text, String field) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "format", "a month YYYY-MM (got " + text + ")");
        }
    }
}
