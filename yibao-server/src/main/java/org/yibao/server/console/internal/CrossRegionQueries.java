package org.yibao.server.console.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Figures for the cross-region page's charts (issue 9): filings in force by region and category, cross-region settlements by month. */
@Component
public class CrossRegionQueries {

    /** Filings in force on a day for one treatment pooling region and category. */
    public record FilingCount(String treatmentAdmdvs, String treatmentName, String category, long filings) {}

    /**
     * One month of a year: cross-region settlements (net of reversals), their fund payments, and every
     * settlement's fund payments (for the share of spending).
     */
    public record SettlementMonth(int month, long settlements, BigDecimal crossRegionFund, BigDecimal allFund) {}

    private final JdbcClient jdbc;

    CrossRegionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FilingCount> filingsInForce(LocalDate day) {
        return jdbc.sql("""
                        select f.treatment_admdvs, coalesce(r.name, f.treatment_admdvs), f.category, count(*)
                        from xr_filing f left join region r on r.admdvs = f.treatment_admdvs and r.valid_to is null
                        where f.cancelled_at is null and f.begin_date <= ? and (f.end_date is null or f.end_date >= ?)
                        group by 1, 2, 3 order by 1, 3""")
                .params(day, day)
                .query((rs, n) -> new FilingCount(rs.getString(1).trim(), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    public List<SettlementMonth> settlementsByMonth(int year) {
        return jdbc.sql("""
                        select extract(month from s.setl_time)::int,
                               count(*) filter (where x and s.reverses_setl_id is null) - count(*) filter (where x and s.reverses_setl_id is not null),
                               coalesce(sum(s.fund_pay_sumamt) filter (where x), 0), coalesce(sum(s.fund_pay_sumamt), 0)
                        from settlement s left join region g on g.admdvs = s.insured_admdvs and g.valid_to is null,
                             lateral (select coalesce(g.pooling_admdvs, s.insured_admdvs) <> s.treatment_admdvs as x) c
                        where s.setl_time >= ? and s.setl_time < ?
                        group by 1 order by 1""")
                .params(LocalDate.of(year, 1, 1).atStartOfDay(), LocalDate.of(year + 1, 1, 1).atStartOfDay())
                .query((rs, n) -> new SettlementMonth(rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4))).list();
    }
}
