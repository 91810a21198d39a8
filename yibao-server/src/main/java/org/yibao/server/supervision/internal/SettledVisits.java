package org.yibao.server.supervision.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.Patient;

/**
 * The stored visits the run after settlement feeds the engine: the visits of some persons from a day
 * on (their time windows), or every visit of a region in a span (the institution indicators), each
 * with its lines, diagnoses, institution level, alliance and region — one statement each.
 */
@Component
public class SettledVisits {

    /** Persons with their visits, and the patients (sex, birth date, death) the rules need. */
    public record Persons(Map<String, Patient> patients, Map<String, List<Encounter>> visits) {}

    private final JdbcClient jdbc;

    SettledVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The visits of {@code psnNos} that began on {@code since} or later. */
    public Persons ofPersons(Collection<String> psnNos, LocalDate since) {
        VisitRows rows = new VisitRows();
        String[] psns = psnNos.toArray(String[]::new);
        jdbc.sql("select " + VisitRows.COLUMNS + "\n" + """
                         from visit v
                         left join institution i on i.fixmedins_code = v.fixmedins_code and i.valid_to is null
                         left join fee_line f on f.mdtrt_id = v.mdtrt_id and not f.cancelled
                         where v.psn_no = any(?) and v.begntime >= ? and v.status <> 'CANCELLED'
                         order by v.psn_no, v.begntime, v.mdtrt_id, f.fee_ocur_time, f.feedetl_sn""")
                .params(psns, Timestamp.valueOf(since.atStartOfDay())).query(rows::accept);
        Map<String, List<Encounter>> byPerson = new LinkedHashMap<>();
        for (Encounter e : rows.visits()) {
            byPerson.computeIfAbsent(e.patientId(), k -> new java.util.ArrayList<>()).add(e);
        }
        Map<String, LocalDate> deaths = new HashMap<>();
        for (Encounter e : rows.visits()) {
            LocalDate d = rows.deathDates().get(e.id());
            if (d != null) {
                deaths.put(e.patientId(), d);
            }
        }
        Map<String, Patient> patients = new HashMap<>();
        jdbc.sql("select psn_no, gend, brdy from person where psn_no = any(?) and valid_to is null").param(psns)
                .query((rs, n) -> patients.put(rs.getString(1), new Patient(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), deaths.get(rs.getString(1))))).list();
        for (String p : psnNos) {
            patients.putIfAbsent(p, new Patient(p, null, null, deaths.get(p)));
        }
        return new Persons(patients, byPerson);
    }

    /** Every settled visit treated in the region (or a county inside it) that began in {@code [from, to]}. */
    public List<Encounter> ofRegion(String admdvs, LocalDate from, LocalDate to) {
        VisitRows rows = new VisitRows();
        jdbc.sql("select " + VisitRows.COLUMNS + "\n" + """
                         from visit v
                         left join institution i on i.fixmedins_code = v.fixmedins_code and i.valid_to is null
                         left join fee_line f on f.mdtrt_id = v.mdtrt_id and not f.cancelled
                         where v.status = 'SETTLED' and v.begntime >= ? and v.begntime < ?
                           and v.treatment_admdvs in (select r.admdvs from region r where r.valid_to is null
                                                        and (r.admdvs = ? or r.pooling_admdvs = ?))
                         order by v.begntime, v.mdtrt_id, f.fee_ocur_time, f.feedetl_sn""")
                .params(Timestamp.valueOf(from.atStartOfDay()), Timestamp.valueOf(to.plusDays(1).atStartOfDay()), admdvs, admdvs)
                .query(rows::accept);
        return rows.visits();
    }
}
