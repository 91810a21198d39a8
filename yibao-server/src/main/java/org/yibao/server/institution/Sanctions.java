package org.yibao.server.institution;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;

/**
 * Graded sanctions (阶梯式处罚, R-INST-4), decided by staff (ADMIN only, checked at the edge), each with
 * reason, evidence, decision date and the deciding user, recorded in the agreement's history and the
 * audit trail. Their effect on settlement is read by {@link SettlementPermission}; rectifications and
 * suspensions end by themselves after their last day.
 */
@Service
public class Sanctions {

    public static final String ENTITY = "sanction";
    static final String COLUMNS = "id, fixmedins_code, agreement_id, kind, decision_date, start_date, end_date, reason, evidence, "
            + "decided_by, recorded_at, lifted_from, lift_reason, lifted_by, lifted_at";
    static final RowMapper<Sanction> ROW = (rs, n) -> new Sanction(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getObject(12, LocalDate.class), rs.getString(13),
            rs.getString(14), rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant());
    private static final Set<String> KINDS = Set.of(Sanction.RECTIFICATION, Sanction.SUSPENSION, Sanction.TERMINATION);

    /**
     * A sanction as decided.
     *
     * @param decisionDate default today; not later than today
     * @param startDate    SUSPENSION only: first suspended day (default the decision date, not before it)
     * @param endDate      RECTIFICATION: the deadline; SUSPENSION: the last suspended day; TERMINATION: none
     */
    public record Decision(String kind, LocalDate decisionDate, LocalDate startDate, LocalDate endDate, String reason, String evidence) {}

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final AuditTrail audit;
    private final Clock clock;
    private final StandingChanges changes;

