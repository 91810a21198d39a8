package org.yibao.server.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.money.Money;
import org.yibao.server.institution.Sanction;
import org.yibao.server.institution.Sanctions;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.Persons;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.ledger.LedgerAccount;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Supervision cases (案件, R-SUP-3…6), worked by auditors (checked at the edge): opened from warnings
 * (or a report) about an institution or an insured person → on-site inspection (findings, confirmed
 * amount) → decision with a penalty inside the ranges of {@link PenaltyPolicy}. The decision's effects
 * commit with it in one transaction: the institution's sanction through {@link Sanctions}, or the
 * person's benefits suspended or blacklisted through {@link Persons}; the confirmed amount returned to
 * the fund and the fine owed to the treasury, each a balanced ledger posting (an institution's are
 * withheld by its next clearing statement). Every step records who, when and why, in the case and in
 * the audit trail.
 */
@Service
public class Cases {

    public static final String ENTITY = "supervision_case";
    static final String SOURCE_TYPE = "SUPERVISION_CASE";

    /** A case with its warnings and postings. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Case(long id, String subject, String fixmedinsCode, String psnNo, String admdvs, String insutype, String state, String title,
                       String openedReason, String openedBy, Instant openedAt, LocalDate inspectedOn, String findings, Money confirmedAmount,
                       String inspectedBy, Instant inspectedAt, String violation, BigDecimal fineMultiple, Money fineAmount, Money recoveryAmount,
                       String measure, LocalDate measureFrom, LocalDate measureTo, Long sanctionId, String decisionReason, String decidedBy,
                       Instant decidedAt, List<Long> warningIds, List<Posting> postings) {}

    /** A ledger posting of the decision. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Posting(String kind, Money amount, long ledgerPostingId) {}

    /** Opening: warnings (any number, one subject) or, for a report without warnings, the subject itself. */
    public record Opening(List<Long> warningIds, String fixmedinsCode, String psnNo, String title, String reason) {}

    public record Inspection(LocalDate inspectedOn, String findings, BigDecimal confirmedAmount) {}

    /** The decision: the violation (a code of the policy), the fine multiple, the measure and its months, why. */
    public record Decision(String violation, BigDecimal fineMultiple, String measure, Integer months, String reason) {}

    private static final String COLUMNS = "id, subject, fixmedins_code, psn_no, admdvs, insutype, state, title, opened_reason, opened_by, "
            + "opened_at, inspected_on, findings, confirmed_amount, inspected_by, inspected_at, violation, fine_multiple, fine_amount, "
            + "recovery_amount, measure, measure_from, measure_to, sanction_id, decision_reason, decided_by, decided_at";

    private final JdbcClient jdbc;
    private final PenaltyPolicy policy;
    private final Sanctions sanctions;
    private final Persons persons;
    private final FundLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final RowMapper<Case> row;

    Cases(JdbcClient jdbc, PenaltyPolicy policy, Sanctions sanctions, Persons persons, FundLedger ledger, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.sanctions = sanctions;
        this.persons = persons;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.row = (rs, n) -> new Case(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
                rs.getObject(12, LocalDate.class), rs.getString(13), money(rs.getBigDecimal(14)), rs.getString(15), instant(rs.getTimestamp(16)),
                rs.getString(17), rs.getBigDecimal(18), money(rs.getBigDecimal(19)), money(rs.getBigDecimal(20)), rs.getString(21),
                rs.getObject(22, LocalDate.class), rs.getObject(23, LocalDate.class), rs.getObject(24, Long.class), rs.getString(25),
                rs.getString(26), instant(rs.getTimestamp(27)), warningIds(rs.getLong(1)), postings(rs.getLong(1)));
    }

    public PenaltyPolicy policy() {
        return policy;
    }

    public List<Case> list(String fixmedinsCode, String state) {
        return jdbc.sql("select " + COLUMNS + " from supervision_case where (cast(? as varchar) is null or fixmedins_code = ?) "
                        + "and (cast(? as varchar) is null or state = ?) order by id desc")
                .params(fixmedinsCode, fixmedinsCode, state, state).query(row).list();
    }

