package org.yibao.server.supervision.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.Line;

/**
 * Reads stored visits with their fee lines into the engine's {@link Encounter}s, one row per line
 * (a visit without lines gives one row with null line columns). The statement selects
 * {@link #COLUMNS} from {@code visit v}, {@code institution i} and {@code fee_line f}; rows of one
 * visit come together, lines in order. Shared by the pre-checks' recent history and the run after
 * settlement, so both see a stored visit the same way.
 */
final class VisitRows {

    /** The select list the statement must give. */
    static final String COLUMNS = """
            v.mdtrt_id, v.psn_no, v.fixmedins_code, i.level, i.alliance_code, i.admdvs, v.kind, v.begntime, v.endtime, v.dscg_way,
            v.details ->> 'die_date' as die_date,
            array(select d.diag_code from visit_diagnosis d where d.mdtrt_id = v.mdtrt_id order by d.maindiag_flag desc, d.seq) as diagnoses,
            v.dise_codg, f.feedetl_sn, f.med_list_codg, f.fee_ocur_time, f.cnt, f.pric, f.det_item_fee_sumamt, f.prd_days, f.memo""";

    private final Map<String, Encounter> visits = new LinkedHashMap<>();
    private final Map<String, List<Line>> lines = new LinkedHashMap<>();
    private final Map<String, LocalDate> deaths = new LinkedHashMap<>();

    /** Takes one row; a row without {@code mdtrt_id} (an outer join that found nothing) is skipped. */
    void accept(ResultSet rs) throws SQLException {
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
            visits.put(id, new Encounter(id, rs.getString("psn_no"), rs.getString("fixmedins_code"), rs.wasNull() ? null : level,
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
    }

    /** The visits read, with their lines, in the order of the rows. */
    List<Encounter> visits() {
        List<Encounter> result = new ArrayList<>(visits.size());
        for (Encounter e : visits.values()) {
            result.add(e.withLines(lines.getOrDefault(e.id(), List.of())));
        }
        return result;
    }

    /** Dates of death recorded at discharge (dscg_way 5), by visit. */
    Map<String, LocalDate> deathDates() {
        return deaths;
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
