package org.yibao.server.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.evaluation.internal.KnownInstitutions;
import org.yibao.server.evaluation.internal.LineChecks;
import org.yibao.server.institution.Institutions;
import org.yibao.server.platform.audit.AuditTrail;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Confirmed fund-use violations (违规, R-INST-2 indicator 5: −5 points each). Entered by administrators
 * with the date, a description and the evidence until supervision (a later issue) confirms them itself.
 */
@Service
public class Violations {

    public static final String ENTITY = "confirmed_violation";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Violation(long id, String fixmedinsCode, LocalDate violationDate, String description, String evidence,
                            Instant recordedAt, String recordedBy) {}

    static final String COLUMNS = "id, fixmedins_code, violation_date, description, evidence, recorded_at, recorded_by";
    static final RowMapper<Violation> ROW = (rs, n) -> new Violation(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7));

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final AuditTrail audit;
    private final Clock clock;

    Violations(JdbcClient jdbc, Institutions institutions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Violation record(String fixmedinsCode, String date, String description, String evidence) {
        LineChecks c = new LineChecks(LocalDate.now(clock));
        String code = new KnownInstitutions(institutions).require(c, "fixmedins_code", fixmedinsCode);
        LocalDate d = c.date("violation_date", date);
        String what = c.text("description", description, 500);
        String proof = c.text("evidence", evidence, 1000);
        c.throwIfAny();
        Violation v = jdbc.sql("insert into confirmed_violation (fixmedins_code, violation_date, description, evidence, recorded_at, recorded_by) "
                        + "values (?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(code, d, what, proof, Timestamp.from(clock.instant()), AuditTrail.currentActor()).query(ROW).single();
        audit.record("CREATE", ENTITY, code + "/" + v.id(), d, null, v);
        return v;
    }

    /** The institution's violations dated in {@code year}, newest first. */
    public List<Violation> list(String fixmedinsCode, int year) {
        return jdbc.sql("select " + COLUMNS + " from confirmed_violation where fixmedins_code = ? and violation_date between ? and ? "
                        + "order by violation_date desc, id desc")
                .params(fixmedinsCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(ROW).list();
    }

    int count(String fixmedinsCode, int year) {
        return list(fixmedinsCode, year).size();
    }
}