    public Optional<Case> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from supervision_case where id = ?").param(id).query(row).optional();
    }

    public Case get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    @Transactional
    public Case open(Opening o) {
        Checks c = new Checks();
        c.text("reason", o.reason(), 1000);
        c.optionalText("title", o.title(), 200);
        List<Long> ids = o.warningIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(o.warningIds()));
        String code = blankToNull(o.fixmedinsCode());
        String psn = blankToNull(o.psnNo());
        String admdvs = null;
        String insutype = null;
        String title = blankToNull(o.title());
        for (Long id : ids) {
            var w = jdbc.sql("select " + Warnings.COLUMNS + " from supervision_warning w where w.id = ? for update").param(id)
                    .query((rs, n) -> new Object[] {rs.getString("fixmedins_code"), rs.getString("psn_no"), rs.getString(14), rs.getString("setl_id"),
                            rs.getString("admdvs"), rs.getString("rule_name")})
                    .optional();
            if (w.isEmpty()) {
                c.add("warning_ids", "exists", "no warning " + id);
                continue;
            }
            Object[] v = w.get();
            if (!"OPEN".equals(v[2])) {
                c.add("warning_ids", "open", "warning " + id + " is " + v[2] + ", not OPEN: it is already in a case or closed");
            }
            if (psn == null) {
                if (code == null) {
                    code = (String) v[0];
                } else if (!code.equals(v[0])) {
                    c.add("warning_ids", "one_institution", "warning " + id + " is about " + v[0] + ", not " + code
                            + ": a case is about one institution; open one case per institution");
                }
            } else if (!psn.equals(v[1])) {
                c.add("warning_ids", "one_person", "warning " + id + " is not about person " + psn);
            }
            if (admdvs == null && v[3] != null) {
                var s = jdbc.sql("""
                                select s.insutype, p.admdvs from settlement s
                                join ledger_posting p on p.source_type = 'SETTLEMENT' and p.source_id = s.setl_id where s.setl_id = ?""")
                        .param(v[3]).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2).trim()}).optional();
                if (s.isPresent()) {
                    insutype = s.get()[0];
                    admdvs = s.get()[1];
                }
            }
            if (admdvs == null) {
                admdvs = ((String) v[4]).trim();
            }
            if (title == null) {
                title = (String) v[5];
            }
        }
        if (psn != null) {
            Optional<Person> p = persons.find(psn);
            if (p.isEmpty()) {
                c.add("psn_no", "exists", "no insured person " + psn);
            } else {
                admdvs = p.get().insuredAdmdvs();
                insutype = p.get().insuranceType();
                code = null;
            }
        } else if (code == null) {
            c.add("warning_ids", "required", "give the warnings the case is about, or for a report the fixmedins_code or psn_no");
        } else if (jdbc.sql("select count(*) from institution where fixmedins_code = ?").param(code).query(Long.class).single() == 0) {
            c.add("fixmedins_code", "exists", "no institution " + code);
        } else if (admdvs == null) {
            admdvs = jdbc.sql("""
                            select g.pooling_admdvs from institution i join region g on g.admdvs = i.admdvs and g.valid_to is null
                            where i.fixmedins_code = ? and i.valid_to is null""").param(code).query(String.class).optional().orElse(null);
        }
        c.throwIfAny();
        String actor = AuditTrail.currentActor();
        long id = jdbc.sql("""
                        insert into supervision_case (subject, fixmedins_code, psn_no, admdvs, insutype, state, title, opened_reason, opened_by, opened_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) returning id""")
                .params(psn != null ? "PERSON" : "INSTITUTION", code, psn, admdvs, insutype == null ? "310" : insutype,
                        title == null ? (psn != null ? "参保人 " + psn : "机构 " + code) : title, o.reason().strip(), actor,
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        for (Long w : ids) {
            jdbc.sql("insert into supervision_case_warning (case_id, warning_id) values (?, ?)").params(id, w).update();
            jdbc.sql("update supervision_warning set state = 'IN_CASE' where id = ?").param(w).update();
        }
        Case opened = get(id);
        audit.record("OPEN", ENTITY, String.valueOf(id), LocalDate.now(clock), null, opened);
        return opened;
    }

    @Transactional
    public Case inspect(long id, Inspection in) {
        Case before = lock(id);
        LocalDate today = LocalDate.now(clock);
        Checks c = new Checks();
        LocalDate day = in.inspectedOn() == null ? today : in.inspectedOn();
        LocalDate opened = LocalDate.ofInstant(before.openedAt(), clock.getZone());
        if (day.isAfter(today)) {
            c.add("inspected_on", "not_future", "an inspection date cannot be later than today (" + today + ")");
        } else if (day.isBefore(opened)) {
            c.add("inspected_on", "after_opening", "the inspection (" + day + ") cannot be before the case was opened (" + opened + ")");
        }
        c.text("findings", in.findings(), 2000);
        if (c.required("confirmed_amount", in.confirmedAmount())) {
            if (in.confirmedAmount().signum() < 0) {
                c.add("confirmed_amount", "not_negative", "the confirmed amount is 0 or more (yuan)");
            }
            c.decimals("confirmed_amount", in.confirmedAmount(), 2);
        }
        c.throwIfAny();
        requireState(before, "OPEN", "inspected");
        jdbc.sql("""
                        update supervision_case set state = 'INSPECTED', inspected_on = ?, findings = ?, confirmed_amount = ?, inspected_by = ?,
                            inspected_at = ? where id = ?""")
                .params(day, in.findings().strip(), in.confirmedAmount(), AuditTrail.currentActor(), Timestamp.from(clock.instant()), id).update();
        Case after = get(id);
        audit.record("INSPECT", ENTITY, String.valueOf(id), day, before, after);
        return after;
    }

    @Transactional
    public Case decide(long id, Decision d) {
        Case before = lock(id);
        LocalDate today = LocalDate.now(clock);
        Checks c = new Checks();
        c.text("reason", d.reason(), 1000);
        PenaltyPolicy.Violation v = null;
        if (c.required("violation", d.violation())) {
            v = policy.find(d.violation()).orElse(null);
            if (v == null) {
                c.add("violation", "enum", "one of " + policy.violations().stream().map(x -> x.code() + " (" + x.nameZh() + ")").toList());
            } else if (!v.subject().equals(before.subject())) {
                c.add("violation", "subject", v.code() + " is a violation of " + (v.subject().equals("PERSON") ? "an insured person" : "an institution")
                        + "; this case is about " + (before.subject().equals("PERSON") ? "an insured person" : "an institution"));
                v = null;
            }
        }
        String measure = d.measure() == null || d.measure().isBlank() ? "NONE" : d.measure().strip().toUpperCase();
        if (v != null) {
            String rule = (v.subject().equals("PERSON") ? "R-SUP-5" : "R-SUP-4") + " " + v.nameZh();
            if (v.fined()) {
                if (c.required("fine_multiple", d.fineMultiple())
                        && (d.fineMultiple().compareTo(v.fineMin()) < 0 || d.fineMultiple().compareTo(v.fineMax()) > 0)) {
                    c.add("fine_multiple", "range", "a fine of " + d.fineMultiple().stripTrailingZeros().toPlainString() + "× is outside the range "
                            + v.fineRange() + " of the confirmed amount for " + rule + "; choose a multiple inside it");
                }
                c.decimals("fine_multiple", d.fineMultiple(), 2);
            } else if (d.fineMultiple() != null && d.fineMultiple().signum() != 0) {
                c.add("fine_multiple", "absent", rule + " has no fine in the policy; leave fine_multiple out");
            }
            if (!v.measures().contains(measure)) {
                c.add("measure", "enum", "for " + rule + " the measure is one of " + v.measures() + (v.measureRequired() ? " (required)" : ""));
            } else if (PenaltyPolicy.TIMED_MEASURES.contains(measure)) {
                if (c.required("months", d.months()) && (d.months() < v.monthsMin() || d.months() > v.monthsMax())) {
                    c.add("months", "range", measure + " for " + d.months() + " months is outside the range " + v.monthsMin() + "–" + v.monthsMax()
                            + " months for " + rule);
                }
            } else if (d.months() != null) {
                c.add("months", "absent", measure + " has no length; leave months out");
            }
        }
        c.throwIfAny();
        requireState(before, "INSPECTED", "decided");
        Money confirmed = before.confirmedAmount();
        Money recovery = v.refund() ? confirmed : Money.ZERO;
        Money fine = v.fined() ? Money.of(confirmed.toBigDecimal().multiply(d.fineMultiple()).setScale(Money.SCALE, RoundingMode.HALF_UP))
                : Money.ZERO;
        LocalDate to = PenaltyPolicy.TIMED_MEASURES.contains(measure) ? today.plusMonths(d.months()).minusDays(1) : null;
        // The sanction's reason and evidence name the case (within the sanction's limits of 500 and 1,000 characters).
        String why = cut("案件 " + id + "（" + v.nameZh() + "）：" + d.reason().strip(), 500);
        String evidence = cut("案件 " + id + " 现场检查（" + before.inspectedOn() + "）：" + before.findings(), 1000);
        Long sanctionId = null;
        switch (measure) {
            case "SUSPENSION" -> sanctionId = sanctions.decide(before.fixmedinsCode(), new Sanctions.Decision(Sanction.SUSPENSION, today, today,
                    to, why, evidence)).id();
            case "RECTIFICATION" -> sanctionId = sanctions.decide(before.fixmedinsCode(), new Sanctions.Decision(Sanction.RECTIFICATION, today,
                    null, to, why, evidence)).id();
            case "TERMINATION" -> sanctionId = sanctions.decide(before.fixmedinsCode(), new Sanctions.Decision(Sanction.TERMINATION, today,
                    null, null, why, evidence)).id();
            case "BENEFIT_SUSPENSION" -> personStatus(before.psnNo(), "SUSPENDED", to, today);
            case "BLACKLIST" -> personStatus(before.psnNo(), "BLACKLISTED", to, today);
            default -> { }
        }
        jdbc.sql("""
                        update supervision_case set state = 'DECIDED', violation = ?, fine_multiple = ?, fine_amount = ?, recovery_amount = ?, measure = ?,
                            measure_from = ?, measure_to = ?, sanction_id = ?, decision_reason = ?, decided_by = ?, decided_at = ? where id = ?""")
                .params(v.code(), v.fined() ? d.fineMultiple() : null, fine.toBigDecimal(), recovery.toBigDecimal(), measure,
                        to == null ? null : today, to, sanctionId, d.reason().strip(), AuditTrail.currentActor(), Timestamp.from(clock.instant()), id)
                .update();
        post(before, "RECOVERY", recovery, "基金监管追回 案件 " + id);
        post(before, "FINE", fine, "基金监管罚款（应缴财政） 案件 " + id);
        Case after = get(id);
        audit.record("DECIDE", ENTITY, String.valueOf(id), today, before, after);
        return after;
    }

    /**
     * One balanced posting of the decision: the debtor (the institution's receivable, withheld by its next
     * clearing statement, or the person's receivable) debited; the basic pool (a recovery returns to the
     * fund) or the treasury payable (a fine is not fund income) credited.
     */
    private void post(Case k, String kind, Money amount, String memo) {
        if (!amount.isPositive()) {
            return;
        }
        boolean institution = k.fixmedinsCode() != null;
        String debtor = institution ? k.fixmedinsCode() : k.psnNo();
        FundLedger.Entry debit = new FundLedger.Entry(institution ? LedgerAccount.INSTITUTION_RECEIVABLE : LedgerAccount.INSURED_RECEIVABLE,
                debtor, amount);
        FundLedger.Entry credit = "RECOVERY".equals(kind) ? new FundLedger.Entry(LedgerAccount.BASIC_POOL, k.insutype(), amount.negate())
                : new FundLedger.Entry(LedgerAccount.TREASURY_PAYABLE, debtor, amount.negate());
        long posting = ledger.post(k.admdvs(), SOURCE_TYPE, k.id() + "/" + kind, null, memo, List.of(debit, credit), clock.instant());
        jdbc.sql("""
                insert into supervision_case_posting (case_id, kind, fixmedins_code, psn_no, amount, ledger_posting_id)
                values (?, ?, ?, ?, ?, ?)""")
                .params(k.id(), kind, k.fixmedinsCode(), k.psnNo(), amount.toBigDecimal(), posting).update();
    }

    /** The person's benefits paused from today to {@code until} (R-INS-8: settlement refused with the end date). */
    private void personStatus(String psnNo, String status, LocalDate until, LocalDate today) {
        Person p = persons.find(psnNo).orElseThrow(() -> new NotFoundException("person", psnNo));
        persons.change(psnNo, new Person(p.personNo(), p.certificateNo(), p.certificateType(), p.name(), p.sex(), p.birthDate(), p.ethnicity(),
                p.insuranceType(), p.personType(), p.insuredAdmdvs(), p.residenceAdmdvs(), p.employerName(), p.civilServant(), p.insuredSince(),
                status, until, today, null), today);
    }

    private Case lock(long id) {
        jdbc.sql("select id from supervision_case where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
        return get(id);
    }

    private static void requireState(Case k, String expected, String step) {
        if (!expected.equals(k.state())) {
            throw new ConflictException("state", "invalid_transition", "case " + k.id() + " is " + k.state() + "; only a case "
                    + expected + " can be " + step);
        }
    }

    private List<Long> warningIds(long caseId) {
        return jdbc.sql("select warning_id from supervision_case_warning where case_id = ? order by warning_id").param(caseId)
                .query(Long.class).list();
    }

    private List<Posting> postings(long caseId) {
        return jdbc.sql("select kind, amount, ledger_posting_id from supervision_case_posting where case_id = ? order by kind desc")
                .param(caseId).query((rs, n) -> new Posting(rs.getString(1), Money.of(rs.getBigDecimal(2)), rs.getLong(3))).list();
    }

    private static Money money(BigDecimal b) {
        return b == null ? null : Money.of(b);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
