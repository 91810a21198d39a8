package org.yibao.server.institution.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * 1201 医药机构信息获取 (NATIONAL_INTERFACE §3; R-XR-5): current designated institutions by type, name
 * and code, with their level and cross-region direct-settlement flags; at most 100 rows.
 */
@Component
class InstitutionInfoTransaction implements FsiTransaction {

    static final int LIMIT = 100;
    private final JdbcClient jdbc;

    InstitutionInfoTransaction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> infnos() {
        return List.of("1201");
    }

    @Override
    public Object handle(FsiCall call) {
        FsiNode in = call.input().object("medinsinfo");
        String type = in.optCode("fixmedins_type", Set.of("1", "2"));
        String name = in.optText("fixmedins_name", 100);
        String code = in.optText("fixmedins_code", 30);
        LocalDate today = call.now().toLocalDate();
        String where = """
                 from institution where designated and valid_from <= :d and (valid_to is null or valid_to > :d)
                   and (cast(:t as varchar) is null or (:t = '2') = (kind = 'PHARMACY'))
                   and (cast(:n as varchar) is null or name like '%' || :n || '%')
                   and (cast(:c as varchar) is null or fixmedins_code = :c)""";
        long matched = jdbc.sql("select count(*) " + where).param("d", today).param("t", type).param("n", name).param("c", code)
                .query(Long.class).single();
        List<Map<String, Object>> rows = jdbc.sql("select fixmedins_code, name, kind, level, admdvs, xr_inpatient, xr_outpatient, xr_chronic "
                        + where + " order by fixmedins_code limit " + LIMIT)
                .param("d", today).param("t", type).param("n", name).param("c", code)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("fixmedins_code", rs.getString(1));
                    m.put("fixmedins_name", rs.getString(2));
                    m.put("uscc", null);
                    m.put("fixmedins_type", "PHARMACY".equals(rs.getString(3)) ? "2" : "1");
                    m.put("hosp_lv", rs.getObject(4) == null ? null : String.valueOf(rs.getInt(4)));
                    m.put("admdvs", rs.getString(5));
                    m.put("xr_inpatient_flag", rs.getBoolean(6) ? "1" : "0");
                    m.put("xr_outpatient_flag", rs.getBoolean(7) ? "1" : "0");
                    m.put("xr_chronic_flag", rs.getBoolean(8) ? "1" : "0");
                    return m;
                })
                .list();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("medinsinfo", rows);
        out.put("recordCounts", matched);
        out.put("truncated", matched > LIMIT ? "1" : "0");
        return out;
    }
}
