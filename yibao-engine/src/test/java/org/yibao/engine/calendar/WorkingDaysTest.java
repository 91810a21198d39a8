package org.yibao.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** R-CAL on the shipped State Council schedules for 2025 and 2026. */
class WorkingDaysTest {

    static final WorkingDays CALENDAR = WorkingDays.of(ScheduleFile.parse(shipped()));

    static String shipped() {
        try (InputStream in = WorkingDaysTest.class.getResourceAsStream("/reference/calendar/cn-2025-2026.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Nested
    class SpringFestival2026 {

        @Test
        void makeUpSaturdaysAreWorkingDays() {
            assertThat(CALENDAR.isWorkingDay(d("2026-02-14"))).isTrue();
            assertThat(CALENDAR.isWorkingDay(d("2026-02-28"))).isTrue();
            assertThat(CALENDAR.listed(d("2026-02-14")).orElseThrow().name()).isEqualTo("春节调休上班");
        }

        @Test
        void theHolidayWeekdaysAreRestDays() {
            for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
                assertThat(CALENDAR.isWorkingDay(day)).as(day.toString()).isFalse();
            }
            assertThat(CALENDAR.isWorkingDay(d("2026-02-13"))).isTrue();
            assertThat(CALENDAR.isWorkingDay(d("2026-02-24"))).isTrue();
            assertThat(CALENDAR.isWorkingDay(d("2026-03-01"))).as("an ordinary Sunday").isFalse();
        }

        @Test
        void aComplaintReceivedOnTheFridayBeforeIsDueOnTwelveMarch() {
            // 02-14 (make-up), 02-24..02-27, 02-28 (make-up), 03-02..03-06, 03-09..03-12: 15 working days.
            assertThat(CALENDAR.addWorkingDays(d("2026-02-13"), 15)).isEqualTo(d("2026-03-12"));
            assertThat(CALENDAR.workingDaysBetween(d("2026-02-13"), d("2026-03-12"))).isEqualTo(15);
            assertThat(CALENDAR.workingDaysBetween(d("2026-02-13"), d("2026-02-23"))).isEqualTo(1);
        }
    }

    @Nested
    class NationalDay2026 {

        @Test
        void goldenWeekRestsAndTheSaturdayAfterIsWorked() {
            for (LocalDate day = d("2026-10-01"); !day.isAfter(d("2026-10-07")); day = day.plusDays(1)) {
                assertThat(CALENDAR.isWorkingDay(day)).as(day.toString()).isFalse();
            }
            assertThat(CALENDAR.isWorkingDay(d("2026-09-20"))).as("Sunday make-up day").isTrue();
            assertThat(CALENDAR.isWorkingDay(d("2026-09-25"))).as("中秋节 Friday").isFalse();
            assertThat(CALENDAR.isWorkingDay(d("2026-10-10"))).as("Saturday make-up day").isTrue();
            assertThat(CALENDAR.isWorkingDay(d("2026-10-11"))).isFalse();
        }

        @Test
        void aBreachOnThirtySeptemberSuspendsUntilTwelveOrFourteenOctober() {
            // Working days after 09-30: 10-08, 10-09, 10-10 (make-up), 10-12, 10-13, 10-14.
            assertThat(CALENDAR.endOfWorkingDayPeriod(d("2026-09-30"), 3)).isEqualTo(LocalDateTime.parse("2026-10-12T00:00"));
            assertThat(CALENDAR.endOfWorkingDayPeriod(d("2026-09-30"), 5)).isEqualTo(LocalDateTime.parse("2026-10-14T00:00"));
            assertThat(CALENDAR.addWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
            assertThat(CALENDAR.addWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
        }
    }

    @Test
    void countingIsTheInverseOfAdding() {
        for (LocalDate day = d("2025-01-01"); day.isBefore(d("2026-12-01")); day = day.plusDays(7)) {
            for (int n : new int[] {0, 1, 3, 5, 15, 30}) {
                assertThat(CALENDAR.workingDaysBetween(day, CALENDAR.addWorkingDays(day, n))).isEqualTo(n);
            }
        }
        assertThat(CALENDAR.workingDaysBetween(d("2026-03-12"), d("2026-02-13"))).isZero();
    }

    @Test
    void theShippedYearsHaveSchedulesAndAYearWithoutDataCountsWeekendsOnly() {
        assertThat(CALENDAR.yearsWithSchedule()).containsExactly(2025, 2026);
        assertThat(CALENDAR.missingYears(d("2026-12-20"), d("2027-01-31"))).containsExactly(2027);
        // 2027-01-01 is a Friday; without a schedule it counts as a working day.
        assertThat(CALENDAR.isWorkingDay(d("2027-01-01"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(d("2027-01-02"))).isFalse();
        // From Thursday 2026-12-31: 2027-01-01, 01-04, 01-05.
        assertThat(CALENDAR.addWorkingDays(d("2026-12-31"), 3)).isEqualTo(d("2027-01-05"));
    }

    @Test
    void aLaterEntryCorrectsAListedDay() {
        List<SpecialDay> days = new java.util.ArrayList<>(ScheduleFile.parse(shipped()));
        days.add(new SpecialDay(d("2026-10-10"), SpecialDay.Kind.REGULAR, "更正"));
        days.add(new SpecialDay(d("2027-01-01"), SpecialDay.Kind.HOLIDAY, "元旦"));
        WorkingDays corrected = WorkingDays.of(days);
        assertThat(corrected.isWorkingDay(d("2026-10-10"))).as("an ordinary Saturday again").isFalse();
        assertThat(corrected.isWorkingDay(d("2027-01-01"))).isFalse();
        assertThat(corrected.hasSchedule(2027)).isTrue();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(d("2026-01-01"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleFile.parse("2026-13-01\tholiday\tx"))
                .hasMessageContaining("line 1").hasMessageContaining("not a date");
        assertThatThrownBy(() -> ScheduleFile.parse("# c\n2026-01-01\trest\tx"))
                .hasMessageContaining("line 2").hasMessageContaining("holiday or workday");
    }
}
