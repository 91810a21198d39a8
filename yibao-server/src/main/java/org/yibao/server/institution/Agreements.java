package org.yibao.server.institution;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;

/**
 * Service agreements (服务协议, R-INST-1): apply, activate, renew and terminate, each a recorded
 * transition (who, when, why) and an audit entry. One agreement per institution per one-year period;
 * periods never overlap. Expiry, rectification and suspension are not transitions anyone runs: they
 * follow from the date ({@link AgreementStates}).
 *
 * <p>Who may call the changing methods is decided at the edge: ADMIN only (URL security and the console).
 */
@Service
public class Agreements {

    public static final String ENTITY = "agreement";
    static final String COLUMNS = "id, fixmedins_code, start_date, end_date, status, renews_id, terminated_from, recorded_at, recorded_by";
    static final RowMapper<Agreement> ROW = (rs, n) -> new Agreement(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getString(5), (Long) rs.getObject(6), rs.getObject(7, LocalDate.class),
            rs.getTimestamp(8).toInstant(), rs.getString(9));
    private static final RowMapper<AgreementEvent> EVENT = (rs, n) -> new AgreementEvent(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), (Long) rs.getObject(8),
            rs.getTimestamp(9).toInstant(), rs.getString(10));
    /** Namespace of the advisory lock that serialises the agreement changes of one institution. */
    private static final int LOCK_NAMESPACE = 74;

    /** Where an institution stands on a day: its agreement then (if any), the state, and the sanctions in force. */
    public record Standing(String fixmedinsCode, LocalDate day, Agreement agreement, AgreementState state, Sanction suspension,
                           Sanction rectification, UploadCompliance.Suspension uploadSuspension) {
        public boolean settlementAllowed() {
            return state != null && state.allowsSettlement() && suspension == null && uploadSuspension == null;
        }
    }

    /** One row of the register of institutions by agreement state. */
    public record RegisterRow(String fixmedinsCode, String name, String kind, Standing standing) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<RenewalCondition> renewalConditions;
    private final StandingChanges changes;

    Agreements(JdbcClient jdbc, AuditTrail audit, Clock clock, ObjectProvider<RenewalCondition> renewalConditions,
               StandingChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.renewalConditions = renewalConditions;
    }

    /** Every agreement of the institution, oldest first. */
    public List<Agreement> list(String fixmedinsCode) {
        requireInstitution(fixmedinsCode);
        return jdbc.sql("select " + COLUMNS + " from agreement where fixmedins_code = ? order by start_date")
                .param(fixmedinsCode).query(ROW).list();
    }

    /** Every recorded transition of the institution's agreements, in the order they were recorded. */
    public List<AgreementEvent> events(String fixmedinsCode) {
        return jdbc.sql("""
                select e.id, e.agreement_id, e.action, e.from_state, e.to_state, e.effective_date, e.reason, e.sanction_id,
                       e.recorded_at, e.recorded_by
                from agreement_event e join agreement a on a.id = e.agreement_id
                where a.fixmedins_code = ? order by e.id""").param(fixmedinsCode).query(EVENT).list();
    }

    public Agreement get(String fixmedinsCode, long id) {
        return jdbc.sql("select " + COLUMNS + " from agreement where id = ? and fixmedins_code = ?").params(id, fixmedinsCode)
                .query(ROW).optional().orElseThrow(() -> new NotFoundException(ENTITY, fixmedinsCode + "/" + id));
    }

    /** Where the institution stands on a day (R-INST-1). */
    public Standing standing(String fixmedinsCode, LocalDate day) {
        // One statement (the gateway asks before every settling call): the agreements, the sanctions in force on the day,
        // and the upload-compliance suspension in force (R-INST-3).
        List<Agreement> agreements = new ArrayList<>();
        List<Sanction> sanctions = new ArrayList<>();
        List<UploadCompliance.Suspension> uploads = new ArrayList<>();
        jdbc.sql("""
                select 'A', id, fixmedins_code, renews_id, status, start_date, end_date, terminated_from, null, null, recorded_by, recorded_at,
                       null::date
                from agreement where fixmedins_code = ?
                union all
                select 'S', id, fixmedins_code, agreement_id, kind, start_date, end_date, decision_date, reason, evidence, decided_by,
                       recorded_at, lifted_from
                from sanction where fixmedins_code = ? and start_date <= ? and (end_date is null or end_date >= ?)
                  and (lifted_from is null or lifted_from > ?)
                union all
                select 'U', working_days, fixmedins_code, null, null, starts_on, resumes_on, breach_day, cause, null, null, recorded_at, null
                from upload_compliance_suspension where fixmedins_code = ? and starts_on <= ? and resumes_on > ?
                order by 1, 6""")
                .params(fixmedinsCode, fixmedinsCode, day, day, day, fixmedinsCode, day, day)
                .query(rs -> {
                    Long ref = (Long) rs.getObject(4);
                    LocalDate start = rs.getObject(6, LocalDate.class);
                    LocalDate end = rs.getObject(7, LocalDate.class);
                    LocalDate other = rs.getObject(8, LocalDate.class);
                    if ("U".equals(rs.getString(1))) {
                        uploads.add(new UploadCompliance.Suspension(rs.getString(3), other, start, end, rs.getInt(2), rs.getString(9),
                                rs.getTimestamp(12).toInstant()));
                    } else if ("A".equals(rs.getString(1))) {
                        agreements.add(new Agreement(rs.getLong(2), rs.getString(3), start, end, rs.getString(5), ref, other,
                                rs.getTimestamp(12).toInstant(), rs.getString(11)));
                    } else {
                        LocalDate liftedFrom = rs.getObject(13, LocalDate.class);
                        // Only the lift date matters here (the sanction is in force on the day); who lifted it and why is on the page.
                        sanctions.add(new Sanction(rs.getLong(2), rs.getString(3), ref, rs.getString(5), other, start, end, rs.getString(9),
                                rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(), liftedFrom, null, null, null));
                    }
                });
        return standing(fixmedinsCode, day, agreements, sanctions, uploads);
    }

    static Standing standing(String code, LocalDate day, List<Agreement> agreements, List<Sanction> sanctions) {
        return standing(code, day, agreements, sanctions, List.of());
    }

    static Standing standing(String code, LocalDate day, List<Agreement> agreements, List<Sanction> sanctions,
                             List<UploadCompliance.Suspension> uploads) {
        // The agreement holding on the day; else one covering it (terminated); else the last one before it (expired or
        // terminated); else the first one (not yet begun).
        Optional<Agreement> agreement = agreements.stream().filter(a -> a.holdsOn(day)).findFirst()
                .or(() -> agreements.stream().filter(a -> a.covers(day)).max(Comparator.comparing(Agreement::startDate)))
                .or(() -> agreements.stream().filter(a -> a.startDate().isBefore(day)).max(Comparator.comparing(Agreement::startDate)))
                .or(() -> agreements.stream().findFirst());
        Sanction suspension = AgreementStates.suspension(sanctions, day).orElse(null);
        Sanction rectification = AgreementStates.rectification(sanctions, day).orElse(null);
        UploadCompliance.Suspension upload = uploads.stream().filter(u -> u.inForceOn(day))
                .max(Comparator.comparing(UploadCompliance.Suspension::resumesOn)).orElse(null);
        if (agreement.isEmpty()) {
            return new Standing(code, day, null, null, suspension, rectification, upload);
        }
        Agreement a = agreement.get();
        AgreementState state = day.isBefore(a.startDate()) ? null : AgreementStates.on(a, sanctions, day);
        return new Standing(code, day, a, state, suspension, rectification, upload);
    }

    /** Institutions in force today with where each stands; {@code state} (optional) filters, NONE for no agreement in force. */
    public List<RegisterRow> register(LocalDate day, String state) {
        Map<String, List<Agreement>> agreements = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from agreement order by fixmedins_code, start_date").query(ROW).list()
                .forEach(a -> agreements.computeIfAbsent(a.fixmedinsCode(), k -> new ArrayList<>()).add(a));
        Map<String, List<Sanction>> sanctions = new LinkedHashMap<>();
        jdbc.sql("select " + Sanctions.COLUMNS + " from sanction order by id").query(Sanctions.ROW).list()
                .forEach(s -> sanctions.computeIfAbsent(s.fixmedinsCode(), k -> new ArrayList<>()).add(s));
        Map<String, List<UploadCompliance.Suspension>> uploads = new LinkedHashMap<>();
        jdbc.sql("select " + UploadCompliance.SUSPENSION_COLUMNS + " from upload_compliance_suspension where starts_on <= ? and resumes_on > ?")
                .params(day, day).query(UploadCompliance.SUSPENSION).list()
                .forEach(u -> uploads.computeIfAbsent(u.fixmedinsCode(), k -> new ArrayList<>()).add(u));
        List<RegisterRow> rows = new ArrayList<>();
        jdbc.sql("""
                select fixmedins_code, name, kind from institution
                where valid_from <= ? and (valid_to is null or valid_to > ?) order by fixmedins_code""")
                .params(day, day).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
                .forEach(i -> {
                    Standing s = standing(i[0], day, agreements.getOrDefault(i[0], List.of()), sanctions.getOrDefault(i[0], List.of()),
                            uploads.getOrDefault(i[0], List.of()));
                    String name = s.state() == null ? "NONE" : s.state().name();
                    if (state == null || state.isBlank() || state.equals(name)) {
                        rows.add(new RegisterRow(i[0], i[1], i[2], s));
                    }
                });
        return rows;
    }

    /** Applies for a one-year agreement from {@code startDate} (default today): APPLIED. */
    @Transactional
    public Agreement apply(String fixmedinsCode, LocalDate startDate, String memo) {
        requireInstitution(fixmedinsCode);
        Checks c = new Checks();
        c.optionalText("reason", memo, 500);
        c.throwIfAny();
        lock(fixmedinsCode);
        LocalDate start = startDate == null ? today() : startDate;
        Agreement created = insert(fixmedinsCode, start, "APPLIED", null);
        event(created, "APPLY", null, AgreementState.APPLIED, start, memo, null);
        audit.record("APPLY", ENTITY, key(created), start, null, created);
        return created;
    }

    /** APPLIED → ACTIVE, from today (or from its start when that is later). */
    @Transactional
    public Agreement activate(String fixmedinsCode, long id, String memo) {
        Agreement before = locked(fixmedinsCode, id, memo);
        LocalDate today = today();
        AgreementState state = stateOn(before, today);
        if (!"APPLIED".equals(before.status()) || state == AgreementState.EXPIRED) {
            throw invalid("activate", before, state, "only an applied agreement whose period has not ended can be activated");
        }
        jdbc.sql("update agreement set status = 'ACTIVE' where id = ?").param(id).update();
        Agreement after = get(fixmedinsCode, id);
        LocalDate from = today.isBefore(before.startDate()) ? before.startDate() : today;
        event(after, "ACTIVATE", AgreementState.APPLIED, AgreementState.ACTIVE, from, memo, null);
        audit.record("ACTIVATE", ENTITY, key(after), from, before, after);
        return after;
    }

    /**
     * Renews (续签) an agreement that is in force or not yet begun, not terminated and not renewed yet:
     * a new one-year ACTIVE agreement from the day after its end.
     */
    @Transactional
    public Agreement renew(String fixmedinsCode, long id, String memo) {
        Agreement old = locked(fixmedinsCode, id, memo);
        LocalDate today = today();
        AgreementState state = stateOn(old, today);
        boolean renewable = "ACTIVE".equals(old.status()) && (state == null || state.inForce());
        if (!renewable) {
            throw invalid("renew", old, state, "only an active agreement (in force or not yet begun) can be renewed; apply for a new one instead");
        }
        if (jdbc.sql("select count(*) from agreement where renews_id = ?").param(id).query(Long.class).single() > 0) {
            throw new ConflictException("id", "already_renewed", "agreement " + id + " has already been renewed");
        }
        // R-INST-2: the annual evaluation may refuse the renewal (NOT_RENEWED) or note a rectification.
        List<String> notes = new ArrayList<>();
        renewalConditions.orderedStream().map(c -> c.check(fixmedinsCode, old)).filter(n -> n != null && !n.isBlank()).forEach(notes::add);
        if (memo != null && !memo.isBlank()) {
            notes.add(0, memo.strip());
        }
        Agreement next = insert(fixmedinsCode, old.endDate().plusDays(1), "ACTIVE", id);
        String reason = notes.isEmpty() ? null : String.join("；", notes);
        event(next, "RENEW", null, AgreementState.ACTIVE, next.startDate(), reason == null || reason.length() <= 500 ? reason
                : reason.substring(0, 500), null);
        audit.record("RENEW", ENTITY, key(next), next.startDate(), old, next);
        return next;
    }

    /**
     * Terminates (解除) an agreement from {@code from} (default today, not later than today) with a reason;
     * agreements already renewed after it are terminated too, from their start.
     */
    @Transactional
    public Agreement terminate(String fixmedinsCode, long id, LocalDate from, String reason) {
        lock(fixmedinsCode);
        Agreement a = get(fixmedinsCode, id);
        Checks c = new Checks();
        c.text("reason", reason, 500);
        LocalDate day = from == null ? today() : from;
        if (day.isAfter(today())) {
            c.add("date", "not_future", "a termination takes effect from its decision date, which cannot be later than today (" + today() + ")");
        }
        c.throwIfAny();
        return terminate(a, day, reason, null);
    }

    /** Terminates {@code a} from {@code day} and every agreement after it (called under the institution's lock). */
    Agreement terminate(Agreement a, LocalDate day, String reason, Long sanctionId) {
        AgreementState state = stateOn(a, day);
        if (!a.covers(day)) {
            throw new ConflictException("date", "outside_period", "the termination date " + day + " is outside the agreement's period "
                    + a.startDate() + " – " + a.endDate());
        }
        if (state == AgreementState.TERMINATED || state == AgreementState.EXPIRED || "TERMINATED".equals(a.status())) {
            throw invalid("terminate", a, state, "the agreement is already " + (state == null ? a.status() : state).toString().toLowerCase());
        }
        List<Agreement> affected = new ArrayList<>(List.of(a));
        affected.addAll(jdbc.sql("select " + COLUMNS + " from agreement where fixmedins_code = ? and start_date > ? and status <> 'TERMINATED' "
                + "order by start_date").params(a.fixmedinsCode(), a.startDate()).query(ROW).list());
        Agreement result = null;
        for (Agreement each : affected) {
            LocalDate effective = day.isBefore(each.startDate()) ? each.startDate() : day;
            AgreementState before = each == a ? state : AgreementState.valueOf(each.status());
            jdbc.sql("update agreement set status = 'TERMINATED', terminated_from = ? where id = ?").params(effective, each.id()).update();
            Agreement after = get(each.fixmedinsCode(), each.id());
            event(after, "TERMINATE", before, AgreementState.TERMINATED, effective, reason, sanctionId);
            audit.record("TERMINATE", ENTITY, key(after), effective, each, after);
            if (each == a) {
                result = after;
            }
        }
        return result;
    }

    /** The agreement under the institution's lock, once the optional memo is checked. */
    private Agreement locked(String fixmedinsCode, long id, String memo) {
        Checks c = new Checks();
        c.optionalText("reason", memo, 500);
        c.throwIfAny();
        lock(fixmedinsCode);
        return get(fixmedinsCode, id);
    }

    /** Records a sanction's effect on the agreement's history (rectification or suspension). */
    void sanctioned(Agreement a, Sanction s, AgreementState before, AgreementState after) {
        event(a, s.kind(), before, after, s.startDate(), s.reason() + (s.endDate() == null ? "" : "（至 " + s.endDate() + "）"), s.id());
    }

    /** Records the lifting of a sanction in the agreement's history. */
    void lifted(Agreement a, Sanction s, AgreementState before, AgreementState after) {
        event(a, "LIFT", before, after, s.liftedFrom(), s.kind() + " " + s.id() + "：" + s.liftReason(), s.id());
    }

    AgreementState stateOn(Agreement a, LocalDate day) {
        return day.isBefore(a.startDate()) ? null : AgreementStates.on(a, sanctions(a.fixmedinsCode()), day);
    }

    List<Sanction> sanctions(String fixmedinsCode) {
        return jdbc.sql("select " + Sanctions.COLUMNS + " from sanction where fixmedins_code = ? order by id").param(fixmedinsCode)
                .query(Sanctions.ROW).list();
    }

    void lock(String fixmedinsCode) {
        requireInstitution(fixmedinsCode);
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_NAMESPACE, fixmedinsCode.hashCode()).query(Object.class).single();
    }

    void requireInstitution(String fixmedinsCode) {
        if (!jdbc.sql("select exists (select 1 from institution where fixmedins_code = ?)").param(fixmedinsCode).query(Boolean.class).single()) {
            throw new NotFoundException(Institutions.ENTITY, fixmedinsCode);
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private Agreement insert(String code, LocalDate start, String status, Long renewsId) {
        LocalDate end = start.plusYears(1).minusDays(1);
        Optional<Agreement> overlap = jdbc.sql("select " + COLUMNS + " from agreement where fixmedins_code = ? and start_date <= ? "
                        + "and coalesce(terminated_from - 1, end_date) >= ? and (terminated_from is null or terminated_from > start_date) "
                        + "order by start_date limit 1")
                .params(code, end, start).query(ROW).optional();
        if (overlap.isPresent()) {
            Agreement o = overlap.get();
            throw new ConflictException("start_date", "overlap", "the period " + start + " – " + end + " overlaps agreement " + o.id()
                    + " (" + o.startDate() + " – " + o.endDate() + ", " + o.status() + "); one agreement per period");
        }
        changes.changed();
        return jdbc.sql("insert into agreement (fixmedins_code, start_date, end_date, status, renews_id, recorded_at, recorded_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(code, start, end, status, renewsId, Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .query(ROW).single();
    }

    private void event(Agreement a, String action, AgreementState from, AgreementState to, LocalDate effective, String reason, Long sanctionId) {
        // Every transition of an agreement passes here (sanctions and lifts too): settlement permissions read before it are stale.
        changes.changed();
        jdbc.sql("insert into agreement_event (agreement_id, action, from_state, to_state, effective_date, reason, sanction_id, "
                        + "recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), action, from == null ? null : from.name(), to.name(), effective, blankToNull(reason), sanctionId,
                        Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .update();
    }

    private static ConflictException invalid(String action, Agreement a, AgreementState state, String why) {
        return new ConflictException("state", "invalid_transition", "cannot " + action + " agreement " + a.id() + " ("
                + a.startDate() + " – " + a.endDate() + ", " + (state == null ? a.status() + ", not yet begun" : state.name())
                + "): " + why);
    }

    static String key(Agreement a) {
        return a.fixmedinsCode() + "/" + a.id();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
