package org.yibao.server.console.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.payment.DrgPayments;
import org.yibao.server.familydoctor.FamilyDoctors;

/**
 * Figures of the analytics page (R-KPI) for one pooling region and year, each one aggregate statement
 * over the settled data (reversals are settlement rows of their own with negative amounts, so sums net
 * them out). Spending is the insured region's: settlements of persons insured in the pooling region or a
 * county inside it, wherever they were treated.
 */
@Component
public class AnalyticsQueries {

    /** A month's fund payments by fund: basic pool, serious illness, large amount, assistance, civil servant, other. */
    public record FundMonth(int month, BigDecimal basicPool, BigDecimal seriousIllness, BigDecimal largeAmount, BigDecimal assistance,
                            BigDecimal civilServant, BigDecimal other) {}

    /** A month's visits settled and fund payments by the treating institution's level (0 = pharmacy or no level). */
    public record LevelMonth(int month, int level, long visits, BigDecimal fund) {}

    /** Per-capita spending of the persons recognised with hypertension in the year. */
    public record Hypertension(long patients, BigDecimal medicalFees, BigDecimal fundPaid) {}

    /** A month's referrals recorded (2501 or staff), by direction. */
    public record ReferralMonth(int month, long up, long down) {}

    /** Complaints open now, by whether their due date has passed. */
    public record Complaints(long open, long overdue, long escalated) {}

    /** A hospital's DRG year (R-PAY-2): the CMI (mean RW of its weighted cases), cases paid, and the surplus (negative: overspend). */
    /**
     * A supervision rule's year in a region: warnings raised (withdrawn ones left out), the amount they involve, and what
     * the decided cases opened from them recovered for the fund (a case counts under the rule of its largest warning).
     */
    public record RuleWarnings(String ruleId, String ruleName, long warnings, BigDecimal amount, BigDecimal recovered) {}

    public record DrgHospital(String fixmedinsCode, String name, BigDecimal cmi, long cases, BigDecimal surplus) {}

    private static final String INSURED_HERE = """
            join region g on g.admdvs = s.insured_admdvs and g.valid_to is null and g.pooling_admdvs = :region
            """;

    private final JdbcClient jdbc;
    private final DrgPayments drgPayments;

    AnalyticsQueries(JdbcClient jdbc, DrgPayments drgPayments) {
        this.jdbc = jdbc;
        this.drgPayments = drgPayments;
    }

