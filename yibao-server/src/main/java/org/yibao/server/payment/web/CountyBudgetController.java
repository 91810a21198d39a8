package org.yibao.server.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.institution.Alliance;
import org.yibao.server.payment.CountyBudgets;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The county medical community's global budget (医共体总额预付, R-PAY-5); changes are for administrators. */
@RestController
@RequestMapping("/api/admin/county-budgets")
@Tag(name = "County global budget", description = "医共体总额预付: budget, running forecast and year-end settle-up")
class CountyBudgetController {

    private final CountyBudgets budgets;

    CountyBudgetController(CountyBudgets budgets) {
        this.budgets = budgets;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TermsBody(BigDecimal perCapita, BigDecimal surplusRetained, BigDecimal overspendFundShare) {}

    @GetMapping
    @Operation(summary = "The county medical communities, which keep a global budget")
    List<Alliance> communities() {
        return budgets.communities();
    }

    @GetMapping("/{alliance}/{year}")
    @Operation(summary = "A year: residents enrolled on 1 January, budget, payments by month, running forecast, settle-up")
    CountyBudgets.View view(@PathVariable String alliance, @PathVariable int year) {
        return budgets.view(alliance, year);
    }

    @PutMapping("/{alliance}/{year}/terms")
    @Operation(summary = "Set a year's terms (per capita, share of a surplus kept, share of an overspend the fund bears) before its settle-up")
    CountyBudgets.View terms(@PathVariable String alliance, @PathVariable int year, @RequestBody TermsBody b) {
        return budgets.setTerms(alliance, year, b.perCapita(), b.surplusRetained(), b.overspendFundShare());
    }

    @PostMapping("/{alliance}/{year}/settle-up")
    @Operation(summary = "Settle the year up once it is over and post the adjustment to the fund ledger; asking again returns the same")
    CountyBudgets.View settleUp(@PathVariable String alliance, @PathVariable int year) {
        return budgets.settleUp(alliance, year);
    }
}
