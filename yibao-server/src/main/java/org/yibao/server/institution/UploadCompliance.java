package org.yibao.server.institution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.calendar.WorkingCalendar;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Real-time data upload compliance (信息报送, R-INST-3), evaluated per institution and receipt day
 * (China Standard Time) after the day has ended.
 *
 * <ul>
 *   <li>A <b>record</b> is a fee line (2204 outpatient, 2301 inpatient; occurred {@code fee_ocur_time},
 *       received {@code uploaded_at}) or a settlement (2207, 2304; occurred {@code setl_time}, received
 *       {@code recorded_at}). A record is <b>late</b> when received more than 24 hours after it occurred.</li>
 *   <li>The error rate counts <b>messages</b> of those four transactions ({@code fsi_message}): submitted =
 *       every such message received that day, rejected = those answered {@code infcode -1}, except the
 *       settlement calls refused because the institution may not settle ({@code not_permitted}). A
 *       rejected message's lines are not kept, so the message is the unit. The rate applies from 20 submitted.</li>
 *   <li><b>Breach</b>: any late record, or an error rate above 5%. A breach on day D suspends settlement
 *       from D+1 until {@link WorkingCalendar#endOfWorkingDayPeriod} (3 working days; 5 when a breach of
 *       the 12 months before D already caused a suspension). The suspension lifts by itself.</li>
 * </ul>
 *
 * <p>Each day is evaluated once: the first evaluation is kept and running the day again changes nothing
 * (a day's data is final once it has ended). Who may run it is decided at the edge (ADMIN).
 */
@Service
public class UploadCompliance {

    /** Late records of any number, or an error rate above this → breach. */
    public static final BigDecimal MAX_ERROR_RATE = new BigDecimal("0.05");
    /** The error rate applies from this many submitted messages. */
    public static final int MIN_SUBMITTED = 20;
    public static final int WORKING_DAYS = 3;
    public static final int REPEAT_WORKING_DAYS = 5;
    static final String INFNOS = "('2204', '2301', '2207', '2304')";

    /** One institution's evaluated day. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Day(String fixmedinsCode, LocalDate day, int records, int lateRecords, int submitted, int rejected,
                      BigDecimal errorRate, boolean breach, String cause, Instant evaluatedAt, String evaluatedBy) {}

    /** A settlement suspension caused by a breach: refused from {@code startsOn} until {@code resumesOn} (exclusive). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Suspension(String fixmedinsCode, LocalDate breachDay, LocalDate startsOn, LocalDate resumesOn, int workingDays,
                             String cause, Instant recordedAt) {
        public boolean inForceOn(LocalDate day) {
            return !day.isBefore(startsOn) && day.isBefore(resumesOn);
        }
    }

    /** The outcome of evaluating a day: every institution's row, and the suspensions this run created. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Evaluation(LocalDate day, List<Day> institutions, List<Suspension> newSuspensions) {}

    static final String DAY_COLUMNS = "fixmedins_code, day, records, late_records, submitted, rejected, error_rate, breach, cause, "
            + "evaluated_at, evaluated_by";
    static final RowMapper<Day> DAY = (rs, n) -> new Day(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
            rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
            rs.getString(11));
    static final String SUSPENSION_COLUMNS = "fixmedins_code, breach_day, starts_on, resumes_on, working_days, cause, recorded_at";
    static final RowMapper<Suspension> SUSPENSION = (rs, n) -> new Suspension(rs.getString(1), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getString(6),
            rs.getTimestamp(7).toInstant());
    /** Namespace of the advisory lock that serialises evaluations of one day. */
    private static final int LOCK_NAMESPACE = 76;

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final StandingChanges changes;

    UploadCompliance(JdbcClient jdbc, WorkingCalendar calendar, AuditTrail audit, Clock clock, StandingChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an evaluation would count for one institution and day (nothing stored). */
    record Counts(String code, int records, int late, int submitted, int rejected) {}

    /**
     * Evaluates every institution with traffic on {@code day} (which must have ended), or only
     * {@code fixmedinsCode} when given. Days already evaluated are kept as they were.
     */
    @Transactional
    public Evaluation evaluate(LocalDate day, String fixmedinsCode) {
        if (!day.isBefore(LocalDate.now(clock))) {
            throw new ConflictException("day", "not_ended", "the day " + day + " has not ended; a day is evaluated after it ends");
        }
        String only = fixmedinsCode == null || fixmedinsCode.isBlank() ? null : fixmedinsCode.strip();
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_NAMESPACE, (int) day.toEpochDay()).query().singleRow();
        List<Suspension> created = new ArrayList<>();
        for (Counts c : counts(day, only)) {
            boolean exists = jdbc.sql("select 1 from upload_compliance_day where fixmedins_code = ? and day = ?").params(c.code(), day)
                    .query().optionalValue().isPresent();
            if (exists) {
                continue;
            }
            BigDecimal rate = c.submitted() >= MIN_SUBMITTED
                    ? BigDecimal.valueOf(c.rejected()).divide(BigDecimal.valueOf(c.submitted()), 4, RoundingMode.HALF_UP) : null;
            String cause = cause(c, rate);
            Instant now = clock.instant();
            jdbc.sql("insert into upload_compliance_day (" + DAY_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(c.code(), day, c.records(), c.late(), c.submitted(), c.rejected(), rate, cause != null, cause,
                            Timestamp.from(now), AuditTrail.currentActor())
                    .update();
            if (cause != null) {
                created.add(suspend(c.code(), day, cause, now));
            }
        }
        List<Day> rows = jdbc.sql("select " + DAY_COLUMNS + " from upload_compliance_day where day = ?"
                        + (only == null ? "" : " and fixmedins_code = ?") + " order by fixmedins_code")
                .params(only == null ? List.of(day) : List.of(day, only)).query(DAY).list();
        return new Evaluation(day, rows, created);
    }

    /** The cause of a breach in Chinese, as the refusal names it; null without breach. */
    static String cause(Counts c, BigDecimal rate) {
        List<String> parts = new ArrayList<>();
        if (c.late() > 0) {
            parts.add(c.late() + " 条记录超过 24 小时");
        }
        if (rate != null && rate.compareTo(MAX_ERROR_RATE) > 0) {
            parts.add("差错率 " + rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%（" + c.rejected() + "/" + c.submitted()
                    + "）超过 5%");
        }
        return parts.isEmpty() ? null : String.join("，", parts);
    }

    private Suspension suspend(String code, LocalDate day, String cause, Instant now) {
        boolean repeat = jdbc.sql("select 1 from upload_compliance_suspension where fixmedins_code = ? and breach_day < ? "
                        + "and breach_day >= ? limit 1")
                .params(code, day, day.minusMonths(12)).query().optionalValue().isPresent();
        int n = repeat ? REPEAT_WORKING_DAYS : WORKING_DAYS;
        LocalDate resumes = calendar.endOfWorkingDayPeriod(day, n).toLocalDate();
        changes.changed();
        Suspension s = jdbc.sql("insert into upload_compliance_suspension (" + SUSPENSION_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?) "
                        + "returning " + SUSPENSION_COLUMNS)
                .params(code, day, day.plusDays(1), resumes, n, cause, Timestamp.from(now)).query(SUSPENSION).single();
        audit.record("SUSPEND", "upload_compliance_suspension", code + "/" + day, day.plusDays(1), null, s);
        return s;
    }

    private List<Counts> counts(LocalDate day, String only) {
        ZoneId zone = clock.getZone();
        Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        String z = zone.getId();
        return jdbc.sql("""
                with recs as (
                    select v.fixmedins_code as code, f.uploaded_at - (f.fee_ocur_time at time zone :zone) > interval '24 hours' as late
                    from fee_line f join visit v on v.mdtrt_id = f.mdtrt_id
                    where f.uploaded_at >= :from and f.uploaded_at < :to
                    union all
                    select s.fixmedins_code, s.recorded_at - (s.setl_time at time zone :zone) > interval '24 hours'
                    from settlement s
                    where s.setl_time >= :fromLocal and s.setl_time < :toLocal and s.reverses_setl_id is null
                ), r as (
                    select code, count(*) as records, count(*) filter (where late) as late from recs group by code
                ), m as (
                    select fixmedins_code as code, count(*) as submitted, count(*) filter (where infcode <> 0) as rejected
                    from fsi_message
                    where received_at >= :from and received_at < :to and infno in""" + " " + INFNOS + """
                      and not not_permitted
                    group by fixmedins_code
                )
                select coalesce(r.code, m.code), coalesce(r.records, 0), coalesce(r.late, 0), coalesce(m.submitted, 0),
                       coalesce(m.rejected, 0)
                from r full join m on m.code = r.code
                where cast(:only as varchar) is null or coalesce(r.code, m.code) = :only
                order by 1""")
                .param("zone", z).param("from", from).param("to", to)
                .param("fromLocal", day.atStartOfDay()).param("toLocal", day.plusDays(1).atStartOfDay())
                .param("only", only)
                .query((rs, n) -> new Counts(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))).list();
    }

    /** The institution's evaluated days from {@code from} to {@code to} inclusive, oldest first. */
    public List<Day> history(String fixmedinsCode, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + DAY_COLUMNS + " from upload_compliance_day where fixmedins_code = ? and day between ? and ? order by day")
                .params(fixmedinsCode, from, to).query(DAY).list();
    }

    /** Every suspension the institution's breaches caused, newest first. */
    public List<Suspension> suspensions(String fixmedinsCode) {
        return jdbc.sql("select " + SUSPENSION_COLUMNS + " from upload_compliance_suspension where fixmedins_code = ? "
                        + "order by breach_day desc").param(fixmedinsCode).query(SUSPENSION).list();
    }
}
