package org.yibao.server.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.payment.DipPayments;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** DIP (按病种分值付费, R-PAY-3) of a pooling region paid by DIP: budget, catalogue, year-end run; changes are for administrators. */
@RestController
@RequestMapping("/api/admin/dip/{admdvs}/{year}")
@Tag(name = "DIP", description = "按病种分值付费: the year's budget, the catalogue from the region's history, the year-end run")
class DipController {

    private final DipPayments dip;

    DipController(DipPayments dip) {
        this.dip = dip;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BudgetBody(BigDecimal amount) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CatalogueBody(Integer historyTo) {}

    @GetMapping
    @Operation(summary = "The year: budget, latest catalogue, the run (point value) and per-institution results")
    DipPayments.Overview overview(@PathVariable String admdvs, @PathVariable String year) {
        return dip.overview(admdvs, year(year));
    }

    @PutMapping("/budget")
    @Operation(summary = "Set the year's DIP budget (yuan) until the year is run; audited")
    DipPayments.Overview budget(@PathVariable String admdvs, @PathVariable String year, @RequestBody(required = false) BudgetBody body) {
        return dip.setBudget(admdvs, year(year), body == null ? null : body.amount());
    }

    @PostMapping("/catalogue")
    @Operation(summary = "Build a new catalogue version from the history years history_to−2 … history_to (default: the three years before)")
    DipPayments.Catalogue build(@PathVariable String admdvs, @PathVariable String year, @RequestBody(required = false) CatalogueBody body) {
        return dip.buildCatalogue(admdvs, year(year), body == null ? null : body.historyTo());
    }

    @GetMapping("/catalogue")
    @Operation(summary = "The latest catalogue version with its core and comprehensive groups and their scores")
    DipPayments.Catalogue catalogue(@PathVariable String admdvs, @PathVariable String year) {
        int y = year(year);
        dip.overview(admdvs, y);
        return dip.catalogue(admdvs, y, true).orElseThrow(() -> new NotFoundException("dip_catalogue", admdvs + "/" + y));
    }

    @PostMapping("/run")
    @Operation(summary = "Run the year once it is over: per-case points and payment, per-institution adjustment posted to the ledger; asking again returns the same")
    DipPayments.Overview run(@PathVariable String admdvs, @PathVariable String year) {
        return dip.run(admdvs, year(year));
    }

    @GetMapping("/progress")
    @Operation(summary = "A run's progress: RUNNING (cases done of total), DONE or IDLE")
    DipPayments.Progress progress(@PathVariable String admdvs, @PathVariable String year) {
        int y = year(year);
        dip.overview(admdvs, y);
        return dip.progress(admdvs, y);
    }

    @GetMapping("/institutions/{fixmedinsCode}")
    @Operation(summary = "One institution's results of the run with every case (deviation, points, payment, adjustment)")
    DipPayments.InstitutionYear institution(@PathVariable String admdvs, @PathVariable String year, @PathVariable String fixmedinsCode) {
        int y = year(year);
        return dip.institutionYear(admdvs, y, fixmedinsCode)
                .orElseThrow(() -> new NotFoundException("dip_institution_result", admdvs + "/" + y + "/" + fixmedinsCode));
    }

    static int year(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", "format", "a year such as 2033 (got " + text + ")");
        }
    }
}
