package org.yibao.server.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written readers and writers agree with the strict formatters they replaced. */
class FsiTimesTest {

    private static final DateTimeFormatter STRICT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    @Test
    void readsTheInterfacesTimesAndDates() {
        assertThat(FsiTimes.parseTime("2026-11-23 08:05:09")).isEqualTo(LocalDateTime.of(2026, 11, 23, 8, 5, 9));
        assertThat(FsiTimes.parseTime("2028-02-29 23:59:59")).isEqualTo(LocalDateTime.of(2028, 2, 29, 23, 59, 59));
        assertThat(FsiTimes.parseDate("2026-01-01")).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void refusesWhatTheStrictFormatterRefuses() {
        for (String bad : new String[] {"2026-02-30 10:00:00", "2027-02-29 10:00:00", "2026-13-01 10:00:00", "2026-11-23 24:00:00",
                "2026-11-23 10:60:00", "2026-11-23 10:00:60", "2026-11-23T10:00:00", "2026/11/23 10:00:00", "2026-11-23 10:00",
                "2026-11-23 10:00:00.5", "2026-1-023 10:00:00", "2026-11-2a 10:00:00", " 2026-11-23 10:00:0", "+026-11-23 10:00:00",
                "２０２６-11-23 10:00:00", ""}) {
            assertThatThrownBy(() -> FsiTimes.parseTime(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> LocalDateTime.parse(bad, STRICT_TIME)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
        assertThatThrownBy(() -> FsiTimes.parseDate("2026-02-30")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> FsiTimes.parseDate("2026-11-23 ")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void agreesWithTheStrictFormattersOnRandomTimes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1, 0, 0)
                    .plusDays(random.nextInt(31)).plusSeconds(random.nextInt(86_400));
            String text = t.format(STRICT_TIME);
            assertThat(FsiTimes.parseTime(text)).isEqualTo(t);
            LocalDateTime withMillis = t.withNano(random.nextInt(1000) * 1_000_000);
            assertThat(FsiTimes.compact(withMillis, true)).isEqualTo(withMillis.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")));
        }
    }

    @Test
    void writesCompactTimesAndZeroPaddedSerialsAsTheFormattersDid() {
        LocalDateTime t = LocalDateTime.of(2026, 3, 4, 5, 6, 7, 89_000_000);
        assertThat(FsiTimes.compact(t, true)).isEqualTo(t.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"))).isEqualTo("20260304050607089");
        assertThat(FsiTimes.compact(t, false)).isEqualTo("20260304050607");
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextLong(10_000_000_000L);
            assertThat(FsiTimes.zeroPadded(n, 10)).isEqualTo(String.format("%010d", n));
            assertThat(FsiTimes.zeroPadded(n % 1000, 12)).isEqualTo(String.format("%012d", n % 1000));
        }
        assertThat(FsiTimes.isDigits("990100", 6)).isTrue();
        assertThat(FsiTimes.isDigits("99010", 6)).isFalse();
        assertThat(FsiTimes.isDigits("99O100", 6)).isFalse();
    }
}
