package org.yibao.engine.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The working-day calendar (R-CAL): weekends are rest days except make-up working days (调休上班), and
 * public holidays are rest days. Built from the official schedules' lists; immutable.
 *
 * <p>A year counts as having a schedule when at least one of its days is listed. For a year without
 * one the calendar counts weekends only, and {@link #missingYears} reports it so that callers can
 * warn: its deadlines may be early by the holidays nobody has entered yet.
 */
public final class WorkingDays {

    /** Longest span counted in one call (about ten years of working days): a guard against runaway loops. */
    public static final int MAX_WORKING_DAYS = 2500;

    private final Map<LocalDate, SpecialDay> days;
    private final SortedSet<Integer> yearsWithSchedule;

    private WorkingDays(Map<LocalDate, SpecialDay> days) {
        this.days = days;
        TreeSet<Integer> years = new TreeSet<>();
        days.keySet().forEach(d -> years.add(d.getYear()));
        this.yearsWithSchedule = java.util.Collections.unmodifiableSortedSet(years);
    }

    /** A calendar of the listed days; a later entry for the same date replaces an earlier one. */
    public static WorkingDays of(Collection<SpecialDay> listed) {
        TreeMap<LocalDate, SpecialDay> map = new TreeMap<>();
        listed.forEach(d -> map.put(d.date(), d));
        return new WorkingDays(java.util.Collections.unmodifiableSortedMap(map));
    }

    /** A calendar with no schedule at all: weekends only. */
    public static WorkingDays weekendsOnly() {
        return of(java.util.List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        SpecialDay listed = days.get(date);
        if (listed != null && listed.kind() != SpecialDay.Kind.REGULAR) {
            return listed.kind() == SpecialDay.Kind.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The listed entry of a date, if any (holiday or make-up day with its name). */
    public Optional<SpecialDay> listed(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    /**
     * The n-th working day after {@code date} ({@code date} itself never counts; n = 0 gives
     * {@code date}). R-CMP: a complaint received 2026-02-13 is due {@code addWorkingDays(2026-02-13, 15)}
     * = 2026-03-12.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        checkCount(n);
        LocalDate d = date;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after
     * {@code from}), so that {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        if (to.isAfter(from.plusYears(20))) {
            throw new IllegalArgumentException("span longer than 20 years: " + from + " to " + to);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The end of a period of {@code n} working days that follows {@code day}: the start (00:00) of the
     * (n+1)-th working day after it, so rest days that follow the n-th working day stay inside the
     * period. R-INST-3: a breach on 2026-09-30 suspends settlement until
     * {@code endOfWorkingDayPeriod(2026-09-30, 3)} = 2026-10-12T00:00, or 2026-10-14T00:00 with n = 5.
     */
    public LocalDateTime endOfWorkingDayPeriod(LocalDate day, int n) {
        return addWorkingDays(day, n + 1).atStartOfDay();
    }

    /** Years with a listed schedule, ascending. */
    public SortedSet<Integer> yearsWithSchedule() {
        return yearsWithSchedule;
    }

    public boolean hasSchedule(int year) {
        return yearsWithSchedule.contains(year);
    }

    /** Years from {@code from} to {@code to} (inclusive) that have no schedule: counted by weekends only. */
    public Set<Integer> missingYears(LocalDate from, LocalDate to) {
        TreeSet<Integer> missing = new TreeSet<>();
        for (int y = Math.min(from.getYear(), to.getYear()); y <= Math.max(from.getYear(), to.getYear()); y++) {
            if (!hasSchedule(y)) {
                missing.add(y);
            }
        }
        return missing;
    }

    /** The listed days of a year, by date. */
    public java.util.List<SpecialDay> listedIn(int year) {
        return days.values().stream().filter(d -> d.date().getYear() == year).toList();
    }

    private static void checkCount(int n) {
        if (n < 0 || n > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("working days must be 0.." + MAX_WORKING_DAYS + ", got " + n);
        }
    }
}