    Sanctions(JdbcClient jdbc, Agreements agreements, AuditTrail audit, Clock clock, StandingChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    /** The institution's sanctions, latest decision first. */
    public List<Sanction> list(String fixmedinsCode) {
        agreements.requireInstitution(fixmedinsCode);
        return jdbc.sql("select " + COLUMNS + " from sanction where fixmedins_code = ? order by decision_date desc, id desc")
                .param(fixmedinsCode).query(ROW).list();
    }

    @Transactional
    public Sanction decide(String fixmedinsCode, Decision d) {
        agreements.lock(fixmedinsCode);
        LocalDate today = LocalDate.now(clock);
        Checks c = new Checks();
        String kind = d.kind() == null ? null : d.kind().strip().toUpperCase();
        if (c.required("kind", kind) && !KINDS.contains(kind)) {
            c.add("kind", "enum", "one of RECTIFICATION (约谈整改), SUSPENSION (暂停结算), TERMINATION (解除协议)");
        }
        c.text("reason", d.reason(), 500);
        c.text("evidence", d.evidence(), 1000);
        LocalDate decided = d.decisionDate() == null ? today : d.decisionDate();
        if (decided.isAfter(today)) {
            c.add("decision_date", "not_future", "a decision date cannot be later than today (" + today + ")");
        }
        LocalDate start = decided;
        LocalDate end = d.endDate();
        if (Sanction.SUSPENSION.equals(kind)) {
            start = d.startDate() == null ? decided : d.startDate();
            if (start.isBefore(decided)) {
                c.add("start_date", "after_decision", "a suspension cannot start (" + start + ") before its decision date (" + decided + ")");
            }
            if (c.required("end_date", end) && end.isBefore(start)) {
                c.add("end_date", "before_start", "the last suspended day " + end + " is before the first " + start);
            }
        } else if (Sanction.RECTIFICATION.equals(kind)) {
            if (d.startDate() != null && !d.startDate().equals(decided)) {
                c.add("start_date", "absent", "a rectification starts on its decision date: leave start_date out");
            }
            if (c.required("end_date", end) && !end.isAfter(decided)) {
                c.add("end_date", "after_decision", "the rectification deadline " + end + " must be after the decision date " + decided);
            }
        } else if (Sanction.TERMINATION.equals(kind)) {
            if (end != null || (d.startDate() != null && !d.startDate().equals(decided))) {
                c.add("end_date", "absent", "a termination takes effect from its decision date and has no end: leave start_date and end_date out");
            }
        }
        c.throwIfAny();
        final LocalDate first = start;
        // The agreement in force on the first day the sanction applies to.
        Agreement agreement = agreements.list(fixmedinsCode).stream().filter(a -> a.holdsOn(first)).findFirst()
                .orElseThrow(() -> new ConflictException("start_date", "no_agreement",
                        "institution " + fixmedinsCode + " has no agreement covering " + first));
        AgreementState before = agreements.stateOn(agreement, first);
        if (before == null || !before.inForce()) {
            throw new ConflictException("state", "invalid_transition", "agreement " + agreement.id() + " is "
                    + (before == null ? agreement.status() : before.name()) + " on " + first + "; only an agreement in force can be sanctioned");
        }
        changes.changed();
        Sanction s = jdbc.sql("insert into sanction (fixmedins_code, agreement_id, kind, decision_date, start_date, end_date, reason, "
                        + "evidence, decided_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(fixmedinsCode, agreement.id(), kind, decided, start, end, d.reason().strip(), d.evidence().strip(),
                        AuditTrail.currentActor(), Timestamp.from(clock.instant()))
                .query(ROW).single();
        audit.record("DECIDE", ENTITY, fixmedinsCode + "/" + s.id(), start, null, s);
        if (Sanction.TERMINATION.equals(kind)) {
            agreements.terminate(agreement, start, s.reason(), s.id());
        } else {
            agreements.sanctioned(agreement, s, before, Sanction.SUSPENSION.equals(kind) ? AgreementState.SUSPENDED
                    : before == AgreementState.SUSPENDED ? AgreementState.SUSPENDED : AgreementState.RECTIFICATION);
        }
        return s;
    }

    /**
     * Lifts a rectification or suspension from {@code from} (default today): a rectification accepted as done
     * before its deadline (整改验收), a suspension ended early, or one withdrawn before its first day. Days
     * already past stay as decided, so {@code from} is today or later; a termination is not lifted (the
     * institution applies for a new agreement).
     */
    @Transactional
    public Sanction lift(String fixmedinsCode, long id, LocalDate from, String reason) {
        agreements.lock(fixmedinsCode);
        Sanction s = jdbc.sql("select " + COLUMNS + " from sanction where id = ? and fixmedins_code = ?").params(id, fixmedinsCode)
                .query(ROW).optional().orElseThrow(() -> new NotFoundException(ENTITY, fixmedinsCode + "/" + id));
        LocalDate today = LocalDate.now(clock);
        Checks c = new Checks();
        c.text("reason", reason, 500);
        LocalDate requested = from == null ? today : from;
        if (requested.isBefore(today)) {
            c.add("lifted_from", "not_past", "a sanction is lifted from today (" + today + ") or a later day; the days already past stay as decided");
        }
        c.throwIfAny();
        if (Sanction.TERMINATION.equals(s.kind())) {
            throw new ConflictException("kind", "not_liftable", "a termination (解除协议) cannot be lifted; the institution applies for a new agreement");
        }
        if (s.lifted()) {
            throw new ConflictException("lifted_from", "already_lifted", "sanction " + id + " was already lifted from " + s.liftedFrom()
                    + " by " + s.liftedBy());
        }
        if (requested.isAfter(s.endDate())) {
            throw new ConflictException("lifted_from", "after_end", "sanction " + id + " ends by itself after " + s.endDate()
                    + "; lifting it from " + requested + " would change nothing");
        }
        // Lifting before the first day withdraws it: it never applies.
        LocalDate effective = requested.isBefore(s.startDate()) ? s.startDate() : requested;
        Agreement agreement = agreements.get(fixmedinsCode, s.agreementId());
        AgreementState before = agreements.stateOn(agreement, effective);
        changes.changed();
        Sanction lifted = jdbc.sql("update sanction set lifted_from = ?, lift_reason = ?, lifted_by = ?, lifted_at = ? where id = ? "
                        + "returning " + COLUMNS)
                .params(effective, reason.strip(), AuditTrail.currentActor(), Timestamp.from(clock.instant()), id).query(ROW).single();
        audit.record("LIFT", ENTITY, fixmedinsCode + "/" + id, effective, s, lifted);
        agreements.lifted(agreement, lifted, before, agreements.stateOn(agreement, effective));
        return lifted;
    }
}