    /** Pooling regions (统筹区) by code, with their names. */
    public List<String[]> poolingRegions() {
        return jdbc.sql("select admdvs, name from region where valid_to is null and pooling_admdvs = admdvs order by admdvs")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    public List<FundMonth> fundsByMonth(String region, int year) {
        return jdbc.sql("select extract(month from s.setl_time)::int, sum(s.hifp_pay), sum(s.hifmi_pay), sum(s.hifob_pay), sum(s.maf_pay), "
                        + "sum(s.cvlserv_pay), sum(s.hifes_pay + s.oth_pay) from settlement s " + INSURED_HERE
                        + "where s.year = :year group by 1 order by 1")
                .param("region", region).param("year", year)
                .query((rs, n) -> new FundMonth(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
    }

    /** Visits (not reversed, counted once however many settlements they had) and fund payments by month and level. */
    public List<LevelMonth> byLevel(String region, int year) {
        return jdbc.sql("select extract(month from s.setl_time)::int, coalesce(i.level, 0), "
                        + "count(distinct s.mdtrt_id) filter (where s.reverses_setl_id is null and s.reversed_by is null), "
                        + "sum(s.fund_pay_sumamt) from settlement s " + INSURED_HERE
                        + "left join institution i on i.fixmedins_code = s.fixmedins_code and i.valid_to is null "
                        + "where s.year = :year group by 1, 2 order by 1, 2")
                .param("region", region).param("year", year)
                .query((rs, n) -> new LevelMonth(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }

    public Hypertension hypertension(String region, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return jdbc.sql("""
                        with patients as (
                            select distinct r.psn_no from chronic_recognition r
                            join person p on p.psn_no = r.psn_no and p.valid_to is null
                            join region g on g.admdvs = p.insured_admdvs and g.valid_to is null and g.pooling_admdvs = :region
                            where r.dise_key = :hypertension and r.cancelled_at is null and r.begin_date <= :last and r.end_date >= :first)
                        select (select count(*) from patients),
                               coalesce(sum(s.medfee_sumamt), 0), coalesce(sum(s.fund_pay_sumamt), 0)
                        from settlement s join patients x on x.psn_no = s.psn_no where s.year = :year""")
                .param("region", region).param("year", year).param("first", first).param("last", last)
                .param("hypertension", FamilyDoctors.HYPERTENSION)
                .query((rs, n) -> new Hypertension(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).single();
    }

    /** Referrals by the month they begin, of persons insured in the region; up = 1 and 3 (上转), down = 2 (下转). */
    public List<ReferralMonth> referrals(String region, int year) {
        return jdbc.sql("""
                        select extract(month from f.begndate)::int,
                               count(*) filter (where f.refl_type in ('1', '3')), count(*) filter (where f.refl_type = '2')
                        from referral f
                        join person p on p.psn_no = f.psn_no and p.valid_to is null
                        join region g on g.admdvs = p.insured_admdvs and g.valid_to is null and g.pooling_admdvs = :region
                        where f.cancelled_at is null and f.begndate >= :first and f.begndate < :next
                        group by 1 order by 1""")
                .param("region", region).param("first", LocalDate.of(year, 1, 1)).param("next", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new ReferralMonth(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** Complaints not answered yet on {@code today}, everywhere. */
    public Complaints complaints(LocalDate today) {
        return jdbc.sql("""
                        select count(*), count(*) filter (where due_date < :today), count(*) filter (where state = 'ESCALATED')
                        from complaint where state <> 'ANSWERED'""")
                .param("today", today)
                .query((rs, n) -> new Complaints(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /**
     * DRG payment results of the region's hospitals in the year's months that were run, by hospital, as they stand
     * ({@link DrgPayments#corrected}: each case's latest result, a case whose stay is no longer settled not counted).
     */
    public List<DrgHospital> drgByHospital(String region, int year) {
        Map<String, DrgPayments.Figures> figures = drgPayments.corrected(region, YearMonth.of(year, 1), YearMonth.of(year + 1, 1));
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select fixmedins_code, name from institution where fixmedins_code = any(?) and valid_to is null")
                .param(figures.keySet().toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        return figures.entrySet().stream().map(e -> new DrgHospital(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
                e.getValue().cmi(), e.getValue().cases(), e.getValue().surplus().toBigDecimal())).toList();
    }

    /** Warnings and recoveries by rule (R-KPI) for warnings of the region's settlements in the year's months. */
    public List<RuleWarnings> warningsByRule(String region, int year) {
        return jdbc.sql("""
                        with w as (
                            select rule_id, max(rule_name) rule_name, count(*) warnings, sum(amount) amount
                            from supervision_warning
                            where admdvs = :region and month >= :first and month < :next and state <> 'WITHDRAWN'
                            group by rule_id),
                        case_rule as (
                            select distinct on (cw.case_id) cw.case_id, sw.rule_id
                            from supervision_case_warning cw join supervision_warning sw on sw.id = cw.warning_id
                            where sw.admdvs = :region and sw.month >= :first and sw.month < :next
                            order by cw.case_id, sw.amount desc, sw.rule_id),
                        r as (
                            select cr.rule_id, sum(p.amount) recovered
                            from case_rule cr join supervision_case_posting p on p.case_id = cr.case_id and p.kind = 'RECOVERY'
                            group by cr.rule_id)
                        select w.rule_id, w.rule_name, w.warnings, w.amount, coalesce(r.recovered, 0)
                        from w left join r on r.rule_id = w.rule_id order by w.rule_id""")
                .param("region", region).param("first", LocalDate.of(year, 1, 1)).param("next", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new RuleWarnings(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }
}
