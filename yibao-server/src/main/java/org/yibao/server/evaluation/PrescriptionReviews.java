package org.yibao.server.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Outpatient prescription reviews (处方点评, R-INST-2 indicator 2): the insurer's clerks record each
 * reviewed prescription of an institution as qualified or not, one at a time (console, API) or by CSV
 * import, which is all or nothing. A prescription number is reviewed once per institution. Who may
 * record is decided at the edge (ADMIN and CLERK).
 */
@Service
public class PrescriptionReviews {

    public static final String ENTITY = "prescription_review";
    public static final List<String> CSV_COLUMNS = List.of("fixmedins_code", "review_date", "prescription_no", "qualified", "reviewer", "note");

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Review(long id, String fixmedinsCode, LocalDate reviewDate, String prescriptionNo, boolean qualified, String reviewer,
                         String note, String source, Instant recordedAt, String recordedBy) {}

    /** One review as typed in a form or an API body (text, checked here). */
    public record Entry(String fixmedinsCode, String reviewDate, String prescriptionNo, String qualified, String reviewer, String note) {}

    /** What an import stored: the number of reviews, per institution. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Imported(int reviews, Map<String, Integer> perInstitution) {}

    static final String COLUMNS = "id, fixmedins_code, review_date, prescription_no, qualified, reviewer, note, source, recorded_at, recorded_by";
    static final RowMapper<Review> ROW = (rs, n) -> new Review(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
            rs.getString(10));

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final AuditTrail audit;
    private final Clock clock;

    PrescriptionReviews(JdbcClient jdbc, Institutions institutions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records one review (source FORM); every broken rule is answered at once (400), nothing stored. */
    @Transactional
    public Review record(Entry e) {
        LineChecks c = new LineChecks(LocalDate.now(clock));
        Checked r = check(c, new KnownInstitutions(institutions), null, e, new HashMap<>());
        c.throwIfAny();
        Review stored = insert(r, "FORM");
        audit.record("CREATE", ENTITY, stored.fixmedinsCode() + "/" + stored.prescriptionNo(), stored.reviewDate(), null, stored);
        return stored;
    }

    /** Imports a CSV of {@link #CSV_COLUMNS}: every line valid, or nothing imported (400 naming line, column and rule). */
    @Transactional
    public Imported importCsv(String text) {
        List<Csv.Line> lines = Csv.parse(text, CSV_COLUMNS);
        LineChecks c = new LineChecks(LocalDate.now(clock));
        KnownInstitutions known = new KnownInstitutions(institutions);
        Map<String, Integer> seen = new HashMap<>();
        List<Checked> rows = new ArrayList<>();
        for (Csv.Line l : lines) {
            rows.add(check(c, known, l, new Entry(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5)), seen));
        }
        c.throwIfAny();
        Map<String, Integer> per = new TreeMap<>();
        for (Checked r : rows) {
            insert(r, "CSV");
            per.merge(r.code(), 1, Integer::sum);
        }
        Imported result = new Imported(rows.size(), per);
        audit.record("IMPORT", ENTITY, "csv/" + rows.size(), null, null, result);
        return result;
    }

    /** The institution's reviews dated in {@code year}, newest first. */
    public List<Review> list(String fixmedinsCode, int year) {
        return jdbc.sql("select " + COLUMNS + " from prescription_review where fixmedins_code = ? and review_date between ? and ? "
                        + "order by review_date desc, id desc")
                .params(fixmedinsCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(ROW).list();
    }

    /** Reviewed and qualified prescriptions of the institution dated in {@code year}. */
    int[] counts(String fixmedinsCode, int year) {
        return jdbc.sql("select count(*), count(*) filter (where qualified) from prescription_review where fixmedins_code = ? "
                        + "and review_date between ? and ?")
                .params(fixmedinsCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    private record Checked(String code, LocalDate date, String prescriptionNo, boolean qualified, String reviewer, String note) {}

    private Checked check(LineChecks c, KnownInstitutions known, Csv.Line line, Entry e, Map<String, Integer> seen) {
        String code = known.require(c, LineChecks.field(line, "fixmedins_code"), e.fixmedinsCode());
        LocalDate date = c.date(LineChecks.field(line, "review_date"), e.reviewDate());
        String no = c.text(LineChecks.field(line, "prescription_no"), e.prescriptionNo(), 40);
        Boolean qualified = c.flag(LineChecks.field(line, "qualified"), e.qualified(), "qualified");
        String reviewer = c.text(LineChecks.field(line, "reviewer"), e.reviewer(), 50);
        String note = c.optional(LineChecks.field(line, "note"), e.note(), 500);
        if (code != null && no != null) {
            Integer earlier = seen.putIfAbsent(code + "/" + no, line == null ? 0 : line.number());
            if (earlier != null) {
                c.add(LineChecks.field(line, "prescription_no"), "duplicate", "prescription " + no + " of " + code + " is already on line "
                        + earlier + " of this file");
            } else if (jdbc.sql("select exists (select 1 from prescription_review where fixmedins_code = ? and prescription_no = ?)")
                    .params(code, no).query(Boolean.class).single()) {
                c.add(LineChecks.field(line, "prescription_no"), "already_reviewed", "prescription " + no + " of " + code
                        + " has already been reviewed; a prescription is reviewed once");
            }
        }
        return new Checked(code, date, no, Boolean.TRUE.equals(qualified), reviewer, note);
    }

    private Review insert(Checked r, String source) {
        return jdbc.sql("insert into prescription_review (fixmedins_code, review_date, prescription_no, qualified, reviewer, note, source, "
                        + "recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(r.code(), r.date(), r.prescriptionNo(), r.qualified(), r.reviewer(), r.note(), source,
                        Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .query(ROW).single();
    }
}
