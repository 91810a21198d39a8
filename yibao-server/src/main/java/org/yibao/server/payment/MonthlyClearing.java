package org.yibao.server.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.money.Money;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.ledger.LedgerAccount;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Monthly clearing (月度清算, R-PAY-7): per institution and month, a statement of what the insurer pays it —
 * the month's settlements per clearing region (setl_optins, the insured region: the very totals 3201
 * reconciles, reversals netted out) and the adjustments decided outside settlement that are not yet
 * cleared (family-doctor capitation, the county budget settle-up, DRG adjustments and DRG corrections, DIP
 * adjustments, recoveries and withholdings). Payable = the settlements' fund and personal-account payments +
 * the adjustments. Issued by an administrator once the month is over, each statement once, in one
 * transaction with its ledger postings (per pooling region: the receivable debited, the payments to
 * institutions credited), so the institution's claim on the fund is settled.
 */
@Service
public class MonthlyClearing {

    public static final String ENTITY = "clearing_statement";
    static final String SOURCE_TYPE = "CLEARING";

    /** The month's settlements of one clearing region (setl_optins). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(String setlOptins, String poolingAdmdvs, long settlements, Money medfeeSumamt, Money fundPaySumamt, Money acctPay,
                       Money psnCashPay, Money hospPartAmt) {
        public Money payable() {
            return fundPaySumamt.plus(acctPay);
        }
    }

    /** A payment decided outside settlement, cleared with this statement. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Adjustment(String kind, String sourceId, String admdvs, Money amount, String memo) {}

    /** A statement: issued (with when and by whom) or, before that, what it would be. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Statement(String fixmedinsCode, String name, YearMonth month, List<Line> lines, List<Adjustment> adjustments,
                            Money settlementsPayable, Money adjustmentsTotal, Money payable, boolean issued, Instant issuedAt,
                            String issuedBy, Map<String, Long> postings) {}

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final FundLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    MonthlyClearing(JdbcClient jdbc, Institutions institutions, FundLedger ledger, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every institution with settlements in the month, a statement issued for it, or adjustments waiting to be cleared. */
    public List<Statement> month(YearMonth month) {
        TreeSet<String> codes = new TreeSet<>(jdbc.sql("""
                        select distinct fixmedins_code from settlement where setl_time >= ? and setl_time < ?
                        union select fixmedins_code from clearing_statement where month = ?""")
                .params(start(month), start(month.plusMonths(1)), month.atDay(1)).query(String.class).list());
        codes.addAll(pendingAdjustments(null).keySet());
        return codes.stream().map(code -> statement(code, month)).toList();
    }

    public Statement statement(String fixmedinsCode, YearMonth month) {
        return issued(fixmedinsCode, month).orElseGet(() -> {
            List<Line> lines = lines(fixmedinsCode, month);
            List<Adjustment> adjustments = pendingAdjustments(fixmedinsCode).getOrDefault(fixmedinsCode, List.of());
            return statement(fixmedinsCode, month, lines, adjustments, false, null, null, Map.of());
        });
    }

