package org.yibao.server.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the console writes values, used from templates as {@code ${@consoleFormat.money(x)}}: money
 * always with 2 decimals and thousands separators, ratios as percentages, times in the platform's
 * zone (China Standard Time).
 */
@Component("consoleFormat")
class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;

    ConsoleFormat(Clock clock) {
        this.clock = clock;
    }

    /** {@code 3000} → {@code 3,000.00}; money is shown with exactly 2 decimals. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setParseBigDecimal(true);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A unit price or cap (6 decimals in the database): 2 decimals unless finer digits matter. */
    public String price(BigDecimal price) {
        if (price == null) {
            return "—";
        }
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.scale() <= 2 ? money(price) : stripped.toPlainString();
    }

    /** {@code 0.1000} → {@code 10%}. */
    public String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "—";
        }
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A count with thousands separators. */
    public String count(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }

    /** {@code 2025-01-01 – 2030-12-31}, or only the start when the period is open. Dates stay ISO in every language. */
    public String period(LocalDate from, LocalDate to) {
        if (from == null) {
            return "—";
        }
        return to == null ? from.toString() : from + " – " + to;
    }

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant.atZone(clock.getZone()));
    }
}
