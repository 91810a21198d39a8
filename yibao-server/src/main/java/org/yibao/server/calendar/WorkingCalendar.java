package org.yibao.server.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yibao.engine.calendar.ScheduleFile;
import org.yibao.engine.calendar.SpecialDay;
import org.yibao.engine.calendar.WorkingDays;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;

/**
 * The platform's working-day calendar (R-CAL): the shipped State Council schedules, overlaid by the
 * days staff entered ({@code calendar_day}; a staff row wins over the file for its date). Other
 * contexts compute every working-day deadline with it. The current {@link WorkingDays} is rebuilt
 * after each committed change.
 */
@Service
public class WorkingCalendar {

    /** The schedules shipped with the product (in yibao-engine's resources). */
    static final List<String> SHIPPED = List.of("/reference/calendar/cn-2025-2026.tsv");
    static final String ENTITY = "calendar_day";
    /** Years staff may enter days for: the calendar is for business deadlines, not history. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** One day of the calendar as listed: where it comes from ({@code FILE} or {@code STAFF}). */
    public record Entry(@JsonProperty("date") LocalDate date, @JsonProperty("kind") String kind, @JsonProperty("name") String name,
                        @JsonProperty("source") String source, @JsonProperty("recorded_by") String recordedBy) {}

    /** A year: whether it has a schedule, its listed days, and its count of working days. */
    public record Year(@JsonProperty("year") int year, @JsonProperty("schedule_missing") boolean scheduleMissing,
                       @JsonProperty("working_days") int workingDays, @JsonProperty("days") List<Entry> days) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final List<SpecialDay> shipped;
    private volatile WorkingDays current;

    WorkingCalendar(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.shipped = SHIPPED.stream().flatMap(path -> ScheduleFile.parse(read(path)).stream()).toList();
        reload();
    }

    /** The calendar as it is now (an immutable snapshot). */
    public WorkingDays workingDays() {
        return current;
    }

    public boolean isWorkingDay(LocalDate date) {
        return current.isWorkingDay(date);
    }

    /** The n-th working day after {@code date} (R-CMP: due date = 15 working days after receipt). */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        return current.addWorkingDays(date, n);
    }

    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return current.workingDaysBetween(from, to);
    }

    /** The start of the (n+1)-th working day after {@code day} (R-INST-3 suspensions). */
    public LocalDateTime endOfWorkingDayPeriod(LocalDate day, int n) {
        return current.endOfWorkingDayPeriod(day, n);
    }

    public boolean hasSchedule(int year) {
        return current.hasSchedule(year);
    }

    /** A year's listed days with their source, for the console and the API. */
    public Year year(int year) {
        checkYear("year", year);
        Map<LocalDate, Entry> byDate = new LinkedHashMap<>();
        shipped.stream().filter(d -> d.date().getYear() == year)
                .forEach(d -> byDate.put(d.date(), new Entry(d.date(), d.kind().name(), d.name(), "FILE", null)));
        staffDays().stream().filter(e -> e.date().getYear() == year).forEach(e -> byDate.put(e.date(), e));
        List<Entry> days = byDate.values().stream().sorted(java.util.Comparator.comparing(Entry::date)).toList();
        LocalDate first = LocalDate.of(year, 1, 1);
        int working = current.workingDaysBetween(first.minusDays(1), LocalDate.of(year, 12, 31));
        return new Year(year, !current.hasSchedule(year), working, days);
    }

    /** Adds or corrects a day (HOLIDAY, WORKDAY, or REGULAR to cancel a shipped entry); audited. */
    @Transactional
    public Entry set(String date, String kind, String name) {
        LocalDate day = date("date", date);
        checkYear("date", day.getYear());
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!List.of("HOLIDAY", "WORKDAY", "REGULAR").contains(k)) {
            throw new InvalidInputException("kind", "calendar.kind",
                    "kind 应为 HOLIDAY（法定节假日）、WORKDAY（调休上班）或 REGULAR（按普通工作日/周末），收到 " + (kind == null ? "空" : kind));
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() && !k.equals("REGULAR")) {
            throw new InvalidInputException("name", "calendar.name", "请填写节日名称，如 春节 或 春节调休上班");
        }
        if (n.length() > 50) {
            throw new InvalidInputException("name", "calendar.name", "名称最长 50 个字");
        }
        Optional<Entry> before = staffDays().stream().filter(e -> e.date().equals(day)).findFirst();
        String actor = AuditTrail.currentActor();
        jdbc.sql("""
                insert into calendar_day (day, kind, name, recorded_at, recorded_by) values (?, ?, ?, ?, ?)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name,
                    recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
                .params(day, k, n, Timestamp.from(clock.instant()), actor).update();
        Entry after = new Entry(day, k, n, "STAFF", actor);
        audit.record(before.isPresent() ? "UPDATE" : "CREATE", ENTITY, day.toString(), day, before.orElse(null), after);
        reloadAfterCommit();
        return after;
    }

    /** Removes a day staff entered (the shipped entry, if any, applies again); audited. */
    @Transactional
    public void remove(String date) {
        LocalDate day = date("date", date);
        Entry before = staffDays().stream().filter(e -> e.date().equals(day)).findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, day.toString()));
        jdbc.sql("delete from calendar_day where day = ?").param(day).update();
        audit.record("DELETE", ENTITY, day.toString(), day, before, null);
        reloadAfterCommit();
    }

    private List<Entry> staffDays() {
        return jdbc.sql("select day, kind, name, recorded_by from calendar_day order by day")
                .query((rs, i) -> new Entry(rs.getObject("day", LocalDate.class), rs.getString("kind"), rs.getString("name"),
                        "STAFF", rs.getString("recorded_by")))
                .list();
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    private synchronized void reload() {
        List<SpecialDay> all = new ArrayList<>(shipped);
        staffDays().forEach(e -> all.add(new SpecialDay(e.date(), SpecialDay.Kind.valueOf(e.kind()), e.name())));
        current = WorkingDays.of(all);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "calendar.date", "日期格式应为 yyyy-MM-dd，收到 " + (value == null ? "空" : value));
        }
    }

    private static void checkYear(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException(field, "calendar.year", "年份应在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间，收到 " + year);
        }
    }

    private static String read(String path) {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("calendar schedule missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
