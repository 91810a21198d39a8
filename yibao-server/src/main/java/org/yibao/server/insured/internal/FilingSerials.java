package org.yibao.server.insured.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serials of filings (待遇申报明细流水号 {@code trt_dcla_detl_sn}) returned by 2501, 2503 and 2505 and named
 * again by 2502, 2504 and 2506: a kind letter, the region, the day and a number from one sequence, e.g.
 * {@code R9901002026112300000017} (23 characters, the column holds 30).
 */
@Component
public class FilingSerials {

    /** What a serial files: the letter it starts with. */
    public enum Kind {
        REFERRAL('R'), CHRONIC_RECOGNITION('C'), DESIGNATED_INSTITUTION('D');

        final char letter;

        Kind(char letter) {
            this.letter = letter;
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;

    FilingSerials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String next(Kind kind, String admdvs, LocalDate day) {
        long n = jdbc.sql("select nextval('trt_dcla_seq')").query(Long.class).single();
        return kind.letter + admdvs + day.format(DAY) + String.format("%08d", n % 100_000_000L);
    }
}
