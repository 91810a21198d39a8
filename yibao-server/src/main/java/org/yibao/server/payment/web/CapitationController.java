package org.yibao.server.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.payment.Capitations;
import org.yibao.server.platform.web.InvalidInputException;

/** Family-doctor capitation (R-PAY-6) by month; paying a month is for administrators. */
@RestController
@RequestMapping("/api/admin/capitation")
@Tag(name = "Family-doctor capitation", description = "家庭医生签约服务费: one twelfth of 100 yuan per contract a month, −5% after a year below 60%")
class CapitationController {

    private final Capitations capitations;

    CapitationController(Capitations capitations) {
        this.capitations = capitations;
    }

    @GetMapping("/{month}")
    @Operation(summary = "Every centre with contracts in force at the month's end (YYYY-MM): paid, or what it would be paid")
    List<Capitations.Row> month(@PathVariable String month) {
        return capitations.month(month(month, "month"));
    }

    @PostMapping("/{month}/run")
    @Operation(summary = "Pay the month (once it is over) to every centre not yet paid, posting each payment to the ledger")
    List<Capitations.Row> run(@PathVariable String month) {
        return capitations.run(month(month, "month"));
    }

    static YearMonth month(String text, String field) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "format", "a month YYYY-MM (got " + text + ")");
        }
    }
}