    /** Issues the month's statements not yet issued (once the month is over); returns the month. */
    @Transactional
    public List<Statement> issue(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new ConflictException("month", "not_over", "the statements of " + month + " are issued once the month is over (from "
                    + month.plusMonths(1).atDay(1) + ")");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('clearing'), 0)").query((rs, n) -> 1).list();
        for (Statement s : month(month)) {
            if (!s.issued() && (!s.lines().isEmpty() || !s.adjustments().isEmpty())) {
                store(s);
            }
        }
        return month(month);
    }

    private void store(Statement s) {
        LocalDate first = s.month().atDay(1);
        Instant now = clock.instant();
        jdbc.sql("insert into clearing_statement (fixmedins_code, month, payable, issued_at, issued_by) values (?, ?, ?, ?, ?)")
                .params(s.fixmedinsCode(), first, s.payable().toBigDecimal(), Timestamp.from(now), AuditTrail.currentActor()).update();
        Map<String, Money> byRegion = new TreeMap<>();
        for (Line l : s.lines()) {
            jdbc.sql("""
                    insert into clearing_statement_line (fixmedins_code, month, setl_optins, settlements, medfee_sumamt, fund_pay_sumamt,
                        acct_pay, psn_cash_pay, hosp_part_amt) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(s.fixmedinsCode(), first, l.setlOptins(), l.settlements(), l.medfeeSumamt().toBigDecimal(),
                            l.fundPaySumamt().toBigDecimal(), l.acctPay().toBigDecimal(), l.psnCashPay().toBigDecimal(),
                            l.hospPartAmt().toBigDecimal())
                    .update();
            byRegion.merge(l.poolingAdmdvs(), l.payable(), Money::plus);
        }
        int seq = 0;
        for (Adjustment a : s.adjustments()) {
            jdbc.sql("""
                    insert into clearing_statement_adjustment (fixmedins_code, month, seq, kind, source_id, admdvs, amount, memo)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(s.fixmedinsCode(), first, ++seq, a.kind(), a.sourceId(), a.admdvs(), a.amount().toBigDecimal(), a.memo())
                    .update();
            byRegion.merge(a.admdvs(), a.amount(), Money::plus);
        }
        for (Map.Entry<String, Money> r : byRegion.entrySet()) {
            if (r.getValue().isZero()) {
                continue;
            }
            long posting = ledger.post(r.getKey(), SOURCE_TYPE, s.fixmedinsCode() + "/" + s.month() + "/" + r.getKey(), null,
                    "月度清算拨付 " + s.month(), List.of(new FundLedger.Entry(LedgerAccount.INSTITUTION_RECEIVABLE, s.fixmedinsCode(), r.getValue()),
                            new FundLedger.Entry(LedgerAccount.INSTITUTION_PAYMENTS, s.fixmedinsCode(), r.getValue().negate())), now);
            jdbc.sql("insert into clearing_statement_posting (fixmedins_code, month, admdvs, ledger_posting_id) values (?, ?, ?, ?)")
                    .params(s.fixmedinsCode(), first, r.getKey(), posting).update();
        }
        audit.record("ISSUE", ENTITY, s.fixmedinsCode() + "/" + s.month(), s.month().atEndOfMonth(), null,
                issued(s.fixmedinsCode(), s.month()).orElseThrow());
    }

    private Statement statement(String code, YearMonth month, List<Line> lines, List<Adjustment> adjustments, boolean issued,
                                Instant issuedAt, String issuedBy, Map<String, Long> postings) {
        Money settlements = lines.stream().map(Line::payable).reduce(Money.ZERO, Money::plus);
        Money adjusted = adjustments.stream().map(Adjustment::amount).reduce(Money.ZERO, Money::plus);
        String name = institutions.find(code, month.atEndOfMonth()).map(Institution::name).orElse(code);
        return new Statement(code, name, month, lines, adjustments, settlements, adjusted, settlements.plus(adjusted), issued, issuedAt,
                issuedBy, postings);
    }

    private Optional<Statement> issued(String code, YearMonth month) {
        LocalDate first = month.atDay(1);
        return jdbc.sql("select issued_at, issued_by from clearing_statement where fixmedins_code = ? and month = ?").params(code, first)
                .query((rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2)}).optional()
                .map(row -> {
                    List<Line> lines = jdbc.sql("""
                                    select l.setl_optins, coalesce(ig.pooling_admdvs, g.pooling_admdvs, l.setl_optins), l.settlements,
                                           l.medfee_sumamt, l.fund_pay_sumamt, l.acct_pay, l.psn_cash_pay, l.hosp_part_amt
                                    from clearing_statement_line l left join region g on g.admdvs = l.setl_optins and g.valid_to is null
                                    left join institution i on i.fixmedins_code = l.fixmedins_code and i.valid_to is null
                                    left join region ig on ig.admdvs = i.admdvs and ig.valid_to is null
                                    where l.fixmedins_code = ? and l.month = ? order by 1""")
                            .params(code, first).query((rs, n) -> line(rs)).list();
                    List<Adjustment> adjustments = jdbc.sql("""
                                    select kind, source_id, admdvs, amount, memo from clearing_statement_adjustment
                                    where fixmedins_code = ? and month = ? order by seq""")
                            .params(code, first)
                            .query((rs, n) -> new Adjustment(rs.getString(1), rs.getString(2), rs.getString(3), Money.of(rs.getBigDecimal(4)),
                                    rs.getString(5))).list();
                    Map<String, Long> postings = new TreeMap<>();
                    jdbc.sql("select admdvs, ledger_posting_id from clearing_statement_posting where fixmedins_code = ? and month = ?")
                            .params(code, first).query((rs, n) -> postings.put(rs.getString(1), rs.getLong(2))).list();
                    return statement(code, month, lines, adjustments, true, (Instant) row[0], (String) row[1], postings);
                });
    }

    /**
     * The month's settlements of the institution per clearing region, as 3201 totals them (reversals net out).
     * The region paying the institution is the one whose ledger holds its receivable: the treatment
     * region (R-XR-4: cross-region care is paid like local care there), which for local care is the insured pooling region.
     */
    private List<Line> lines(String code, YearMonth month) {
        return jdbc.sql("""
                        select s.insured_admdvs, s.treatment_admdvs,
                               count(*) filter (where s.reverses_setl_id is null) - count(*) filter (where s.reverses_setl_id is not null),
                               sum(s.medfee_sumamt), sum(s.fund_pay_sumamt), sum(s.acct_pay), sum(s.psn_cash_pay), sum(s.hosp_part_amt)
                        from settlement s left join region g on g.admdvs = s.insured_admdvs and g.valid_to is null
                        where s.fixmedins_code = ? and s.setl_time >= ? and s.setl_time < ?
                        group by 1, 2 order by 1""")
                .params(code, start(month), start(month.plusMonths(1))).query((rs, n) -> line(rs)).list();
    }

    private static Line line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Line(rs.getString(1).trim(), rs.getString(2).trim(), rs.getLong(3), Money.of(rs.getBigDecimal(4)),
                Money.of(rs.getBigDecimal(5)), Money.of(rs.getBigDecimal(6)), Money.of(rs.getBigDecimal(7)), Money.of(rs.getBigDecimal(8)));
    }

    /** Adjustments decided and posted but not yet on a statement, by institution (one institution when given). */
    private Map<String, List<Adjustment>> pendingAdjustments(String code) {
        Map<String, List<Adjustment>> out = new TreeMap<>();
        jdbc.sql("""
                        select c.fixmedins_code, 'CAPITATION', c.fixmedins_code || '/' || to_char(c.month, 'YYYY-MM'), p.admdvs, c.net,
                               '家庭医生签约服务费 ' || to_char(c.month, 'YYYY-MM')
                        from capitation_payment c join ledger_posting p on p.id = c.ledger_posting_id
                        where (cast(:code as varchar) is null or c.fixmedins_code = :code)
                          and not exists (select 1 from clearing_statement_adjustment x where x.kind = 'CAPITATION'
                                            and x.source_id = c.fixmedins_code || '/' || to_char(c.month, 'YYYY-MM'))
                        union all
                        select a.lead_fixmedins_code, 'COUNTY_BUDGET', u.alliance_code || '/' || u.year, p.admdvs, u.adjustment,
                               case when u.adjustment > 0 then '医共体结余留用 ' else '医共体超支分担 ' end || u.year
                        from county_budget_settle_up u join alliance a on a.code = u.alliance_code
                        join ledger_posting p on p.id = u.ledger_posting_id
                        where (cast(:code as varchar) is null or a.lead_fixmedins_code = :code)
                          and not exists (select 1 from clearing_statement_adjustment x where x.kind = 'COUNTY_BUDGET'
                                            and x.source_id = u.alliance_code || '/' || u.year)
                        union all
                        select d.fixmedins_code, 'DIP', d.fixmedins_code || '/' || d.year, p.admdvs, d.adjustment, 'DIP 年度清算 ' || d.year
                        from dip_institution_result d join ledger_posting p on p.id = d.ledger_posting_id
                        where (cast(:code as varchar) is null or d.fixmedins_code = :code)
                          and not exists (select 1 from clearing_statement_adjustment x where x.kind = 'DIP'
                                            and x.source_id = d.fixmedins_code || '/' || d.year)
                        union all
                        select r.fixmedins_code, case r.kind when 'RECOVERY' then 'RECOVERY' else 'WITHHOLDING' end, 'SUP' || r.case_id || '/' || r.kind,
                               p.admdvs, -r.amount, case r.kind when 'RECOVERY' then '基金监管追回 案件 ' else '基金监管罚款代扣 案件 ' end || r.case_id
                        from supervision_case_posting r join ledger_posting p on p.id = r.ledger_posting_id
                        where r.fixmedins_code is not null and (cast(:code as varchar) is null or r.fixmedins_code = :code)
                          and not exists (select 1 from clearing_statement_adjustment x where x.kind in ('RECOVERY', 'WITHHOLDING')
                                            and x.source_id = 'SUP' || r.case_id || '/' || r.kind)
                        union all
                        select d.fixmedins_code, 'DRG', d.fixmedins_code || '/' || to_char(d.month, 'YYYY-MM'), p.admdvs, d.adjustment,
                               'DRG 付费调整 ' || to_char(d.month, 'YYYY-MM')
                        from drg_payment_institution d join ledger_posting p on p.id = d.ledger_posting_id
                        where (cast(:code as varchar) is null or d.fixmedins_code = :code)
                          and not exists (select 1 from clearing_statement_adjustment x where x.kind = 'DRG'
                                            and x.source_id = d.fixmedins_code || '/' || to_char(d.month, 'YYYY-MM'))
                        union all
                        select d.fixmedins_code, 'DRG_CORRECTION', d.fixmedins_code || '/' || to_char(d.month, 'YYYY-MM') || '/' || d.round,
                               p.admdvs, d.difference, 'DRG 付费更正 ' || to_char(d.month, 'YYYY-MM') || ' 第 ' || d.round || ' 轮'
                        from drg_correction_institution d join ledger_posting p on p.id = d.ledger_posting_id
                        where (cast(:code as varchar) is null or d.fixmedins_code = :code)
                          and not exists (select 1 from clearing_statement_adjustment x where x.kind = 'DRG_CORRECTION'
                                            and x.source_id = d.fixmedins_code || '/' || to_char(d.month, 'YYYY-MM') || '/' || d.round)
                        order by 1, 2, 3""")
                .param("code", code)
                .query((rs, n) -> new Object[] {rs.getString(1), new Adjustment(rs.getString(2), rs.getString(3), rs.getString(4).trim(),
                        Money.of(rs.getBigDecimal(5)), rs.getString(6))}).list()
                .forEach(r -> out.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Adjustment) r[1]));
        return out;
    }

    private static java.time.LocalDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay();
    }

    /** The institution exists (for a statement page of an institution without activity). */
    public void requireInstitution(String code) {
        if (institutions.find(code).isEmpty()) {
            throw new NotFoundException("institution", code);
        }
    }
}
