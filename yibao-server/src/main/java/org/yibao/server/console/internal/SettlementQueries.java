package org.yibao.server.console.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models of settlements for the console: search, one settlement with everything it wrote, dashboard figures. */
@Component
public class SettlementQueries {

    public record Filter(String person, String institution, LocalDate from, LocalDate to, String region, String kind, String medType) {}

    public record Row(String setlId, LocalDateTime setlTime, String psnNo, String psnName, String fixmedinsCode,
                      String institutionName, String medType, BigDecimal medfee, BigDecimal fund, BigDecimal acct, BigDecimal cash,
                      boolean reversal, boolean reversed) {}

    public record Detail(Row row, String mdtrtId, String insuredAdmdvs, String treatmentAdmdvs, String insutype, String psnType,
                         String clrType, boolean mid, String reversesSetlId, String reversedBy, BigDecimal fulamt,
                         BigDecimal overlmt, BigDecimal preselfpay, BigDecimal inscp, BigDecimal dedc, BigDecimal hifp,
                         BigDecimal ratio, BigDecimal hifob, BigDecimal hifmi, BigDecimal maf, BigDecimal oth, BigDecimal psnPart,
                         BigDecimal hospPart, BigDecimal balc, BigDecimal mulaid, String procInfo, Visit visit, List<Line> lines,
                         List<Fund> funds, List<MutualAid> mutualAid, List<Accumulation> accumulations, List<Posting> postings) {

        public List<String> steps() {
            return procInfo == null ? List.of() : procInfo.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    public record Visit(String kind, String status, LocalDateTime begntime, LocalDateTime endtime, String diseCodg, String diseName) {}

    public record Line(String feedetlSn, String code, String name, BigDecimal cnt, BigDecimal pric, BigDecimal sumamt,
                       BigDecimal fulamt, BigDecimal overlmt, BigDecimal preselfpay, BigDecimal inscp, String chrgitmLv, String memo) {}

    public record Fund(String type, String name, BigDecimal base, BigDecimal limit, BigDecimal amount) {}

    public record MutualAid(String binderPsnNo, String binderName, BigDecimal amount, BigDecimal balanceAfter) {}

    public record Accumulation(String key, BigDecimal amount) {}

    public record Posting(long id, String sourceId, Long reverses, List<Entry> entries) {
        public boolean balanced() {
            return entries.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add).signum() == 0;
        }
    }

    public record Entry(String account, String subAccount, BigDecimal amount) {
        public BigDecimal debit() {
            return amount.signum() > 0 ? amount : null;
        }

        public BigDecimal credit() {
            return amount.signum() < 0 ? amount.negate() : null;
        }
    }

    /** Today's and this month's figures (reversals net out). */
    public record Period(long settlements, BigDecimal medfee, BigDecimal fund) {}

    public record Amount(String label, BigDecimal amount) {}

    private static final String ROW = """
            select s.setl_id, s.setl_time, s.psn_no, p.name, s.fixmedins_code, i.name, s.med_type, s.medfee_sumamt,
                   s.fund_pay_sumamt, s.acct_pay, s.psn_cash_pay, s.reverses_setl_id is not null, s.reversed_by is not null
            from settlement s
            left join person p on p.psn_no = s.psn_no and p.valid_to is null
            left join institution i on i.fixmedins_code = s.fixmedins_code and i.valid_to is null""";

    private final JdbcClient jdbc;

    SettlementQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
                rs.getBoolean(12), rs.getBoolean(13));
    }

    public Slice<Row> search(Filter f, Paging paging) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (f.person() != null) {
            where.append(" and (s.psn_no = ? or p.name = ?)");
            params.add(f.person());
            params.add(f.person());
        }
        if (f.institution() != null) {
            where.append(" and (s.fixmedins_code = ? or i.name like '%' || ? || '%')");
            params.add(f.institution());
            params.add(f.institution());
        }
        if (f.from() != null) {
            where.append(" and s.setl_time >= ?");
            params.add(f.from().atStartOfDay());
        }
        if (f.to() != null) {
            where.append(" and s.setl_time < ?");
            params.add(f.to().plusDays(1).atStartOfDay());
        }
        if (f.region() != null) {
            where.append(" and s.insured_admdvs = ?");
            params.add(f.region());
        }
        if ("settlement".equals(f.kind())) {
            where.append(" and s.reverses_setl_id is null");
        } else if ("reversal".equals(f.kind())) {
            where.append(" and s.reverses_setl_id is not null");
        }
        if (f.medType() != null) {
            where.append(" and s.med_type = ?");
            params.add(f.medType());
        }
        params.add(paging.probeLimit());
        params.add(paging.offset());
        return Slice.of(jdbc.sql(ROW + where + " order by s.setl_time desc, s.setl_id desc limit ? offset ?").params(params)
                .query((rs, n) -> row(rs)).list(), paging);
    }

    public List<Row> recentForPerson(String psnNo) {
        return forPerson(psnNo, 10);
    }

    /** The person's latest settlements and reversals, the latest first. */
    public List<Row> forPerson(String psnNo, int limit) {
        return jdbc.sql(ROW + " where s.psn_no = ? order by s.setl_time desc, s.setl_id desc limit ?").params(psnNo, limit)
                .query((rs, n) -> row(rs)).list();
    }

    public List<Row> recentForInstitution(String code) {
        return jdbc.sql(ROW + " where s.fixmedins_code = ? order by s.setl_time desc limit 10").param(code).query((rs, n) -> row(rs)).list();
    }

    /** One month of an institution's settlements (reversals net out, as in {@link #period}). */
    public record Month(YearMonth month, long settlements, BigDecimal medfee, BigDecimal fund) {}

    /**
     * The institution's settlements by month, the {@code months} months up to and including the one of
     * {@code today}, oldest first; a month without settlements counts zero.
     */
    public List<Month> monthlyForInstitution(String code, LocalDate today, int months) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(months - 1L);
        Map<YearMonth, Month> found = new HashMap<>();
        jdbc.sql("""
                        select date_trunc('month', setl_time)::date,
                               count(*) filter (where reverses_setl_id is null) - count(*) filter (where reverses_setl_id is not null),
                               coalesce(sum(medfee_sumamt), 0), coalesce(sum(fund_pay_sumamt), 0)
                        from settlement where fixmedins_code = ? and setl_time >= ? and setl_time < ? group by 1""")
                .params(code, first.atDay(1).atStartOfDay(), last.plusMonths(1).atDay(1).atStartOfDay())
                .query((rs, n) -> new Month(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)))
                .list().forEach(m -> found.put(m.month(), m));
        List<Month> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(found.getOrDefault(m, new Month(m, 0, BigDecimal.ZERO, BigDecimal.ZERO)));
        }
        return out;
    }

    public Optional<Detail> find(String setlId) {
        return jdbc.sql("""
                        select s.setl_id, s.setl_time, s.psn_no, p.name, s.fixmedins_code, i.name, s.med_type, s.medfee_sumamt,
                               s.fund_pay_sumamt, s.acct_pay, s.psn_cash_pay, s.reverses_setl_id is not null, s.reversed_by is not null,
                               s.mdtrt_id, s.insured_admdvs, s.treatment_admdvs, s.insutype, s.psn_type, s.clr_type, s.mid_setl_flag,
                               s.reverses_setl_id, s.reversed_by, s.fulamt_ownpay_amt, s.overlmt_selfpay, s.preselfpay_amt, s.inscp_scp_amt,
                               s.act_pay_dedc, s.hifp_pay, s.pool_prop_selfpay, s.hifob_pay, s.hifmi_pay, s.maf_pay, s.oth_pay,
                               s.psn_part_amt, s.hosp_part_amt, s.balc, s.acct_mulaid_pay, s.setl_proc_info,
                               v.kind, v.status, v.begntime, v.endtime, v.dise_codg, v.dise_name
                        from settlement s
                        join visit v on v.mdtrt_id = s.mdtrt_id
                        left join person p on p.psn_no = s.psn_no and p.valid_to is null
                        left join institution i on i.fixmedins_code = s.fixmedins_code and i.valid_to is null
                        where s.setl_id = ?""")
                .param(setlId)
                .query((rs, n) -> {
                    String lineSetl = rs.getString(21) != null ? rs.getString(21) : rs.getString(1);
                    return new Detail(row(rs), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                            rs.getString(19), rs.getBoolean(20), rs.getString(21), rs.getString(22), rs.getBigDecimal(23),
                            rs.getBigDecimal(24), rs.getBigDecimal(25), rs.getBigDecimal(26), rs.getBigDecimal(27), rs.getBigDecimal(28),
                            rs.getBigDecimal(29), rs.getBigDecimal(30), rs.getBigDecimal(31), rs.getBigDecimal(32), rs.getBigDecimal(33),
                            rs.getBigDecimal(34), rs.getBigDecimal(35), rs.getBigDecimal(36), rs.getBigDecimal(37), rs.getString(38),
                            new Visit(rs.getString(39), rs.getString(40), rs.getObject(41, LocalDateTime.class),
                                    rs.getObject(42, LocalDateTime.class), rs.getString(43), rs.getString(44)),
                            lines(lineSetl, rs.getString(15)), funds(setlId), mutualAid(setlId), accumulations(setlId), postings(setlId));
                })
                .optional();
    }

    private List<Line> lines(String setlId, String admdvs) {
        return jdbc.sql("""
                        select f.feedetl_sn, f.med_list_codg, c.name, f.cnt, f.pric, f.det_item_fee_sumamt, f.fulamt_ownpay_amt,
                               f.overlmt_amt, f.preselfpay_amt, f.inscp_scp_amt, f.chrgitm_lv, f.result_memo
                        from settlement_fee_line l
                        join fee_line f on f.mdtrt_id = l.mdtrt_id and f.feedetl_sn = l.feedetl_sn
                        left join catalogue_item c on c.med_list_codg = f.med_list_codg and c.valid_to is null
                             and c.admdvs = (select treatment_admdvs from settlement where setl_id = l.setl_id)
                        where l.setl_id = ? order by f.feedetl_sn""")
                .param(setlId)
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4).stripTrailingZeros(),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                        rs.getBigDecimal(10), rs.getString(11), rs.getString(12)))
                .list();
    }

    private List<Fund> funds(String setlId) {
        return jdbc.sql("select fund_pay_type, fund_pay_type_name, inscp_scp_amt, crt_payb_lmt_amt, fund_payamt from settlement_fund where setl_id = ? order by seq")
                .param(setlId)
                .query((rs, n) -> new Fund(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    private List<MutualAid> mutualAid(String setlId) {
        return jdbc.sql("""
                        select m.binder_psn_no, p.name, m.amount, m.balance_after from settlement_mutual_aid m
                        left join person p on p.psn_no = m.binder_psn_no and p.valid_to is null where m.setl_id = ?""")
                .param(setlId)
                .query((rs, n) -> new MutualAid(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }

    private List<Accumulation> accumulations(String setlId) {
        return jdbc.sql("select cum_key, amount from settlement_accumulation where setl_id = ? order by cum_key").param(setlId)
                .query((rs, n) -> new Accumulation(rs.getString(1), rs.getBigDecimal(2))).list();
    }

    private List<Posting> postings(String setlId) {
        return jdbc.sql("select id, source_id, reverses_posting_id from ledger_posting where source_type in ('SETTLEMENT', 'XR_SETTLEMENT') and source_id = ? order by id")
                .param(setlId)
                .query((rs, n) -> new Posting(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), List.of()))
                .list().stream()
                .map(p -> new Posting(p.id(), p.sourceId(), p.reverses(), jdbc.sql(
                                "select account, sub_account, amount from ledger_entry where posting_id = ? order by line").param(p.id())
                        .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list()))
                .toList();
    }

    public Period period(LocalDate from, LocalDate toExclusive) {
        return jdbc.sql("""
                        select count(*) filter (where reverses_setl_id is null) - count(*) filter (where reverses_setl_id is not null),
                               coalesce(sum(medfee_sumamt), 0), coalesce(sum(fund_pay_sumamt), 0)
                        from settlement where setl_time >= ? and setl_time < ?""")
                .params(from.atStartOfDay(), toExclusive.atStartOfDay())
                .query((rs, n) -> new Period(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).single();
    }

    /** Fund expenditure of the period by fund (setldetail rows, reversals net out). */
    public List<Amount> expenditureByFund(LocalDate from, LocalDate toExclusive) {
        return jdbc.sql("""
                        select f.fund_pay_type_name, sum(f.fund_payamt) from settlement_fund f join settlement s using (setl_id)
                        where s.setl_time >= ? and s.setl_time < ? and f.fund_pay_type not in ('310200', '999996')
                        group by f.fund_pay_type_name having sum(f.fund_payamt) <> 0 order by 2 desc""")
                .params(from.atStartOfDay(), toExclusive.atStartOfDay())
                .query((rs, n) -> new Amount(rs.getString(1), rs.getBigDecimal(2))).list();
    }

    /** Fund expenditure of the period by the treating institution's level (0 = pharmacy). */
    public List<Amount> expenditureByLevel(LocalDate from, LocalDate toExclusive) {
        return jdbc.sql("""
                        select coalesce(i.level, 0)::text, sum(s.fund_pay_sumamt) from settlement s
                        left join institution i on i.fixmedins_code = s.fixmedins_code and i.valid_to is null
                        where s.setl_time >= ? and s.setl_time < ? group by 1 order by 1""")
                .params(from.atStartOfDay(), toExclusive.atStartOfDay())
                .query((rs, n) -> new Amount(rs.getString(1), rs.getBigDecimal(2))).list();
    }
}
