package org.yibao.engine.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the official schedule as tab-separated text ({@code date kind name}; kind {@code holiday} or
 * {@code workday}; {@code #} comments and a {@code date} header line are skipped). A malformed line is
 * refused with its number, so a bad file never becomes a wrong calendar.
 */
public final class ScheduleFile {

    private ScheduleFile() {}

    public static List<SpecialDay> parse(String text) {
        List<SpecialDay> days = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("date\t")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected date<TAB>kind<TAB>name, got: " + line);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cols[0].strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not a date (yyyy-MM-dd): " + cols[0]);
            }
            SpecialDay.Kind kind = switch (cols[1].strip().toLowerCase(Locale.ROOT)) {
                case "holiday" -> SpecialDay.Kind.HOLIDAY;
                case "workday" -> SpecialDay.Kind.WORKDAY;
                default -> throw new IllegalArgumentException("line " + (i + 1) + ": kind must be holiday or workday, got: " + cols[1]);
            };
            days.add(new SpecialDay(date, kind, cols.length > 2 ? cols[2] : ""));
        }
        return days;
    }
}
