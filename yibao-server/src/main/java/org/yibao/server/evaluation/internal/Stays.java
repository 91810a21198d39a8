package org.yibao.server.evaluation.internal;

import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inpatient stays discharged in a year (R-INST-2, length of stay against same-level peers), per
 * institution of one pooling region: a stay is an inpatient visit with a final settlement (not a
 * mid-stay one) in that policy year that is neither a reversal nor reversed; its days are discharge date
 * − admission date, at least 1. Read once per run.
 */
public final class Stays {

    /** Stays and their days summed. */
    public record Count(long stays, long days) {}

    record Row(String code, Integer level, long stays, long days) {}

    private final List<Row> rows;

    private Stays(List<Row> rows) {
        this.rows = rows;
    }

    public static Stays of(JdbcClient jdbc, int year, String poolingAdmdvs) {
        return new Stays(jdbc.sql("""
                with st as (
                    select s.fixmedins_code as code, count(*) as stays,
                           sum(greatest(1, cast(coalesce(v.endtime, s.setl_time) as date) - cast(v.begntime as date))) as days
                    from settlement s join visit v on v.mdtrt_id = s.mdtrt_id
                    where s.year = ? and v.kind = 'INPATIENT' and not s.mid_setl_flag and s.reverses_setl_id is null and s.reversed_by is null
                    group by s.fixmedins_code)
                select st.code, i.level, st.stays, st.days from st
                join institution i on i.fixmedins_code = st.code and i.valid_to is null
                join region r on r.admdvs = i.admdvs and r.valid_to is null
                where r.pooling_admdvs = ?""")
                .params(year, poolingAdmdvs)
                .query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getLong(3), rs.getLong(4))).list());
    }

    public Count own(String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().map(r -> new Count(r.stays(), r.days())).orElse(new Count(0, 0));
    }

    /** The other institutions of the same level in the pooling region, pooled (a stay-weighted average). */
    public Count peersOf(String code, Integer level) {
        long stays = 0;
        long days = 0;
        for (Row r : rows) {
            if (!r.code().equals(code) && Objects.equals(r.level(), level)) {
                stays += r.stays();
                days += r.days();
            }
        }
        return new Count(stays, days);
    }
}
