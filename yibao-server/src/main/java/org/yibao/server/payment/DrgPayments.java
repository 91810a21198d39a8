package org.yibao.server.payment;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.engine.caserecord.CaseRecord;
import org.yibao.engine.caserecord.QualityReport;
import org.yibao.engine.drg.GroupingResult;
import org.yibao.engine.drg.GroupingStatus;
import org.yibao.engine.drgpay.DrgPayment;
import org.yibao.engine.drgpay.DrgPaymentTerms;
import org.yibao.engine.drgpay.HistoryWeights;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.InstitutionLevel;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.ledger.LedgerAccount;
import org.yibao.server.payment.internal.CaseRecordJson;
import org.yibao.server.payment.internal.DrgSetup;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import tools.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * DRG payment (按病组付费, R-PAY-2) of a pooling region's month. The month's inpatient settlements at the
 * region's institutions (final settlements, not reversed) are taken with their 4101 case records: each record
 * is checked (R-PAY-4), grouped with the region's grouper version and paid by {@link DrgPayment} with the
 * region's weights table and, for groups without a published weight, weights from the region's own history
 * (every inpatient stay settled before the month). Per-case results and per-institution totals are stored and,
 * per institution, the adjustment (DRG − item-based fund payments) is posted to the fund ledger — the basic
 * pool of each insutype against the institution's receivable — in the same transaction; the monthly clearing
 * pays it out as kind {@code DRG}.
 *
 * <p>A month is run once, after it is over, by an administrator: a second run is refused (409
 * {@code already_run}); case records corrected and settlements reversed after the run are paid again (or the
 * DRG money withdrawn) in corrections rounds ({@link DrgCorrections}), which add results and never edit these;
 * {@link #month} shows each institution's figures as corrected beside the run's. The run stores the history it weighted
 * with, for them. The run works in the background; {@link #month} shows its progress.
 */
@Service
public class DrgPayments {

    public static final String ENTITY = "drg_payment";
    static final String SOURCE_TYPE = "DRG";
    private static final Logger LOG = LoggerFactory.getLogger(DrgPayments.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The history is every stay settled before the month (the demo history begins in 2023). */
    private static final LocalDateTime HISTORY_FROM = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** Where a month's run is. */
    public enum State { NOT_RUN, RUNNING, DONE, FAILED }

    /** A run's progress: cases paid of the month's cases (total 0 until they are loaded). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Progress(State state, int done, int total, String error) {}

    /**
     * One institution's month: the run's figures and, {@code corrected}, the same figures as the month stands
     * after its corrections rounds.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InstitutionMonth(String fixmedinsCode, String name, Integer level, int cases, int drgCases, int weightedCases,
                                   BigDecimal cmi, Money standardTotal, Money costTotal, Money itemFundTotal, Money drgFundTotal,
                                   Money surplus, Money adjustment, Long ledgerPostingId, @JsonUnwrapped(prefix = "corrected_") Figures corrected) {

        /** The run's figures, to show beside {@link #corrected}. */
        public Figures asRun() {
            return new Figures(cases, drgCases, weightedCases, cmi, standardTotal, costTotal, itemFundTotal, drgFundTotal, surplus, adjustment);
        }
    }

    /**
     * An institution's month as it stands: worked out from the latest result of each case (the run's, or its
     * latest corrections round's), never stored. A case whose stay is no longer settled counts for nothing.
     * Cases, cases paid by DRG, weighted cases, CMI (mean RW of the weighted cases, half-up to 4 decimals), the
     * standard and cost of the cases paid by DRG, both fund totals, the surplus and the adjustment (the run's plus
     * every round's difference).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Figures(int cases, int drgCases, int weightedCases, BigDecimal cmi, Money standardTotal, Money costTotal,
                          Money itemFundTotal, Money drgFundTotal, Money surplus, Money adjustment) {}

    /** A region's month: the run (when there is one), its progress and the institutions' totals. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Month(String admdvs, YearMonth month, Progress progress, String grouperVersion, String weights, Integer historyCases,
                        Instant runAt, String runBy, List<InstitutionMonth> institutions) {}

    /**
     * The payment of one case as it stands: the month's run ({@code round} 0) or, for a case whose record was
     * corrected after it, the latest corrections round, with the round it replaced and what the fund paid under it.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CaseResult(int round, Integer replacesRound, Money previousDrgFundPay, String setlId, String mdtrtId, String fixmedinsCode, String psnNo, String insutype, int level, String drg,
                             String adrg, String groupingStatus, JsonNode qcFindings, String method, String reason, String reasonText,
                             BigDecimal rw, String rwSource, Money standard, Money cost, Money itemFundPay, Money drgFundPay,
                             Money adjustment, Money surplus, String explanation, String currentSetlId) {}

    /**
     * The reason of a case's result that a corrections round gives a case whose settlement was reversed after the
     * month's run and not settled again (no longer settled): nothing is paid by DRG for it any more.
     */
    public static final String REVERSED = "REVERSED";

    /** The reason in words (Chinese), for a payment reason or {@link #REVERSED}. */
    static String reasonText(String reason) {
        return REVERSED.equals(reason) ? "结算已撤销（冲销），不再按病组支付" : DrgPayment.Reason.valueOf(reason).chinese();
    }

    /** An inpatient stay of a month with its case record (null when none) and the upload it came by. */
    record Stay(String setlId, String mdtrtId, String fixmedinsCode, String psnNo, String insutype, Integer level, Money cost,
                Money hifp, String record, String recordMsgid, Instant recordUploadedAt) {

        /** The stay under a case's key: a stay settled again keeps the setl_id its month's run paid. */
        Stay as(String caseSetlId) {
            return new Stay(caseSetlId, mdtrtId, fixmedinsCode, psnNo, insutype, level, cost, hifp, record, recordMsgid, recordUploadedAt);
        }
    }

    /** A stay paid: its group and QC report (null without a case record) and the payment. */
    record Paid(Stay stay, GroupingResult grouping, QualityReport qc, DrgPayment.Result result) {}

    private final JdbcClient jdbc;
    private final DrgSetup setup;
    private final Institutions institutions;
    private final FundLedger ledger;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, Progress> running = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drg-payment");
        t.setDaemon(true);
        return t;
    });

    DrgPayments(JdbcClient jdbc, DrgSetup setup, Institutions institutions, FundLedger ledger, AuditTrail audit,
                PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.setup = setup;
        this.institutions = institutions;
        this.ledger = ledger;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** The regions that pay by DRG (with DRG terms). */
    public List<String> regions() {
        return jdbc.sql("select admdvs from drg_region order by 1").query(String.class).list();
    }

    /** The month of a region: run (with its institutions), running, failed, or not run. */
    public Month month(String admdvs, YearMonth month) {
        requireRegion(admdvs);
        LocalDate first = month.atDay(1);
        Optional<Month> done = jdbc.sql("select grouper_version, weights, history_cases, cases, run_at, run_by from drg_payment_run "
                        + "where admdvs = ? and month = ?").params(admdvs, first)
                .query((rs, n) -> new Month(admdvs, month, new Progress(State.DONE, rs.getInt(4), rs.getInt(4), null), rs.getString(1),
                        rs.getString(2), rs.getInt(3), rs.getTimestamp(5).toInstant(), rs.getString(6), institutionMonths(admdvs, month)))
                .optional();
        if (done.isPresent()) {
            return done.get();
        }
        Progress p = running.getOrDefault(key(admdvs, month), new Progress(State.NOT_RUN, 0, 0, null));
        return new Month(admdvs, month, p, null, null, null, null, null, List.of());
    }

    /** An institution's month (of the region that paid it), with its figures as run and as corrected; empty before the run. */
    public Optional<InstitutionMonth> institutionMonth(String fixmedinsCode, YearMonth month) {
        return jdbc.sql("select admdvs from drg_payment_institution where fixmedins_code = ? and month = ? order by admdvs limit 1")
                .params(fixmedinsCode, month.atDay(1)).query(String.class).optional()
                .flatMap(admdvs -> institutionMonths(admdvs, month).stream().filter(i -> i.fixmedinsCode().equals(fixmedinsCode)).findFirst());
    }

    /**
     * Every case of an institution's month (of any region that paid it) as it stands: the latest corrections
     * round's result of a corrected case, else the run's; in settlement order.
     */
    public List<CaseResult> cases(String fixmedinsCode, YearMonth month) {
        String columns = "setl_id, mdtrt_id, fixmedins_code, psn_no, insutype, level, drg, adrg, grouping_status, qc_findings::text, method, "
                + "reason, rw, rw_source, standard, cost, item_fund_pay, drg_fund_pay, adjustment, surplus, explanation, ";
        return jdbc.sql("select distinct on (setl_id) * from (select 0 as round, null::smallint as replaces_round, "
                        + "null::numeric as previous_drg_fund_pay, " + columns + "setl_id as current_setl_id"
                        + " from drg_payment_case where fixmedins_code = :code and month = :month union all "
                        + "select round, replaces_round, previous_drg_fund_pay, " + columns + "current_setl_id"
                        + " from drg_correction_case where fixmedins_code = :code and month = :month) c order by setl_id, round desc")
                .param("code", fixmedinsCode).param("month", month.atDay(1))
                .query((rs, n) -> new CaseResult(rs.getInt(1), (Integer) rs.getObject(2, Integer.class),
                        rs.getBigDecimal(3) == null ? null : Money.of(rs.getBigDecimal(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13) == null ? null : JSON.readTree(rs.getString(13)), rs.getString(14), rs.getString(15),
                        reasonText(rs.getString(15)), rs.getBigDecimal(16), rs.getString(17),
                        Money.of(rs.getBigDecimal(18)), Money.of(rs.getBigDecimal(19)), Money.of(rs.getBigDecimal(20)),
                        Money.of(rs.getBigDecimal(21)), Money.of(rs.getBigDecimal(22)), Money.of(rs.getBigDecimal(23)), rs.getString(24),
                        rs.getString(25)))
                .list();
    }

    /**
     * Starts the month's run in the background (once the month is over, once per month); returns the month
     * with its progress.
     */
    public Month start(String admdvs, YearMonth month) {
        requireRegion(admdvs);
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new ConflictException("month", "not_over", "DRG payment for " + month + " is run once the month is over (from "
                    + month.plusMonths(1).atDay(1) + ")");
        }
        refuseIfRun(admdvs, month);
        String actor = AuditTrail.currentActor();
        String key = key(admdvs, month);
        Progress starting = new Progress(State.RUNNING, 0, 0, null);
        Progress previous = running.compute(key, (k, p) -> p != null && p.state() == State.RUNNING ? p : starting);
        if (previous != starting) {
            throw new ConflictException("month", "running", "DRG payment of " + admdvs + " for " + month + " is already running ("
                    + previous.done() + " of " + previous.total() + " cases)");
        }
        worker.submit(() -> {
            try {
                tx.executeWithoutResult(s -> run(admdvs, month, actor, key));
                running.remove(key);
            } catch (RuntimeException e) {
                LOG.warn("DRG payment of {} for {} failed", admdvs, month, e);
                running.put(key, new Progress(State.FAILED, 0, 0, e.getMessage()));
            }
        });
        return month(admdvs, month);
    }

    private void refuseIfRun(String admdvs, YearMonth month) {
        jdbc.sql("select run_at, run_by from drg_payment_run where admdvs = ? and month = ?").params(admdvs, month.atDay(1))
                .query((rs, n) -> rs.getTimestamp(1).toInstant() + " by " + rs.getString(2)).optional()
                .ifPresent(when -> {
                    throw new ConflictException("month", "already_run", "DRG payment of " + admdvs + " for " + month + " was run at " + when
                            + "; a month is paid once (its results and ledger postings stand)");
                });
    }

    private void run(String admdvs, YearMonth month, String actor, String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('drg_payment'), hashtext(?))").param(key).query((rs, n) -> 1).list();
        refuseIfRun(admdvs, month);
        DrgSetup.Region region = setup.region(admdvs).orElseThrow();
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();

        HistoryWeights weights = historyBefore(region, admdvs, month);
        DrgPayment payment = payment(region, weights);

        List<Stay> stays = new ArrayList<>();
        stays(admdvs, from, to, month.atEndOfMonth(), stays::add);
        running.put(key, new Progress(State.RUNNING, 0, stays.size(), null));
        LocalDate first = month.atDay(1);
        jdbc.sql("""
                insert into drg_payment_run (admdvs, month, grouper_version, weights, history_cases, cases, run_at, run_by,
                    history_cost_fen, history_min_cases)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(admdvs, first, region.version().name(), region.weights().name(), weights.cases(), stays.size(),
                        Timestamp.from(clock.instant()), actor, weights.totalFen(), weights.minCases())
                .update();
        weights.groups().forEach((drg, g) -> jdbc.sql("insert into drg_payment_history_group (admdvs, month, drg, cases, cost_fen) "
                + "values (?, ?, ?, ?, ?)").params(admdvs, first, drg, g.cases(), g.costFen()).update());
        Map<String, Totals> totals = new TreeMap<>();
        int n = 0;
        for (Stay s : stays) {
            Paid paid = pay(region, payment, s);
            jdbc.sql("insert into drg_payment_case (" + CASE_COLUMNS + ") values (" + CASE_VALUES + ")")
                    .params(caseParams(admdvs, first, paid)).update();
            totals.computeIfAbsent(s.fixmedinsCode(), k -> new Totals()).add(paid.result());
            n++;
            if (n % 100 == 0 || n == stays.size()) {
                running.put(key, new Progress(State.RUNNING, n, stays.size(), null));
            }
        }
        for (Map.Entry<String, Totals> e : totals.entrySet()) {
            store(admdvs, month, e.getKey(), e.getValue());
        }
        audit.recordAs(actor, "RUN", ENTITY, admdvs + "/" + month, month.atEndOfMonth(), null,
                Map.of("cases", stays.size(), "history_cases", weights.cases(), "grouper_version", region.version().name(),
                        "weights", region.weights().name(), "institutions", totals.size()));
    }

    /** The payment arithmetic of a region's month: its weights table and the history it weighted with. */
    static DrgPayment payment(DrgSetup.Region region, HistoryWeights history) {
        return new DrgPayment(region.weights(), history, DrgPaymentTerms.DEMO);
    }

    /**
     * The history weights of a month's run: as the run stored them, or — for a run stored before they were
     * (V93) — worked out again from the stays settled before the month.
     */
    HistoryWeights history(DrgSetup.Region region, String admdvs, YearMonth month) {
        LocalDate first = month.atDay(1);
        Optional<long[]> stored = jdbc.sql("select history_cases, history_cost_fen, history_min_cases from drg_payment_run "
                        + "where admdvs = ? and month = ? and history_cost_fen is not null").params(admdvs, first)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional();
        if (stored.isPresent()) {
            Map<String, HistoryWeights.Group> groups = new java.util.HashMap<>();
            jdbc.sql("select drg, cases, cost_fen from drg_payment_history_group where admdvs = ? and month = ?").params(admdvs, first)
                    .query((rs, n) -> groups.put(rs.getString(1), new HistoryWeights.Group(rs.getLong(2), rs.getLong(3)))).list();
            long[] h = stored.get();
            return HistoryWeights.restore(groups, h[0], h[1], (int) h[2]);
        }
        return historyBefore(region, admdvs, month);
    }

    /** The history of a month: every stay settled before it, grouped with its case record as it is now. */
    private HistoryWeights historyBefore(DrgSetup.Region region, String admdvs, YearMonth month) {
        HistoryWeights.Builder history = new HistoryWeights.Builder(DrgPaymentTerms.DEMO.minHistoryCases());
        stays(admdvs, HISTORY_FROM, month.atDay(1).atStartOfDay(), month.atEndOfMonth(),
                s -> history.add(s.record() == null ? null : successfulDrg(region, s), s.cost()));
        return history.build();
    }

    private static String successfulDrg(DrgSetup.Region region, Stay s) {
        GroupingResult g = region.grouper().group(CaseRecordJson.read(JSON.readTree(s.record())).toDrgCase());
        return g.status() == GroupingStatus.SUCCESS ? g.drg() : null;
    }

    /** Per institution: the month's sums, the adjustment by insutype (the basic pool's sub-accounts) and the RW sum for the CMI. */
    static final class Totals {
        int cases;
        int drgCases;
        int weighted;
        BigDecimal rwSum = BigDecimal.ZERO;
        Money standard = Money.ZERO;
        Money cost = Money.ZERO;
        Money itemFund = Money.ZERO;
        Money drgFund = Money.ZERO;
        Money surplus = Money.ZERO;
        final Map<String, Money> adjustmentByInsutype = new TreeMap<>();

        void add(DrgPayment.Result r) {
            cases++;
            if (r.weight() != null) {
                weighted++;
                rwSum = rwSum.add(r.weight().rw().toBigDecimal());
            }
            if (r.method() == DrgPayment.Method.DRG) {
                drgCases++;
                standard = standard.plus(r.standard());
                cost = cost.plus(r.cost());
                surplus = surplus.plus(r.surplus());
            }
            itemFund = itemFund.plus(r.itemFundPay());
            drgFund = drgFund.plus(r.drgFundPay());
            adjustmentByInsutype.merge(r.paid().insutype(), r.adjustment(), Money::plus);
        }
    }

    /** The stored columns of a case's result (drg_payment_case; drg_correction_case has them too) and their placeholders. */
    static final String CASE_COLUMNS = "admdvs, month, setl_id, mdtrt_id, fixmedins_code, psn_no, insutype, level, drg, adrg, mdc, "
            + "grouping_status, qc_findings, method, reason, rw, rw_source, standard, cost, item_fund_pay, drg_fund_pay, adjustment, "
            + "surplus, explanation, case_record_msgid";
    static final String CASE_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    /** The values of {@link #CASE_COLUMNS} for a paid stay. */
    static List<Object> caseParams(String admdvs, LocalDate first, Paid p) {
        Stay s = p.stay();
        GroupingResult g = p.grouping();
        DrgPayment.Result r = p.result();
        return new ArrayList<>(java.util.Arrays.asList(admdvs, first, s.setlId(), s.mdtrtId(), s.fixmedinsCode(), s.psnNo(), s.insutype(),
                s.level(), g == null ? null : g.drg(), g == null ? null : g.adrg(), g == null ? null : g.mdc(),
                g == null ? null : g.status().name(), p.qc() == null ? null : JSON.writeValueAsString(CaseRecordJson.findings(p.qc())),
                r.method().name(), r.reason().name(), r.weight() == null ? null : r.weight().rw().toBigDecimal(),
                r.weight() == null ? null : r.weight().source().name(), r.standard().toBigDecimal(), r.cost().toBigDecimal(),
                r.itemFundPay().toBigDecimal(), r.drgFundPay().toBigDecimal(), r.adjustment().toBigDecimal(),
                r.surplus().toBigDecimal(), r.explanation(), s.recordMsgid()));
    }

    /** Checks (R-PAY-4), groups and pays one stay. */
    static Paid pay(DrgSetup.Region region, DrgPayment payment, Stay s) {
        InstitutionLevel level = InstitutionLevel.of(s.level());
        GroupingResult g = null;
        QualityReport qc = null;
        if (s.record() != null) {
            CaseRecord record = CaseRecordJson.read(JSON.readTree(s.record()));
            qc = region.qualityControl().check(record);
            g = region.grouper().group(record.toDrgCase());
        }
        DrgPayment.Result r = payment.pay(new DrgPayment.Case(g == null ? null : g.drg(), g == null ? null : g.status(),
                qc != null && qc.blocking(), s.insutype(), level, s.cost(), s.hifp()));
        return new Paid(s, g, qc, r);
    }

    private void store(String admdvs, YearMonth month, String code, Totals t) {
        Money adjustment = t.drgFund.minus(t.itemFund);
        Long posting = null;
        if (t.adjustmentByInsutype.values().stream().anyMatch(m -> !m.isZero())) {
            List<FundLedger.Entry> entries = new ArrayList<>();
            t.adjustmentByInsutype.forEach((insutype, amount) -> entries.add(new FundLedger.Entry(LedgerAccount.BASIC_POOL, insutype, amount)));
            entries.add(new FundLedger.Entry(LedgerAccount.INSTITUTION_RECEIVABLE, code, adjustment.negate()));
            posting = ledger.post(admdvs, SOURCE_TYPE, code + "/" + month, null, "DRG 付费调整 " + month, entries, clock.instant());
        }
        BigDecimal cmi = t.weighted == 0 ? null : t.rwSum.divide(BigDecimal.valueOf(t.weighted), 4, RoundingMode.HALF_UP);
        jdbc.sql("""
                insert into drg_payment_institution (admdvs, month, fixmedins_code, cases, drg_cases, weighted_cases, cmi, standard_total,
                    cost_total, item_fund_total, drg_fund_total, surplus, adjustment, ledger_posting_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(admdvs, month.atDay(1), code, t.cases, t.drgCases, t.weighted, cmi, t.standard.toBigDecimal(), t.cost.toBigDecimal(),
                        t.itemFund.toBigDecimal(), t.drgFund.toBigDecimal(), t.surplus.toBigDecimal(), adjustment.toBigDecimal(), posting)
                .update();
    }

    private List<InstitutionMonth> institutionMonths(String admdvs, YearMonth month) {
        Map<String, Figures> corrected = corrected(admdvs, month);
        return jdbc.sql("""
                        select fixmedins_code, cases, drg_cases, weighted_cases, cmi, standard_total, cost_total, item_fund_total, drg_fund_total,
                               surplus, adjustment, ledger_posting_id
                        from drg_payment_institution where admdvs = ? and month = ? order by fixmedins_code""")
                .params(admdvs, month.atDay(1))
                .query((rs, n) -> {
                    Optional<Institution> i = institutions.find(rs.getString(1), month.atEndOfMonth());
                    return new InstitutionMonth(rs.getString(1), i.map(Institution::name).orElse(rs.getString(1)), i.map(Institution::level)
                            .orElse(null), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5), Money.of(rs.getBigDecimal(6)),
                            Money.of(rs.getBigDecimal(7)), Money.of(rs.getBigDecimal(8)), Money.of(rs.getBigDecimal(9)),
                            Money.of(rs.getBigDecimal(10)), Money.of(rs.getBigDecimal(11)), (Long) rs.getObject(12),
                            corrected.get(rs.getString(1)));
                })
                .list();
    }

    /** Per institution, the month's figures as they stand: from the latest result of each case. */
    private Map<String, Figures> corrected(String admdvs, YearMonth month) {
        return corrected(admdvs, month, month.plusMonths(1));
    }

    /**
     * Per institution, the figures of the region's months from {@code from} up to {@code to} (exclusive) as they
     * stand: from the latest result of each case (the analytics page's year).
     */
    public Map<String, Figures> corrected(String admdvs, YearMonth from, YearMonth to) {
        String columns = "fixmedins_code, method, reason, rw, standard, cost, item_fund_pay, drg_fund_pay, adjustment, surplus";
        Map<String, Figures> out = new TreeMap<>();
        jdbc.sql("select fixmedins_code, count(*) filter (where reason <> '" + REVERSED + "'), count(*) filter (where method = 'DRG'), "
                        + "count(rw), round(sum(rw) / nullif(count(rw), 0), 4), "
                        + "coalesce(sum(standard) filter (where method = 'DRG'), 0), coalesce(sum(cost) filter (where method = 'DRG'), 0), "
                        + "sum(item_fund_pay), sum(drg_fund_pay), coalesce(sum(surplus) filter (where method = 'DRG'), 0), sum(adjustment) "
                        + "from (select distinct on (setl_id) * from (select setl_id, 0 as round, " + columns
                        + " from drg_payment_case where admdvs = :admdvs and month >= :from and month < :to union all select setl_id, round, "
                        + columns + " from drg_correction_case where admdvs = :admdvs and month >= :from and month < :to) c "
                        + "order by setl_id, round desc) latest group by fixmedins_code")
                .param("admdvs", admdvs).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query((rs, n) -> out.put(rs.getString(1), new Figures(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5),
                        Money.of(rs.getBigDecimal(6)), Money.of(rs.getBigDecimal(7)), Money.of(rs.getBigDecimal(8)),
                        Money.of(rs.getBigDecimal(9)), Money.of(rs.getBigDecimal(10)), Money.of(rs.getBigDecimal(11)))))
                .list();
        return out;
    }

    /** A stay's columns (see {@link Stay}): the settlement {@code s}, its institution {@code i} and case record {@code c}. */
    private static final String STAY_COLUMNS = "s.setl_id, s.mdtrt_id, s.fixmedins_code, s.psn_no, s.insutype, i.level, s.medfee_sumamt, "
            + "s.hifp_pay, c.record::text, c.uploaded_msgid, c.uploaded_at";
    private static final String STAY_FROM = """

            from settlement s
            join visit v on v.mdtrt_id = s.mdtrt_id and v.kind = 'INPATIENT'
            join institution i on i.fixmedins_code = s.fixmedins_code and i.valid_from <= :asOf
                 and (i.valid_to is null or i.valid_to > :asOf)
            left join case_record c on c.mdtrt_id = s.mdtrt_id
            """;
    /** A settlement in force: final, not reversed, not a reversal. */
    private static final String IN_FORCE = "s.reverses_setl_id is null and s.reversed_by is null and not s.mid_setl_flag";

    /**
     * The inpatient stays settled at the region's institutions in [from, to): final settlements, not reversed,
     * with the case record when there is one and the institution's level on {@code asOf}; a stay an earlier
     * month's run paid is that month's case (its corrections rounds pay it again when it is settled again) and is
     * left out.
     */
    void stays(String admdvs, LocalDateTime from, LocalDateTime to, LocalDate asOf, java.util.function.Consumer<Stay> each) {
        jdbc.sql("select " + STAY_COLUMNS + STAY_FROM
                        + "join region g on g.admdvs = i.admdvs and g.valid_to is null\n"
                        + "where g.pooling_admdvs = :admdvs and i.level is not null and s.setl_time >= :from and s.setl_time < :to\n"
                        + "  and " + IN_FORCE + "\n"
                        + "  and not exists (select 1 from drg_payment_case p where p.mdtrt_id = s.mdtrt_id and p.month < cast(:from as date))\n"
                        + "order by s.setl_id")
                .param("admdvs", admdvs).param("asOf", asOf).param("from", from).param("to", to)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(stay(rs)));
    }

    /**
     * The stays of a month's cases as they are settled now, by case (the setl_id the run paid): the settlement in
     * force of the case's stay — its own, or the one that settled the stay again after a reversal, unless another
     * month's run paid that one. A case whose stay has no settlement in force is not in the map.
     */
    Map<String, Stay> settledNow(String admdvs, YearMonth month) {
        Map<String, Stay> out = new java.util.HashMap<>();
        jdbc.sql("select " + STAY_COLUMNS + ", p.setl_id" + STAY_FROM
                        + "join drg_payment_case p on p.mdtrt_id = s.mdtrt_id\n"
                        + "where p.admdvs = :admdvs and p.month = :month and " + IN_FORCE + "\n"
                        + "  and not exists (select 1 from drg_payment_case o where o.setl_id = s.setl_id and o.month <> p.month)\n"
                        + "order by s.setl_time")
                .param("admdvs", admdvs).param("asOf", month.atEndOfMonth()).param("month", month.atDay(1))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getString(12), stay(rs)));
        return out;
    }

    private static Stay stay(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stay(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5).trim(),
                rs.getInt(6), Money.of(rs.getBigDecimal(7)), Money.of(rs.getBigDecimal(8)), rs.getString(9), rs.getString(10),
                rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant());
    }

    void requireRegion(String admdvs) {
        if (admdvs == null || !regions().contains(admdvs)) {
            throw new InvalidInputException("admdvs", "not_drg", "region " + admdvs + " does not pay inpatient stays by DRG (DRG regions: "
                    + String.join(", ", regions()) + ")");
        }
    }

    static String key(String admdvs, YearMonth month) {
        return admdvs + "/" + month;
    }
}
