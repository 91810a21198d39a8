package org.yibao.server.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.evaluation.AnnualEvaluationPolicy;
import org.yibao.engine.evaluation.EvaluationInputs;
import org.yibao.engine.evaluation.EvaluationResult;
import org.yibao.engine.evaluation.IndicatorScore;
import org.yibao.server.evaluation.internal.Stays;
import org.yibao.server.familydoctor.FamilyDoctors;
import org.yibao.server.familydoctor.ManagementRate;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.institution.UploadCompliance;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.region.Regions;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Annual evaluations (年度考核, R-INST-2): gathers one institution's year from the feeds, scores it with
 * the engine's {@link AnnualEvaluationPolicy} and stores every indicator with its raw value and score,
 * the total, the decision and the next-year quota adjustment.
 *
 * <p>Versions: a run replaces the institution's DRAFT of that year; {@link #finalise} makes it FINAL,
 * which is never changed — a later run starts the next version, so every finalised result stays in the
 * history. The latest FINAL version is the one that counts (institution portal, agreement renewal).
 * Every run and finalisation is in the audit trail. Who may call is decided at the edge (ADMIN).
 */
@Service
public class Evaluations {

    public static final String ENTITY = "institution_evaluation";
    /** Institutions R-INST-2 applies to; pharmacies and clinics have no inpatients or hypertension register to score. */
    public static final Set<String> EVALUATED_KINDS = Set.of("HOSPITAL", "COMMUNITY", "TOWNSHIP");
    /** Namespace of the advisory lock that serialises the evaluation runs of one institution. */
    private static final int LOCK_NAMESPACE = 79;

    /** What a run over a region did: the evaluations made and the institutions not evaluated, with why. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RegionRun(int year, String admdvs, List<Evaluation> evaluated, Map<String, String> skipped) {}

    static final String COLUMNS = "id, fixmedins_code, year, version, status, name, kind, level, pooling_admdvs, chronic_basis, total, "
            + "decision, quota_adjustment, quota_reason, evaluated_at, evaluated_by, finalised_at, finalised_by";
    static final RowMapper<Evaluation> ROW = (rs, n) -> new Evaluation(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
            rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8, Integer.class), rs.getString(9), rs.getString(10),
            rs.getBigDecimal(11), rs.getString(12), rs.getBigDecimal(13), rs.getString(14), rs.getTimestamp(15).toInstant(), rs.getString(16),
            rs.getTimestamp(17) == null ? null : rs.getTimestamp(17).toInstant(), rs.getString(18), List.of());

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Regions regions;
    private final FamilyDoctors familyDoctors;
    private final UploadCompliance compliance;
    private final PrescriptionReviews reviews;
    private final SatisfactionSurveys surveys;
    private final Violations violations;
    private final AuditTrail audit;
    private final Clock clock;
    private final AnnualEvaluationPolicy policy = AnnualEvaluationPolicy.rInst2();

    Evaluations(JdbcClient jdbc, Institutions institutions, Regions regions, FamilyDoctors familyDoctors, UploadCompliance compliance,
                PrescriptionReviews reviews, SatisfactionSurveys surveys, Violations violations, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.regions = regions;
        this.familyDoctors = familyDoctors;
        this.compliance = compliance;
        this.reviews = reviews;
        this.surveys = surveys;
        this.violations = violations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Evaluates one institution's year: replaces its DRAFT, or starts the next version after a FINAL one. */
    @Transactional
    public Evaluation run(String fixmedinsCode, int year) {
        checkYear(year);
        Institution inst = institutions.find(fixmedinsCode).orElseThrow(() -> new NotFoundException(Institutions.ENTITY, fixmedinsCode));
        if (!EVALUATED_KINDS.contains(inst.kind())) {
            throw new ConflictException("kind", "not_evaluated", "institution " + fixmedinsCode + " is a " + inst.kind()
                    + "; the annual evaluation (R-INST-2) applies to hospitals, community and township health centres");
        }
        String pool = poolOf(inst);
        return store(inst, pool, year, Stays.of(jdbc, year, pool));
    }

