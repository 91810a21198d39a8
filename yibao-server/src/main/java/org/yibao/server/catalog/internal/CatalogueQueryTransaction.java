package org.yibao.server.catalog.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * 1312 医保目录信息查询 (NATIONAL_INTERFACE §3): the catalogue of a region (default: the caller's pooling
 * region) as in force on a day, paged; by code when given.
 */
@Component
class CatalogueQueryTransaction implements FsiTransaction {

    private final JdbcClient jdbc;

    CatalogueQueryTransaction(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> infnos() {
        return List.of("1312");
    }

    @Override
    public Object handle(FsiCall call) {
        FsiNode data = call.input().object("data");
        String code = data.optText("hilist_code", 50);
        String admdvs = data.optText("insu_admdvs", 6);
        if (admdvs == null) {
            admdvs = call.institutionPooling();
        } else if (!admdvs.matches("\\d{6}")) {
            throw FsiRefusal.field("data.insu_admdvs", "应为 6 位医保区划代码");
        }
        LocalDate date = data.optDate("begndate");
        if (date == null) {
            date = call.now().toLocalDate();
        }
        Integer pageNum = data.optInt("page_num", 1, 100_000);
        Integer pageSize = data.optInt("page_size", 1, 500);
        int page = pageNum == null ? 1 : pageNum;
        int size = pageSize == null ? 100 : pageSize;
        String where = " from catalogue_item where admdvs = :a and valid_from <= :d and (valid_to is null or valid_to > :d)"
                + " and (cast(:c as varchar) is null or med_list_codg = :c)";
        long total = jdbc.sql("select count(*) " + where).param("a", admdvs).param("d", date).param("c", code)
                .query(Long.class).single();
        List<Map<String, Object>> rows = jdbc.sql("""
                        select med_list_codg, name, chrgitm_lv, selfpay_prop, price_cap, med_chrgitm_type, min_inst_level,
                               sex_restriction, min_age, max_age, indication, valid_from, valid_to""" + where
                        + " order by med_list_codg limit :l offset :o")
                .param("a", admdvs).param("d", date).param("c", code).param("l", size).param("o", (long) (page - 1) * size)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("hilist_code", rs.getString(1));
                    m.put("hilist_name", rs.getString(2));
                    m.put("chrgitm_lv", rs.getString(3));
                    m.put("selfpay_prop", rs.getBigDecimal(4).setScale(4));
                    m.put("pric_uplmt_amt", rs.getBigDecimal(5) == null ? null : rs.getBigDecimal(5).setScale(6));
                    m.put("med_chrgitm_type", rs.getString(6));
                    StringBuilder limits = new StringBuilder();
                    if (rs.getObject(7) != null) {
                        limits.append("限").append(rs.getInt(7)).append("级及以上医疗机构；");
                    }
                    if (rs.getString(8) != null) {
                        limits.append("限").append("1".equals(rs.getString(8)) ? "男性" : "女性").append("；");
                    }
                    if (rs.getObject(9) != null || rs.getObject(10) != null) {
                        limits.append("限年龄 ").append(rs.getObject(9) == null ? "" : rs.getInt(9)).append("–")
                                .append(rs.getObject(10) == null ? "" : rs.getInt(10)).append(" 岁；");
                    }
                    if (rs.getString(11) != null) {
                        limits.append(rs.getString(11));
                    }
                    m.put("lmt_used_flag", limits.length() > 0 ? "1" : "0");
                    m.put("lmt_used_scp", limits.length() > 0 ? limits.toString() : null);
                    m.put("begndate", rs.getObject(12, LocalDate.class).toString());
                    m.put("enddate", rs.getObject(13, LocalDate.class) == null ? null : rs.getObject(13, LocalDate.class).toString());
                    return m;
                })
                .list();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", rows);
        out.put("recordCounts", total);
        out.put("pageNum", page);
        out.put("pageSize", size);
        out.put("pages", (total + size - 1) / size);
        return out;
    }
}
