package org.yibao.server.console.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The month a monthly page asks for (YYYY-MM); the last month that is over when absent or malformed. */
public final class Months {

    private Months() {}

    public static YearMonth orLastMonth(String month, Clock clock) {
        try {
            return month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return YearMonth.now(clock).minusMonths(1);
        }
    }
}