    /** Evaluates every hospital and health centre in force in the pooling region {@code admdvs} (with its counties). */
    @Transactional
    public RegionRun runRegion(String admdvs, int year) {
        checkYear(year);
        if (admdvs == null || !regions.exists(admdvs.strip())) {
            throw new InvalidInputException("admdvs", "unknown", "no region " + admdvs + "; give a pooling region code such as 990100");
        }
        String pool = regions.poolingRegionOf(admdvs.strip(), LocalDate.now(clock)).orElse(admdvs.strip());
        Stays stays = Stays.of(jdbc, year, pool);
        List<Evaluation> done = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String code : jdbc.sql("""
                select i.fixmedins_code, i.kind from institution i join region r on r.admdvs = i.admdvs and r.valid_to is null
                where i.valid_to is null and r.pooling_admdvs = ? order by i.fixmedins_code""")
                .param(pool).query((rs, n) -> rs.getString(1) + "\t" + rs.getString(2)).list()) {
            String[] f = code.split("\t");
            if (!EVALUATED_KINDS.contains(f[1])) {
                skipped.put(f[0], f[1] + " not evaluated");
                continue;
            }
            institutions.find(f[0]).ifPresent(inst -> done.add(store(inst, pool, year, stays)));
        }
        return new RegionRun(year, pool, done, skipped);
    }

    /** DRAFT → FINAL; a FINAL evaluation is refused (409): run again to make the next version. */
    @Transactional
    public Evaluation finalise(long id) {
        Evaluation before = get(id);
        lock(before.fixmedinsCode());
        before = get(id);
        if (before.isFinal()) {
            throw new ConflictException("status", "already_final", "evaluation " + id + " (" + before.fixmedinsCode() + " " + before.year()
                    + " version " + before.version() + ") is already final; run the evaluation again to make a new version");
        }
        jdbc.sql("update institution_evaluation set status = 'FINAL', finalised_at = ?, finalised_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), AuditTrail.currentActor(), id).update();
        Evaluation after = get(id);
        audit.record("FINALISE", ENTITY, key(after), null, before, after);
        return after;
    }

    public Evaluation get(long id) {
        Evaluation e = jdbc.sql("select " + COLUMNS + " from institution_evaluation where id = ?").param(id).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
        return withIndicators(List.of(e)).get(0);
    }

    /** Every version of the institution's evaluations (of {@code year} when given), newest year and version first. */
    public List<Evaluation> versions(String fixmedinsCode, Integer year) {
        return withIndicators(jdbc.sql("select " + COLUMNS + " from institution_evaluation where fixmedins_code = ? "
                        + "and (cast(? as integer) is null or year = ?) order by year desc, version desc")
                .params(fixmedinsCode, year, year).query(ROW).list());
    }

    /** The institution's FINAL evaluations, newest year and version first (what the institution portal shows). */
    public List<Evaluation> finals(String fixmedinsCode) {
        return versions(fixmedinsCode, null).stream().filter(Evaluation::isFinal).toList();
    }

    /** The FINAL evaluation that counts for the institution's year: the latest final version. */
    public Optional<Evaluation> latestFinal(String fixmedinsCode, int year) {
        return versions(fixmedinsCode, year).stream().filter(Evaluation::isFinal).findFirst();
    }

    /** The latest version of each institution's evaluation of {@code year} (in the pooling region when given), by code. */
    public List<Evaluation> latest(int year, String poolingAdmdvs) {
        String pool = poolingAdmdvs == null || poolingAdmdvs.isBlank() ? null : poolingAdmdvs.strip();
        return withIndicators(jdbc.sql("select distinct on (fixmedins_code) " + COLUMNS + " from institution_evaluation where year = ? "
                        + "and (cast(? as varchar) is null or pooling_admdvs = ?) order by fixmedins_code, version desc")
                .params(year, pool, pool).query(ROW).list());
    }

    private Evaluation store(Institution inst, String pool, int year, Stays stays) {
        String code = inst.fixmedinsCode();
        lock(code);
        EvaluationResult r = policy.evaluate(inputs(inst, year, stays));
        Optional<Evaluation> draft = jdbc.sql("select " + COLUMNS + " from institution_evaluation where fixmedins_code = ? and year = ? "
                + "and status = 'DRAFT'").params(code, year).query(ROW).optional().map(e -> withIndicators(List.of(e)).get(0));
        String basis = basis(inst).name();
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        if (draft.isPresent()) {
            id = draft.get().id();
            jdbc.sql("""
                    update institution_evaluation set name = ?, kind = ?, level = ?, pooling_admdvs = ?, chronic_basis = ?, total = ?,
                        decision = ?, quota_adjustment = ?, quota_reason = ?, evaluated_at = ?, evaluated_by = ? where id = ?""")
                    .params(inst.name(), inst.kind(), inst.level(), pool, basis, r.total(), r.decision().name(), r.quotaAdjustment(),
                            r.quotaReason(), now, AuditTrail.currentActor(), id).update();
            jdbc.sql("delete from institution_evaluation_indicator where evaluation_id = ?").param(id).update();
        } else {
            int version = jdbc.sql("select coalesce(max(version), 0) + 1 from institution_evaluation where fixmedins_code = ? and year = ?")
                    .params(code, year).query(Integer.class).single();
            id = jdbc.sql("""
                    insert into institution_evaluation (fixmedins_code, year, version, status, name, kind, level, pooling_admdvs, chronic_basis,
                        total, decision, quota_adjustment, quota_reason, evaluated_at, evaluated_by)
                    values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(code, year, version, inst.name(), inst.kind(), inst.level(), pool, basis, r.total(), r.decision().name(),
                            r.quotaAdjustment(), r.quotaReason(), now, AuditTrail.currentActor())
                    .query(Long.class).single();
        }
        for (IndicatorScore s : r.scores()) {
            jdbc.sql("insert into institution_evaluation_indicator (evaluation_id, indicator, value, basis, score, points, no_data) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, s.indicator().name(), s.value(), s.basis(), s.score(), s.points(), s.noData()).update();
        }
        Evaluation after = get(id);
        audit.record(draft.isPresent() ? "REEVALUATE" : "EVALUATE", ENTITY, key(after), null, draft.orElse(null), after);
        return after;
    }

    /** The engine's inputs for the institution's year, read from every feed. */
    private EvaluationInputs inputs(Institution inst, int year, Stays stays) {
        String code = inst.fixmedinsCode();
        List<UploadCompliance.Day> days = compliance.history(code, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        int breaches = (int) days.stream().filter(UploadCompliance.Day::breach).count();
        int[] rx = reviews.counts(code, year);
        int[] sv = surveys.counts(code, year);
        EvaluationInputs.ChronicBasis basis = basis(inst);
        int registered = 0;
        int managed = 0;
        if (basis == EvaluationInputs.ChronicBasis.HYPERTENSION_MANAGEMENT) {
            ManagementRate rate = familyDoctors.managementRate(code, year);
            registered = rate.registered();
            managed = rate.managed();
        }
        Stays.Count own = stays.own(code);
        Stays.Count peers = stays.peersOf(code, inst.level());
        return new EvaluationInputs(basis, days.size(), breaches, rx[0], rx[1], registered, managed, own.stays(), own.days(),
                peers.stays(), peers.days(), sv[0], sv[1], violations.count(code, year));
    }

    /** R-INST-2: community centres by hypertension management, institutions with beds by length of stay. */
    static EvaluationInputs.ChronicBasis basis(Institution inst) {
        return "COMMUNITY".equals(inst.kind()) ? EvaluationInputs.ChronicBasis.HYPERTENSION_MANAGEMENT
                : EvaluationInputs.ChronicBasis.LENGTH_OF_STAY;
    }

    private String poolOf(Institution inst) {
        return regions.poolingRegionOf(inst.admdvs(), LocalDate.now(clock)).orElse(inst.admdvs());
    }

    private void checkYear(int year) {
        int current = LocalDate.now(clock).getYear();
        if (year < 2000 || year > current) {
            throw new InvalidInputException("year", "range", "a year from 2000 to this year (" + current + "); got " + year);
        }
    }

    private void lock(String code) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").params(LOCK_NAMESPACE, code).query(Object.class).single();
    }

    private List<Evaluation> withIndicators(List<Evaluation> list) {
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, List<Evaluation.Indicator>> by = new LinkedHashMap<>();
        jdbc.sql("select evaluation_id, indicator, value, basis, score, points, no_data from institution_evaluation_indicator "
                        + "where evaluation_id = any(?) order by evaluation_id")
                .param(list.stream().map(Evaluation::id).toArray(Long[]::new))
                .query(rs -> {
                    by.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Evaluation.Indicator(rs.getString(2),
                            rs.getBigDecimal(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBoolean(7)));
                });
        List<String> order = java.util.Arrays.stream(org.yibao.engine.evaluation.Indicator.values()).map(Enum::name).toList();
        return list.stream().map(e -> e.withIndicators(by.getOrDefault(e.id(), List.of()).stream()
                .sorted(java.util.Comparator.comparingInt(i -> order.indexOf(i.indicator()))).toList())).toList();
    }

    static String key(Evaluation e) {
        return e.fixmedinsCode() + "/" + e.year() + "/v" + e.version();
    }
}
