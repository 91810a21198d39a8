package org.yibao.server.payment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.caserecord.CaseRecord;
import org.yibao.engine.caserecord.CaseRecordQualityControl;
import org.yibao.engine.caserecord.Finding;
import org.yibao.engine.caserecord.QualityReport;
import org.yibao.engine.dip.DipCase;
import org.yibao.engine.dip.DipCatalogue;
import org.yibao.engine.dip.DipPayment;
import org.yibao.engine.drg.DrgTables;
import org.yibao.engine.drg.GrouperVersion;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.InstitutionLevel;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.ledger.LedgerAccount;
import org.yibao.server.payment.internal.CaseRecordJson;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.region.Region;
import org.yibao.server.region.Regions;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * DIP, 按病种分值付费 (R-PAY-3), for a pooling region whose inpatient payment is DIP (demo: 990200).
 *
 * <p>An administrator sets the year's budget, builds the year's catalogue from the region's history
 * (a new version each time, until the year is run) and, once the year is over, runs it: every inpatient
 * case of the year (persons insured in the region, treated at its institutions, discharged in the year,
 * with medical fees left after reversals) is either paid by DIP (group, deviation factor, level
 * coefficient, points; point value = budget ÷ the year's points) or by items — a case record with a
 * blocking quality-control finding (R-PAY-4) or a group the catalogue does not hold. The difference
 * between what the basic fund pays under DIP and what it paid item by item is posted per institution to the
 * region's ledger in the same transaction as the results, and cleared by {@link MonthlyClearing} as kind
 * {@code DIP}. A year is run once: asking again returns the stored run.
 */
@Service
public class DipPayments {

    public static final String BUDGET_ENTITY = "dip_budget";
    public static final String CATALOGUE_ENTITY = "dip_catalogue";
    public static final String RUN_ENTITY = "dip_run";
    static final String SOURCE_TYPE = "DIP";
    /** What numeric(16,2) holds. */
    static final BigDecimal MAX_BUDGET = new BigDecimal("99999999999999.99");

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Budget(String admdvs, int year, Money amount, Instant setAt, String setBy) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Group(String code, String kind, long cases, Money meanCost, BigDecimal score) {}

    /** A catalogue version, with its groups (core first, then comprehensive; by code). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Catalogue(String admdvs, int year, int version, int historyFrom, int historyTo, long cases, long excludedCases,
                            Money meanCost, Instant builtAt, String builtBy, List<Group> groups) {
        public long coreGroups() {
            return groups.stream().filter(g -> g.kind().equals("CORE")).count();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Run(int catalogueVersion, Money budget, BigDecimal totalPoints, BigDecimal pointValue, long cases, long dipCases,
                      long itemCases, Instant runAt, String runBy) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InstitutionResult(String fixmedinsCode, String name, Integer level, long cases, long dipCases, long itemCases,
                                    BigDecimal points, Money medfee, Money hifp, Money payment, Money fundPayment, Money adjustment,
                                    Long ledgerPostingId) {}

    /** One case of the run; the DIP columns are null for a case paid by items. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CaseResult(String mdtrtId, String fixmedinsCode, String insutype, Integer level, String diagnosisCode,
                             String procedureCode, String paidBy, String reason, String groupCode, Money medfee, Money hifp, String band,
                             BigDecimal ratio, BigDecimal factor, BigDecimal coefficient, BigDecimal points, Money payment,
                             Money fundPayment, Money adjustment) {}

    /** A region's year: budget, latest catalogue (without its groups), the run and its institutions. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Overview(String admdvs, int year, boolean yearOver, Budget budget, Catalogue catalogue, Run run,
                           List<InstitutionResult> institutions) {}

    /** A run in progress (RUNNING, with cases done of total), done (DONE) or not started (IDLE). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Progress(String state, long done, long total) {}

    /** One institution's year: its totals and every case. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InstitutionYear(String admdvs, int year, Run run, InstitutionResult result, List<CaseResult> cases) {}

    /** A case as read for DIP, with what quality control found. */
    private record Loaded(String mdtrtId, String fixmedinsCode, String insutype, int year, CaseRecord record, Money medfee, Money hifp) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Institutions institutions;
    private final Regions regions;
    private final FundLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, AtomicLongArray> running = new ConcurrentHashMap<>();
    private volatile CaseRecordQualityControl qualityControl;

    DipPayments(JdbcClient jdbc, JdbcTemplate batch, Institutions institutions, Regions regions, FundLedger ledger, AuditTrail audit,
                Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.institutions = institutions;
        this.regions = regions;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Pooling regions whose inpatient care is paid by DIP today. */
    public List<Region> dipRegions() {
        return regions.list(LocalDate.now(clock)).stream().filter(r -> "DIP".equals(r.inpatientPayment()) && r.isPooling()).toList();
    }

    public Overview overview(String admdvs, int year) {
        requireRegionAndYear(admdvs, year);
        return new Overview(admdvs, year, yearOver(year), budget(admdvs, year).orElse(null), catalogue(admdvs, year, false).orElse(null),
                storedRun(admdvs, year).orElse(null), institutionResults(admdvs, year, null));
    }

    /** Sets the year's budget (yuan, positive, at most 2 decimals) until the year is run; audited. */
    @Transactional
    public Overview setBudget(String admdvs, int year, BigDecimal amount) {
        requireRegionAndYear(admdvs, year);
        Checks c = new Checks();
        if (c.required("amount", amount) && (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > Money.SCALE
                || amount.compareTo(MAX_BUDGET) > 0)) {
            c.add("amount", "range", "the year's DIP budget in yuan: a positive amount with at most 2 decimals, at most "
                    + MAX_BUDGET.toPlainString() + " (got " + amount.toPlainString() + ")");
        }
        c.throwIfAny();
        lock(admdvs, year);
        requireNotRun(admdvs, year, "its budget stays as run");
        Optional<Budget> before = budget(admdvs, year);
        jdbc.sql("""
                insert into dip_budget (admdvs, year, amount, set_at, set_by) values (?, ?, ?, ?, ?)
                on conflict (admdvs, year) do update set amount = excluded.amount, set_at = excluded.set_at, set_by = excluded.set_by""")
                .params(admdvs, year, amount.setScale(Money.SCALE), Timestamp.from(clock.instant()), AuditTrail.currentActor()).update();
        audit.record("SET_BUDGET", BUDGET_ENTITY, admdvs + "/" + year, LocalDate.of(year, 1, 1), before.orElse(null),
                budget(admdvs, year).orElseThrow());
        return overview(admdvs, year);
    }

    /**
     * Builds a new catalogue version for the payment year from the history years {@code historyTo − 2 … historyTo}
     * (default: the three years before the payment year), leaving out cases with a blocking QC finding.
     */
    @Transactional
    public Catalogue buildCatalogue(String admdvs, int year, Integer historyTo) {
        requireRegionAndYear(admdvs, year);
        int to = historyTo == null ? year - 1 : historyTo;
        if (to > year || to < year - 10) {
            new Checks().add("history_to", "range", "the newest history year: at most the payment year " + year + " and at least "
                    + (year - 10) + " (got " + to + ")").throwIfAny();
        }
        lock(admdvs, year);
        requireNotRun(admdvs, year, "its catalogue stays as run");
        List<DipCase> history = new ArrayList<>();
        long excluded = 0;
        for (Loaded l : cases(admdvs, to - 2, to)) {
            if (qualityControl().check(l.record()).blocking() || CaseRecordJson.principalDiagnosis(l.record()) == null) {
                excluded++;
                continue;
            }
            history.add(dipCase(l));
        }
        if (history.isEmpty()) {
            throw new ConflictException("history_to", "no_history", "region " + admdvs + " has no inpatient case records of "
                    + (to - 2) + "–" + to + " to build a DIP catalogue from; choose other history years (history_to)");
        }
        DipCatalogue built = DipCatalogue.build(to, history);
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from dip_catalogue where admdvs = ? and year = ?")
                .params(admdvs, year).query(Integer.class).single();
        jdbc.sql("""
                insert into dip_catalogue (admdvs, year, version, history_to, cases, excluded_cases, mean_cost, built_at, built_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(admdvs, year, version, to, history.size(), excluded, built.meanCost().toBigDecimal(), Timestamp.from(clock.instant()),
                        AuditTrail.currentActor()).update();
        batch.batchUpdate("""
                insert into dip_catalogue_group (admdvs, year, version, code, kind, cases, mean_cost, score) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                built.groups().stream().map(g -> new Object[] {admdvs, year, version, g.code(), g.kind().name(), g.cases(),
                        g.meanCost().toBigDecimal(), g.score()}).toList());
        Catalogue stored = catalogue(admdvs, year, false).orElseThrow();
        audit.record("BUILD", CATALOGUE_ENTITY, admdvs + "/" + year, LocalDate.of(year, 1, 1), null, stored);
        return catalogue(admdvs, year, true).orElseThrow();
    }

    /** The latest catalogue version of the year, with or without its groups. */
    public Optional<Catalogue> catalogue(String admdvs, int year, boolean withGroups) {
        return jdbc.sql("""
                select version, history_to, cases, excluded_cases, mean_cost, built_at, built_by from dip_catalogue
                where admdvs = ? and year = ? order by version desc limit 1""")
                .params(admdvs, year)
                .query((rs, n) -> new Catalogue(admdvs, year, rs.getInt(1), rs.getInt(2) - 2, rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        Money.of(rs.getBigDecimal(5)), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        withGroups ? groups(admdvs, year, rs.getInt(1)) : List.of()))
                .optional();
    }

    private List<Group> groups(String admdvs, int year, int version) {
        return jdbc.sql("""
                select code, kind, cases, mean_cost, score from dip_catalogue_group where admdvs = ? and year = ? and version = ?
                order by kind desc, code""")
                .params(admdvs, year, version)
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getLong(3), Money.of(rs.getBigDecimal(4)),
                        rs.getBigDecimal(5)))
                .list();
    }

    public Progress progress(String admdvs, int year) {
        AtomicLongArray p = running.get(admdvs + "/" + year);
        if (p != null) {
            return new Progress("RUNNING", p.get(0), p.get(1));
        }
        return storedRun(admdvs, year).map(r -> new Progress("DONE", r.cases(), r.cases())).orElse(new Progress("IDLE", 0, 0));
    }

    /**
     * Runs the year once it is over: per-case points and payment, per-institution totals, and the adjustment
     * (DIP fund payment − item-based fund payment) posted to the ledger, all in one transaction. Asking again
     * returns the stored run and posts nothing.
     */
    @Transactional
    public Overview run(String admdvs, int year) {
        requireRegionAndYear(admdvs, year);
        if (!yearOver(year)) {
            throw new ConflictException("year", "not_over", "DIP pays " + year + " once the year is over (from " + LocalDate.of(year + 1, 1, 1)
                    + "): the point value needs the whole year's points");
        }
        lock(admdvs, year);
        if (storedRun(admdvs, year).isPresent()) {
            return overview(admdvs, year);
        }
        Money budget = budget(admdvs, year).map(Budget::amount).orElseThrow(() -> new ConflictException("budget", "no_budget",
                "set the " + year + " DIP budget of " + admdvs + " before the run (PUT …/budget)"));
        Catalogue cat = catalogue(admdvs, year, true).orElseThrow(() -> new ConflictException("catalogue", "no_catalogue",
                "build the " + year + " DIP catalogue of " + admdvs + " before the run (POST …/catalogue)"));
        DipCatalogue catalogue = DipCatalogue.of(cat.historyTo(), cat.meanCost(), cat.groups().stream()
                .map(g -> new DipCatalogue.Group(g.code(), DipCatalogue.Kind.valueOf(g.kind()), g.cases(), g.meanCost(), g.score())).toList());
        String key = admdvs + "/" + year;
        List<Loaded> cases = cases(admdvs, year, year);
        AtomicLongArray progress = new AtomicLongArray(new long[] {0, cases.size()});
        running.put(key, progress);
        try {
            return pay(admdvs, year, budget, cat.version(), catalogue, cases, progress);
        } finally {
            running.remove(key);
        }
    }

    private Overview pay(String admdvs, int year, Money budget, int catalogueVersion, DipCatalogue catalogue, List<Loaded> cases,
                         AtomicLongArray progress) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Map<String, Integer> levels = new TreeMap<>();
        // First pass: the group, deviation and points of every case paid by DIP; the reason of every other.
        List<Object[]> planned = new ArrayList<>();
        BigDecimal totalPoints = BigDecimal.ZERO;
        for (Loaded l : cases) {
            Integer level = levels.computeIfAbsent(l.fixmedinsCode(), c -> institutions.find(c, yearEnd).map(Institution::level).orElse(null));
            String reason = null;
            DipCatalogue.Group group = null;
            QualityReport qc = qualityControl().check(l.record());
            String dx = CaseRecordJson.principalDiagnosis(l.record());
            if (qc.blocking()) {
                reason = "QC " + String.join(",", qc.findings().stream().filter(f -> f.severity() == Finding.Severity.BLOCKING)
                        .map(Finding::rule).distinct().toList());
            } else if (dx == null || dx.length() < 3) {
                reason = "no principal diagnosis";
            } else if (level == null) {
                reason = "institution without a level";
            } else {
                group = catalogue.groupOf(dipCase(l)).orElse(null);
                if (group == null) {
                    reason = "group " + dipCase(l).coreCode() + " / " + dipCase(l).comprehensiveCode() + " not in catalogue v" + catalogueVersion;
                }
            }
            BigDecimal points = BigDecimal.ZERO;
            if (group != null) {
                DipPayment.Deviation d = DipPayment.deviation(l.medfee(), group.meanCost());
                points = DipPayment.points(group.score(), InstitutionLevel.of(level), d.factor());
                totalPoints = totalPoints.add(points);
            }
            planned.add(new Object[] {l, level, group, reason, points});
            // Quality control is most of the work: the progress counts it.
            progress.incrementAndGet(0);
        }
        if (totalPoints.signum() <= 0) {
            throw new ConflictException("year", "no_points", "no case of " + year + " in " + admdvs + " can be paid by DIP (" + cases.size()
                    + " cases, none in the catalogue with a clean case record): nothing to share the budget over");
        }
        BigDecimal pointValue = DipPayment.pointValue(budget, totalPoints);
        // Second pass: payments, per case and per institution.
        List<Object[]> rows = new ArrayList<>();
        Map<String, InstitutionTotals> byInstitution = new TreeMap<>();
        for (Object[] p : planned) {
            Loaded l = (Loaded) p[0];
            Integer level = (Integer) p[1];
            DipCatalogue.Group group = (DipCatalogue.Group) p[2];
            InstitutionTotals t = byInstitution.computeIfAbsent(l.fixmedinsCode(), c -> new InstitutionTotals(level));
            if (group == null) {
                rows.add(new Object[] {admdvs, year, l.mdtrtId(), l.fixmedinsCode(), l.insutype(), level, CaseRecordJson.principalDiagnosis(l.record()),
                        CaseRecordJson.mainProcedure(l.record()), "ITEMS", p[3], null, l.medfee().toBigDecimal(), l.hifp().toBigDecimal(), null,
                        null, null, null, BigDecimal.ZERO, null, l.hifp().toBigDecimal(), BigDecimal.ZERO});
                t.add(l, null, BigDecimal.ZERO, l.hifp(), Money.ZERO);
            } else {
                DipPayment.CaseResult r = DipPayment.settle(group, InstitutionLevel.of(level), l.medfee(), l.hifp(), pointValue);
                rows.add(new Object[] {admdvs, year, l.mdtrtId(), l.fixmedinsCode(), l.insutype(), level,
                        CaseRecordJson.principalDiagnosis(l.record()), CaseRecordJson.mainProcedure(l.record()), "DIP", null, group.code(),
                        l.medfee().toBigDecimal(), l.hifp().toBigDecimal(), r.deviation().band().name(), r.deviation().ratio(),
                        r.deviation().factor(), r.coefficient(), r.points(), r.payment().toBigDecimal(), r.fundPayment().toBigDecimal(),
                        r.adjustment().toBigDecimal()});
                t.add(l, r.payment(), r.points(), r.fundPayment(), r.adjustment());
            }
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into dip_run (admdvs, year, catalogue_version, budget, total_points, point_value, cases, dip_cases, item_cases, run_at, run_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(admdvs, year, catalogueVersion, budget.toBigDecimal(), totalPoints, pointValue, cases.size(),
                        planned.stream().filter(p -> p[2] != null).count(), planned.stream().filter(p -> p[2] == null).count(),
                        Timestamp.from(now), AuditTrail.currentActor())
                .update();
        batch.batchUpdate("""
                insert into dip_case_result (admdvs, year, mdtrt_id, fixmedins_code, insutype, level, diagnosis_code, procedure_code, paid_by,
                    reason, group_code, medfee, hifp, band, ratio, factor, coefficient, points, payment, fund_payment, adjustment)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        for (Map.Entry<String, InstitutionTotals> e : byInstitution.entrySet()) {
            InstitutionTotals t = e.getValue();
            Long posting = post(admdvs, year, e.getKey(), t, now);
            jdbc.sql("""
                    insert into dip_institution_result (admdvs, year, fixmedins_code, level, cases, dip_cases, item_cases, points, medfee, hifp,
                        payment, fund_payment, adjustment, ledger_posting_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(admdvs, year, e.getKey(), t.level, t.dipCases + t.itemCases, t.dipCases, t.itemCases, t.points,
                            t.medfee.toBigDecimal(), t.hifp.toBigDecimal(), t.payment.toBigDecimal(), t.fundPayment.toBigDecimal(),
                            t.adjustment().toBigDecimal(), posting)
                    .update();
        }
        audit.record("RUN", RUN_ENTITY, admdvs + "/" + year, LocalDate.of(year, 12, 31), null, storedRun(admdvs, year).orElseThrow());
        return overview(admdvs, year);
    }

    /**
     * The institution's adjustment in the region's ledger: the basic pool (by insutype) debited with what DIP
     * pays on top of the items (credited when it pays less), the institution's receivable the other side.
     */
    private Long post(String admdvs, int year, String code, InstitutionTotals t, Instant now) {
        if (t.adjustment().isZero()) {
            return null;
        }
        List<FundLedger.Entry> entries = new ArrayList<>();
        t.adjustmentByInsutype.forEach((insutype, amount) -> entries.add(new FundLedger.Entry(LedgerAccount.BASIC_POOL, insutype, amount)));
        entries.add(new FundLedger.Entry(LedgerAccount.INSTITUTION_RECEIVABLE, code, t.adjustment().negate()));
        return ledger.post(admdvs, SOURCE_TYPE, code + "/" + year, null, "DIP 年度清算 " + year, entries, now);
    }

    /** Running totals of one institution's cases. */
    private static final class InstitutionTotals {
        final Integer level;
        long dipCases;
        long itemCases;
        BigDecimal points = BigDecimal.ZERO;
        Money medfee = Money.ZERO;
        Money hifp = Money.ZERO;
        Money payment = Money.ZERO;
        Money fundPayment = Money.ZERO;
        final Map<String, Money> adjustmentByInsutype = new TreeMap<>();

        InstitutionTotals(Integer level) {
            this.level = level;
        }

        void add(Loaded l, Money dipPayment, BigDecimal casePoints, Money casefundPayment, Money adjustment) {
            if (dipPayment == null) {
                itemCases++;
            } else {
                dipCases++;
                payment = payment.plus(dipPayment);
            }
            points = points.add(casePoints);
            medfee = medfee.plus(l.medfee());
            hifp = hifp.plus(l.hifp());
            fundPayment = fundPayment.plus(casefundPayment);
            adjustmentByInsutype.merge(l.insutype(), adjustment, Money::plus);
        }

        Money adjustment() {
            return fundPayment.minus(hifp);
        }
    }

    /** An institution's year: its totals and every case; empty when the year has not been run or the institution had no case. */
    public Optional<InstitutionYear> institutionYear(String admdvs, int year, String fixmedinsCode) {
        requireRegionAndYear(admdvs, year);
        Optional<Run> run = storedRun(admdvs, year);
        List<InstitutionResult> result = institutionResults(admdvs, year, fixmedinsCode);
        if (run.isEmpty() || result.isEmpty()) {
            return Optional.empty();
        }
        List<CaseResult> cases = jdbc.sql("""
                select mdtrt_id, fixmedins_code, insutype, level, diagnosis_code, procedure_code, paid_by, reason, group_code, medfee, hifp,
                       band, ratio, factor, coefficient, points, payment, fund_payment, adjustment
                from dip_case_result where admdvs = ? and year = ? and fixmedins_code = ? order by mdtrt_id""")
                .params(admdvs, year, fixmedinsCode)
                .query((rs, n) -> new CaseResult(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4, Integer.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), Money.of(rs.getBigDecimal(10)),
                        Money.of(rs.getBigDecimal(11)), rs.getString(12), rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getBigDecimal(15),
                        rs.getBigDecimal(16), money(rs.getBigDecimal(17)), Money.of(rs.getBigDecimal(18)), Money.of(rs.getBigDecimal(19))))
                .list();
        return Optional.of(new InstitutionYear(admdvs, year, run.get(), result.get(0), cases));
    }

    /** The years in which an institution has DIP results (newest first), for the institution portal. */
    public List<Integer> yearsOf(String fixmedinsCode) {
        return jdbc.sql("select distinct year from dip_institution_result where fixmedins_code = ? order by 1 desc")
                .param(fixmedinsCode).query(Integer.class).list();
    }

    /** The pooling region of an institution's DIP results of a year, if any. */
    public Optional<String> regionOf(String fixmedinsCode, int year) {
        return jdbc.sql("select admdvs from dip_institution_result where fixmedins_code = ? and year = ?").params(fixmedinsCode, year)
                .query(String.class).optional().map(String::trim);
    }

    private List<InstitutionResult> institutionResults(String admdvs, int year, String code) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return jdbc.sql("""
                select fixmedins_code, level, cases, dip_cases, item_cases, points, medfee, hifp, payment, fund_payment, adjustment,
                       ledger_posting_id
                from dip_institution_result where admdvs = :admdvs and year = :year
                  and (cast(:code as varchar) is null or fixmedins_code = :code) order by fixmedins_code""")
                .param("admdvs", admdvs).param("year", year).param("code", code)
                .query((rs, n) -> new InstitutionResult(rs.getString(1), institutions.find(rs.getString(1), yearEnd).map(Institution::name)
                        .orElse(rs.getString(1)), (Integer) rs.getObject(2, Integer.class), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getBigDecimal(6), Money.of(rs.getBigDecimal(7)), Money.of(rs.getBigDecimal(8)), Money.of(rs.getBigDecimal(9)),
                        Money.of(rs.getBigDecimal(10)), Money.of(rs.getBigDecimal(11)), (Long) rs.getObject(12, Long.class)))
                .list();
    }

    private Optional<Budget> budget(String admdvs, int year) {
        return jdbc.sql("select amount, set_at, set_by from dip_budget where admdvs = ? and year = ?").params(admdvs, year)
                .query((rs, n) -> new Budget(admdvs, year, Money.of(rs.getBigDecimal(1)), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }

    private Optional<Run> storedRun(String admdvs, int year) {
        return jdbc.sql("""
                select catalogue_version, budget, total_points, point_value, cases, dip_cases, item_cases, run_at, run_by
                from dip_run where admdvs = ? and year = ?""")
                .params(admdvs, year)
                .query((rs, n) -> new Run(rs.getInt(1), Money.of(rs.getBigDecimal(2)), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .optional();
    }

    /**
     * Inpatient cases with a case record of persons insured in the region, treated at its institutions (the
     * region or a county inside it), discharged in {@code fromYear … toYear}, with their medical fees and the
     * basic pool's payment over all their settlements (reversals net out); a stay reversed to nothing is left out.
     */
    private List<Loaded> cases(String admdvs, int fromYear, int toYear) {
        return jdbc.sql("""
                select c.mdtrt_id, v.fixmedins_code, v.insutype, extract(year from coalesce(v.endtime, v.begntime))::int, c.record::text,
                       s.medfee, s.hifp
                from case_record c
                join visit v on v.mdtrt_id = c.mdtrt_id
                cross join lateral (select coalesce(sum(medfee_sumamt), 0) as medfee, coalesce(sum(hifp_pay), 0) as hifp
                                    from settlement x where x.mdtrt_id = c.mdtrt_id) s
                where v.kind = 'INPATIENT' and v.insured_admdvs = :admdvs
                  and v.treatment_admdvs in (select admdvs from region where pooling_admdvs = :admdvs and valid_to is null)
                  and coalesce(v.endtime, v.begntime) >= :from and coalesce(v.endtime, v.begntime) < :to
                  and s.medfee > 0
                order by c.mdtrt_id""")
                .param("admdvs", admdvs).param("from", LocalDate.of(fromYear, 1, 1).atStartOfDay())
                .param("to", LocalDate.of(toYear + 1, 1, 1).atStartOfDay())
                .query((rs, n) -> new Loaded(rs.getString(1), rs.getString(2), rs.getString(3).trim(), rs.getInt(4),
                        CaseRecordJson.read(rs.getString(5)), Money.of(rs.getBigDecimal(6)), Money.of(rs.getBigDecimal(7))))
                .list();
    }

    private static DipCase dipCase(Loaded l) {
        return new DipCase(l.mdtrtId(), l.year(), CaseRecordJson.principalDiagnosis(l.record()), CaseRecordJson.mainProcedure(l.record()),
                l.medfee());
    }

    private CaseRecordQualityControl qualityControl() {
        CaseRecordQualityControl qc = qualityControl;
        if (qc == null) {
            // R-PAY-4 against the CHS-DRG 1.1 dictionaries, as DRG checks its cases; loaded once.
            qc = new CaseRecordQualityControl(DrgTables.load(GrouperVersion.CHS_DRG_1_1));
            qualityControl = qc;
        }
        return qc;
    }

    private boolean yearOver(int year) {
        return LocalDate.now(clock).getYear() > year;
    }

    private void requireRegionAndYear(String admdvs, int year) {
        Checks c = new Checks();
        if (year < 2000 || year > 2100) {
            c.add("year", "range", "a year between 2000 and 2100 (got " + year + ")");
        }
        c.throwIfAny();
        Region region = regions.find(admdvs, LocalDate.now(clock)).orElseThrow(() -> new NotFoundException("region", admdvs));
        if (!"DIP".equals(region.inpatientPayment()) || !region.isPooling()) {
            c.add("admdvs", "dip_region", "region " + admdvs + " pays inpatient care by " + region.inpatientPayment()
                    + ", not DIP; DIP budgets, catalogues and runs are for a pooling region paid by DIP (e.g. 990200)");
        }
        c.throwIfAny();
    }

    private void requireNotRun(String admdvs, int year, String what) {
        if (storedRun(admdvs, year).isPresent()) {
            throw new ConflictException("year", "run", "DIP " + year + " of " + admdvs + " has been run; " + what);
        }
    }

    private void lock(String admdvs, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('dip'), hashtext(?))").param(admdvs + "/" + year).query((rs, n) -> 1).list();
    }

    private static Money money(BigDecimal v) {
        return v == null ? null : Money.of(v);
    }
}
