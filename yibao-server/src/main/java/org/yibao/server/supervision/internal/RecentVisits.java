package org.yibao.server.supervision.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.Line;

/**
 * A person's recent visits with their fee lines, for the per-person time-window rules at 3101/3102,
 * and the calling institution's alliance — in one statement on {@code visit_psn (psn_no, begntime)}.
 */
@Component
class RecentVisits {

    /** How far back the time-window rules look (the longest window, 90 days, plus margin). */
    static final int LOOK_BACK_DAYS = 120;

    /** What the statement gives: the caller's alliance and the person's visits. */
    record History(String callerAlliance, List<Encounter> visits, Map<String, LocalDate> deathDates) {}

    private final JdbcClient jdbc;

    RecentVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    History of(String psnNo, String callerCode, LocalDate day) {
        Map<String, Encounter> visits = new LinkedHashMap<>();
        Map<String, List<Line>> lines = new LinkedHashMap<>();
        Map<String, LocalDate> deaths = new LinkedHashMap<>();
        String[] alliance = {null};
        jdbc.sql("""
                        with me as (select (select alliance_code from institution
                                            where fixmedins_code = :caller and valid_to is null) as alliance)
                        select me.alliance as caller_alliance, h.*
                        from me left join (
                            select v.mdtrt_id, v.fixmedins_code, i.level, i.alliance_code, i.admdvs, v.kind, v.begntime,
                                   v.endtime, v.dscg_way, v.details ->> 'die_date' as die_date,
                                   array(select d.diag_code from visit_diagnosis d where d.mdtrt_id = v.mdtrt_id
                                         order by d.maindiag_flag desc, d.seq) as diagnoses, v.dise_codg,
                                   f.feedetl_sn, f.med_list_codg, f.fee_ocur_time, f.cnt, f.pric, f.det_item_fee_sumamt,
                                   f.prd_days, f.memo
                            from visit v
                            left join institution i on i.fixmedins_code = v.fixmedins_code and i.valid_to is null
                            left join fee_line f on f.mdtrt_id = v.mdtrt_id and not f.cancelled
                            where v.psn_no = :psn and v.begntime >= :since and v.status <> 'CANCELLED'
                        ) h on true
                        order by h.begntime, h.mdtrt_id, h.fee_ocur_time, h.feedetl_sn
                        """)
                .param("caller", callerCode).param("psn", psnNo)
                .param("since", Timestamp.valueOf(day.minusDays(LOOK_BACK_DAYS).atStartOfDay()))
                .query(rs -> {
                    alliance[0] = rs.getString("caller_alliance");
                    String id = rs.getString("mdtrt_id");
                    if (id == null) {
                        return;
                    }
                    if (!visits.containsKey(id)) {
                        Timestamp end = rs.getTimestamp("endtime");
                        List<String> diagnoses = new ArrayList<>(strings(rs.getArray("diagnoses")));
                        String main = rs.getString("dise_codg");
                        if (main != null && !diagnoses.contains(main)) {
                            diagnoses.add(0, main);
                        }
                        int level = rs.getInt("level");
                        visits.put(id, new Encounter(id, psnNo, rs.getString("fixmedins_code"), rs.wasNull() ? null : level,
                                rs.getString("alliance_code"), rs.getString("admdvs"), "INPATIENT".equals(rs.getString("kind")),
                                rs.getTimestamp("begntime").toLocalDateTime().toLocalDate(),
                                end == null ? null : end.toLocalDateTime().toLocalDate(), diagnoses, List.of()));
                        String die = rs.getString("die_date");
                        if ("5".equals(rs.getString("dscg_way")) && die != null && die.length() >= 10) {
                            deaths.put(id, LocalDate.parse(die.substring(0, 10)));
                        }
                    }
                    String sn = rs.getString("feedetl_sn");
                    if (sn != null) {
                        BigDecimal days = rs.getBigDecimal("prd_days");
                        lines.computeIfAbsent(id, k -> new ArrayList<>()).add(new Line(sn, rs.getString("med_list_codg"), null,
                                rs.getTimestamp("fee_ocur_time").toLocalDateTime().toLocalDate(), Quantity.of(rs.getBigDecimal("cnt")),
                                UnitPrice.of(rs.getBigDecimal("pric")), Money.of(rs.getBigDecimal("det_item_fee_sumamt")),
                                days == null ? null : days.intValue(), PrecheckInput.examResult(rs.getString("memo"))));
                    }
                });
        List<Encounter> result = new ArrayList<>(visits.size());
        for (Encounter e : visits.values()) {
            result.add(e.withLines(lines.getOrDefault(e.id(), List.of())));
        }
        return new History(alliance[0], result, deaths);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> list = new ArrayList<>(values.length);
        for (Object v : values) {
            list.add((String) v);
        }
        return list;
    }
}
