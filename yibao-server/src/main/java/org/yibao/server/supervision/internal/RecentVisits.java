package org.yibao.server.supervision.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.supervision.Encounter;

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
        VisitRows rows = new VisitRows();
        String[] alliance = {null};
        jdbc.sql("""
                        with me as (select (select alliance_code from institution
                                            where fixmedins_code = :caller and valid_to is null) as alliance)
                        select me.alliance as caller_alliance, h.*
                        from me left join (
                            select %s
                            from visit v
                            left join institution i on i.fixmedins_code = v.fixmedins_code and i.valid_to is null
                            left join fee_line f on f.mdtrt_id = v.mdtrt_id and not f.cancelled
                            where v.psn_no = :psn and v.begntime >= :since and v.status <> 'CANCELLED'
                        ) h on true
                        order by h.begntime, h.mdtrt_id, h.fee_ocur_time, h.feedetl_sn
                        """.formatted(VisitRows.COLUMNS))
                .param("caller", callerCode).param("psn", psnNo)
                .param("since", Timestamp.valueOf(day.minusDays(LOOK_BACK_DAYS).atStartOfDay()))
                .query(rs -> {
                    alliance[0] = rs.getString("caller_alliance");
                    rows.accept(rs);
                });
        return new History(alliance[0], rows.visits(), rows.deathDates());
    }
}
