package org.yibao.server.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.engine.money.Money;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The warnings (线索) the run after settlement found (R-SUP-2, R-SUP-6): the board's list with its
 * filters, the totals by rule, institution and month for its charts, and one warning with the
 * settlements and lines it is about. An institution reads only its own ({@link #ofInstitution}).
 */
@Service
public class Warnings {

    /** A warning; {@code evidence} is filled when one warning is read. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Warning(long id, String ruleId, String ruleName, String severity, String admdvs, String fixmedinsCode,
                          String institutionName, String psnNo, String mdtrtId, String setlId, YearMonth month, String content, Money amount,
                          String state, long runId, Instant foundAt, Long caseId, String dismissedBy, Instant dismissedAt, String dismissReason,
                          String withdrawnReason, List<Evidence> evidence) {}

    /** One piece of evidence: the visit, settlement and line, the amount in question and why. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Evidence(int seq, String mdtrtId, String setlId, String feedetlSn, String itemCode, Money amount, String reason) {}

    /** The board's filters; each null = any. */
    public record Filter(String admdvs, String ruleId, String fixmedinsCode, YearMonth month, String state) {}

    /** A total of the board: a key (rule, institution or month), its label, count and amount. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Total(String key, String label, long count, Money amount) {}

    /** The board's three totals. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(List<Total> byRule, List<Total> byInstitution, List<Total> byMonth) {}

    static final String COLUMNS = """
            w.id, w.rule_id, w.rule_name, w.severity, w.admdvs, w.fixmedins_code,
            (select i.name from institution i where i.fixmedins_code = w.fixmedins_code and i.valid_to is null),
            w.psn_no, w.mdtrt_id, w.setl_id, w.month, w.content, w.amount, w.state, w.run_id, w.found_at,
            (select c.case_id from supervision_case_warning c where c.warning_id = w.id), w.dismissed_by, w.dismissed_at, w.dismiss_reason,
            w.withdrawn_reason""";
    private static final RowMapper<Warning> ROW = (rs, n) -> new Warning(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            YearMonth.from(rs.getObject(11, LocalDate.class)), rs.getString(12), Money.of(rs.getBigDecimal(13)), rs.getString(14),
            rs.getLong(15), rs.getTimestamp(16).toInstant(), rs.getObject(17, Long.class), rs.getString(18),
            rs.getTimestamp(19) == null ? null : rs.getTimestamp(19).toInstant(), rs.getString(20), rs.getString(21), List.of());

    public static final String ENTITY = "supervision_warning";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Warnings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An auditor judges an OPEN warning no violation (排除): DISMISSED with who, when and why, in the
     * warning and the audit trail. A warning in a case, dismissed or withdrawn is refused (409).
     */
    @Transactional
    public Warning dismiss(long id, String reason) {
        Checks c = new Checks();
        c.text("reason", reason, 1000);
        c.throwIfAny();
        String state = jdbc.sql("select state from supervision_warning where id = ? for update").param(id).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
        if (!"OPEN".equals(state)) {
            throw new ConflictException("state", "invalid_transition", "warning " + id + " is " + state + "; only an OPEN warning can be dismissed");
        }
        Warning before = find(id).orElseThrow();
        jdbc.sql("update supervision_warning set state = 'DISMISSED', dismissed_by = ?, dismissed_at = ?, dismiss_reason = ? where id = ?")
                .params(AuditTrail.currentActor(), Timestamp.from(clock.instant()), reason.strip(), id).update();
        Warning after = find(id).orElseThrow();
        audit.record("DISMISS", ENTITY, String.valueOf(id), LocalDate.now(clock), before, after);
        return after;
    }

    /** The warnings matching the filter, newest month first, at most {@code limit}. */
    public List<Warning> list(Filter f, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        params.add(limit);
        return jdbc.sql("select " + COLUMNS + " from supervision_warning w where " + where + " order by w.month desc, w.id desc limit ?")
                .params(params).query(ROW).list();
    }

    /** Totals of the warnings matching the filter by rule, institution and month. */
    public Summary summary(Filter f) {
        return new Summary(totals(f, "w.rule_id", "max(w.rule_name)"), totals(f, "w.fixmedins_code",
                "max((select i.name from institution i where i.fixmedins_code = w.fixmedins_code and i.valid_to is null))"),
                totals(f, "to_char(w.month, 'YYYY-MM')", "to_char(w.month, 'YYYY-MM')"));
    }

    private List<Total> totals(Filter f, String key, String label) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        return jdbc.sql("select " + key + ", " + label + ", count(*), sum(w.amount) from supervision_warning w where " + where
                        + " group by 1 order by 1")
                .params(params)
                .query((rs, n) -> new Total(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2), rs.getLong(3),
                        Money.of(rs.getBigDecimal(4)))).list();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder w = new StringBuilder("true");
        add(w, params, "w.admdvs = ?", f.admdvs());
        add(w, params, "w.rule_id = ?", f.ruleId());
        add(w, params, "w.fixmedins_code = ?", f.fixmedinsCode());
        add(w, params, "w.month = ?", f.month() == null ? null : f.month().atDay(1));
        add(w, params, "w.state = ?", f.state());
        return w.toString();
    }

    private static void add(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null && !"".equals(value)) {
            where.append(" and ").append(condition);
            params.add(value);
        }
    }

    /** One warning with its evidence. */
    public Optional<Warning> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from supervision_warning w where w.id = ?").param(id).query(ROW).optional()
                .map(w -> new Warning(w.id(), w.ruleId(), w.ruleName(), w.severity(), w.admdvs(), w.fixmedinsCode(), w.institutionName(),
                        w.psnNo(), w.mdtrtId(), w.setlId(), w.month(), w.content(), w.amount(), w.state(), w.runId(), w.foundAt(),
                        w.caseId(), w.dismissedBy(), w.dismissedAt(), w.dismissReason(), w.withdrawnReason(), evidence(id)));
    }

    /** R-INST-5: the institution's own warnings, newest first. */
    public List<Warning> ofInstitution(String fixmedinsCode, int limit) {
        return list(new Filter(null, null, fixmedinsCode, null, null), limit);
    }

    private List<Evidence> evidence(long id) {
        return jdbc.sql("""
                        select seq, mdtrt_id, setl_id, feedetl_sn, item_code, amount, reason from supervision_warning_evidence
                        where warning_id = ? order by seq""")
                .param(id)
                .query((rs, n) -> new Evidence(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Money.of(rs.getBigDecimal(6)), rs.getString(7))).list();
    }

    /** The rule ids that have warnings (for the board's filter). */
    public List<String> ruleIds() {
        return jdbc.sql("select distinct rule_id from supervision_warning order by 1").query(String.class).list();
    }
}
