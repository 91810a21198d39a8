package org.yibao.server.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.evaluation.internal.Csv;
import org.yibao.server.evaluation.internal.KnownInstitutions;
import org.yibao.server.evaluation.internal.LineChecks;
import org.yibao.server.institution.Institutions;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Patient satisfaction surveys (患者满意度, R-INST-2 indicator 4): after a settlement the person answers
 * once, in the insured portal, whether they were satisfied with the institution (and may comment);
 * staff import surveys gathered elsewhere (phone, paper) by CSV, all or nothing.
 */
@Service
public class SatisfactionSurveys {

    public static final String ENTITY = "satisfaction_survey";
    public static final List<String> CSV_COLUMNS = List.of("fixmedins_code", "survey_date", "satisfied", "comment");
    /** Namespace of the advisory lock that serialises the answers about one settlement. */
    private static final int LOCK_NAMESPACE = 7901;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Survey(long id, String fixmedinsCode, LocalDate surveyDate, boolean satisfied, String comment, String setlId,
                         String source, Instant recordedAt) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Imported(int surveys, Map<String, Integer> perInstitution) {}

    static final String COLUMNS = "id, fixmedins_code, survey_date, satisfied, comment, setl_id, source, recorded_at";
    static final RowMapper<Survey> ROW = (rs, n) -> new Survey(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final AuditTrail audit;
    private final Clock clock;

    SatisfactionSurveys(JdbcClient jdbc, Institutions institutions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The survey answered about a settlement, if any. */
    public Optional<Survey> forSettlement(String setlId) {
        return jdbc.sql("select " + COLUMNS + " from satisfaction_survey where setl_id = ?").param(setlId).query(ROW).optional();
    }

    /**
     * The person {@code psnNo} answers about their own settlement {@code setlId}: once (409 after), never
     * about a reversal or someone else's settlement (404, like one that does not exist).
     */
    @Transactional
    public Survey answer(String psnNo, String setlId, String satisfied, String comment) {
        String institution = jdbc.sql("select fixmedins_code from settlement where setl_id = ? and psn_no = ? and reverses_setl_id is null")
                .params(setlId, psnNo).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("settlement", setlId));
        LocalDate today = LocalDate.now(clock);
        LineChecks c = new LineChecks(today);
        Boolean flag = c.flag("satisfied", satisfied, "satisfied");
        String text = c.optional("comment", comment, 500);
        c.throwIfAny();
        // One survey per settlement (unique setl_id): concurrent answers wait here and the second is refused as answered.
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").params(LOCK_NAMESPACE, setlId).query(Object.class).single();
        if (forSettlement(setlId).isPresent()) {
            throw new ConflictException("setl_id", "already_answered", "the survey of settlement " + setlId + " has already been answered");
        }
        Survey s = jdbc.sql("insert into satisfaction_survey (fixmedins_code, survey_date, satisfied, comment, setl_id, psn_no, source, "
                        + "recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, 'PORTAL', ?, ?) returning " + COLUMNS)
                .params(institution, today, flag, text, setlId, psnNo, Timestamp.from(clock.instant()), psnNo).query(ROW).single();
        audit.recordAs(psnNo, "CREATE", ENTITY, setlId, today, null, s);
        return s;
    }

    /** Imports a CSV of {@link #CSV_COLUMNS}: every line valid, or nothing imported (400 naming line, column and rule). */
    @Transactional
    public Imported importCsv(String text) {
        List<Csv.Line> lines = Csv.parse(text, CSV_COLUMNS);
        LineChecks c = new LineChecks(LocalDate.now(clock));
        KnownInstitutions known = new KnownInstitutions(institutions);
        List<Object[]> rows = new ArrayList<>();
        for (Csv.Line l : lines) {
            String code = known.require(c, LineChecks.field(l, "fixmedins_code"), l.get(0));
            LocalDate date = c.date(LineChecks.field(l, "survey_date"), l.get(1));
            Boolean satisfied = c.flag(LineChecks.field(l, "satisfied"), l.get(2), "satisfied");
            String comment = c.optional(LineChecks.field(l, "comment"), l.get(3), 500);
            rows.add(new Object[] {code, date, satisfied, comment});
        }
        c.throwIfAny();
        Map<String, Integer> per = new TreeMap<>();
        Timestamp now = Timestamp.from(clock.instant());
        String actor = AuditTrail.currentActor();
        for (Object[] r : rows) {
            jdbc.sql("insert into satisfaction_survey (fixmedins_code, survey_date, satisfied, comment, source, recorded_at, recorded_by) "
                    + "values (?, ?, ?, ?, 'CSV', ?, ?)").params(r[0], r[1], r[2], r[3], now, actor).update();
            per.merge((String) r[0], 1, Integer::sum);
        }
        Imported result = new Imported(rows.size(), per);
        audit.record("IMPORT", ENTITY, "csv/" + rows.size(), null, null, result);
        return result;
    }

    /** Answered and satisfied surveys of the institution dated in {@code year}. */
    int[] counts(String fixmedinsCode, int year) {
        return jdbc.sql("select count(*), count(*) filter (where satisfied) from satisfaction_survey where fixmedins_code = ? "
                        + "and survey_date between ? and ?")
                .params(fixmedinsCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }
}
