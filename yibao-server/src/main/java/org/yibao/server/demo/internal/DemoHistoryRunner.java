package org.yibao.server.demo.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.engine.benefit.Accumulators;
import org.yibao.engine.benefit.Catalogue;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.server.catalog.SettlementCatalogue;
import org.yibao.server.demo.DemoHistory;
import org.yibao.server.demo.DemoWorld;
import org.yibao.server.demo.internal.HistoryGenerator.Batch;
import org.yibao.server.demo.internal.HistoryGenerator.HistoryPerson;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.policy.PolicyBook;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the demo history (R-DEMO) straight into the database, in the background once the platform
 * is ready (readiness never waits for it): for each pooling region and year 2023–2025, batches of the
 * generated persons in {@code psn_no} order, each batch one transaction of {@code COPY}s that also
 * moves {@code demo_history_progress} forward. A restart resumes after the last committed batch; a
 * finished region-year is never written again.
 *
 * <p>What history touches: visits, fee lines, settlements with their funds and accumulator changes,
 * the yearly accumulators of 2023–2025, balanced ledger postings, and 4101 case records of inpatient
 * stays. It leaves out the named cast of DOMAIN §2 (their worked examples start from nothing) and
 * never moves a personal account (history pays no account, see {@link HistoryGenerator}).
 *
 * <p>The demo world's reference rows begin on {@link DemoWorld#VALID_FROM} (2025-01-01). Earlier
 * years are settled with the persons, institutions and catalogue as loaded (the catalogue is read as
 * of that first day when a line is older) and with each year's own policy file (2023 and 2024 carry
 * the numbers of 2025).
 */
@Component
class DemoHistoryRunner implements DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistoryRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final YibaoProperties properties;
    private final DemoHistoryProperties history;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PolicyBook policies;
    private final SettlementCatalogue catalogues;
    private final Clock clock;

    private volatile State state = State.WAITING;
    private volatile boolean stopping;
    private volatile Thread worker;

    DemoHistoryRunner(YibaoProperties properties, DemoHistoryProperties history, DataSource dataSource, JdbcClient jdbc,
                      PlatformTransactionManager transactionManager, PolicyBook policies, SettlementCatalogue catalogues,
                      Clock clock) {
        this.properties = properties;
        this.history = history;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.policies = policies;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.demo().enabled() || !history.enabled() || !worldLoaded()) {
            state = State.OFF;
            return;
        }
        Thread t = new Thread(this::runAll, "demo-history");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    /** Lets the batch in progress commit, then stops; the next start resumes. */
    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        stopping = true;
        Thread t = worker;
        if (t != null) {
            t.join(120_000);
        }
    }

    private boolean worldLoaded() {
        return jdbc.sql("select exists (select 1 from demo_world)").query(Boolean.class).single();
    }

    private void runAll() {
        state = State.RUNNING;
        long started = System.nanoTime();
        try {
            plan();
            for (Unit u : units()) {
                if (u.done()) {
                    continue;
                }
                long unitStarted = System.nanoTime();
                while (!stopping && step(u.admdvs(), u.year())) {
                    // one batch per transaction
                }
                if (stopping) {
                    log.info("Demo history stopped before {}/{} was finished; the next start resumes it", u.admdvs(), u.year());
                    state = State.WAITING;
                    return;
                }
                log.info("Demo history {}/{} written in {} ms", u.admdvs(), u.year(), (System.nanoTime() - unitStarted) / 1_000_000);
            }
            state = State.DONE;
            Progress p = progress();
            log.info("Demo history finished: {} region-years, {} settlements, in {} ms", p.unitsTotal(), p.settlements(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            if (stopping) {
                state = State.WAITING;
                log.info("Demo history interrupted by shutdown: {}", e.getMessage());
            } else {
                state = State.FAILED;
                log.error("Demo history failed; the next start resumes after the last committed batch", e);
            }
        }
    }

    // ---- progress ----

    private record Unit(String admdvs, int year, boolean done) {}

    /** One progress row per pooling region with generated persons and year (kept when already there). */
    void plan() {
        List<String> regions = jdbc.sql("select distinct insured_admdvs from person where " + GENERATED + " order by 1")
                .query(String.class).list();
        for (String admdvs : regions) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                jdbc.sql("""
                                insert into demo_history_progress (admdvs, year, persons_total)
                                select ?, ?, count(distinct psn_no) from person where insured_admdvs = ? and """ + GENERATED + """
                                 on conflict do nothing""")
                        .params(admdvs, year, admdvs).update();
            }
        }
    }

    private List<Unit> units() {
        return jdbc.sql("select admdvs, year, done from demo_history_progress order by year, admdvs")
                .query((rs, n) -> new Unit(rs.getString(1), rs.getInt(2), rs.getBoolean(3))).list();
    }

    @Override
    public Progress progress() {
        if (state == State.OFF) {
            return new Progress(State.OFF, 0, 0, null, 0);
        }
        return jdbc.sql("""
                        select count(*) filter (where done), count(*), coalesce(sum(settlements), 0),
                               min(case when not done then year || '/' || admdvs end)
                        from demo_history_progress""")
                .query((rs, n) -> {
                    int done = rs.getInt(1);
                    int total = rs.getInt(2);
                    String next = rs.getString(4);
                    String current = next == null ? null : next.substring(5) + "/" + next.substring(0, 4);
                    State s = state == State.RUNNING && total > 0 && done == total ? State.DONE : state;
                    return new Progress(s, done, total, s == State.RUNNING ? current : null, rs.getLong(3));
                })
                .single();
    }

    // ---- one batch ----

    /**
     * The generated persons of the demo world: loaded by the system, numbered from 1000 in their region
     * (the named cast uses 1…7), first version only so later edits do not change what history sees.
     */
    private static final String GENERATED =
            " recorded_by = 'system' and case when psn_no ~ '^[0-9]{20}$' then substr(psn_no, 7)::bigint >= 1000 else false end\n";

    private final Map<String, HistoryGenerator> generators = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Writes the next batch of a region-year in one transaction; false when the region-year is (now)
     * finished. Running it for a finished region-year writes nothing.
     */
    boolean step(String admdvs, int year) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            var row = jdbc.sql("select done, last_psn_no from demo_history_progress where admdvs = ? and year = ? for update")
                    .params(admdvs, year)
                    .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getString(2)}).optional();
            if (row.isEmpty() || (Boolean) row.get()[0]) {
                return false;
            }
            String after = (String) row.get()[1];
            List<HistoryPerson> persons = persons(admdvs, after == null ? "" : after, history.batchPersons());
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (persons.isEmpty()) {
                jdbc.sql("update demo_history_progress set done = true, finished_at = ?, started_at = coalesce(started_at, ?) where admdvs = ? and year = ?")
                        .params(now, now, admdvs, year).update();
                return false;
            }
            Batch b = generator(admdvs, year).generate(persons, accumulators(admdvs, year, persons));
            write(admdvs, year, b);
            jdbc.sql("""
                            update demo_history_progress set persons_done = persons_done + ?, last_psn_no = ?,
                                   settlements = settlements + ?, medfee_sumamt = medfee_sumamt + ?, refused = refused + ?,
                                   started_at = coalesce(started_at, ?)
                            where admdvs = ? and year = ?""")
                    .params(persons.size(), persons.get(persons.size() - 1).psnNo(), b.settlements().size(),
                            b.medfeeSum().toBigDecimal(), b.refused(), now, admdvs, year)
                    .update();
            return true;
        }));
    }

    HistoryGenerator generator(String admdvs, int year) {
        return generators.computeIfAbsent(admdvs + "/" + year, k -> {
            RegionPolicy policy = policies.policy(admdvs, year).orElseThrow(() -> new IllegalStateException(
                    "no policy of " + admdvs + " for " + year + ": the demo history needs policy/" + admdvs + "/" + year + ".yaml"));
            Catalogue live = catalogues.of(admdvs);
            // The demo catalogue begins on 2025-01-01: older lines are priced by its first version.
            Catalogue catalogue = (code, date) -> live.find(code, date.isBefore(DemoWorld.VALID_FROM) ? DemoWorld.VALID_FROM : date);
            return new HistoryGenerator(properties.demo().seed(), admdvs, year, policy, catalogue, institutions(admdvs),
                    items(admdvs), history.outpatientPerMille(), history.inpatientPerMille());
        });
    }

    /** Designated institutions (not pharmacies) of the pooling region and its counties, as loaded. */
    private List<HistoryGenerator.Institution> institutions(String pooling) {
        return jdbc.sql("""
                        select i.fixmedins_code, i.level, i.kind from institution i
                        where i.recorded_by = 'system' and i.valid_from = ? and i.level is not null and i.kind <> 'PHARMACY'
                          and coalesce((select r.pooling_admdvs from region r where r.admdvs = i.admdvs order by r.valid_from limit 1),
                                       i.admdvs) = ?
                        order by i.fixmedins_code""")
                .params(DemoWorld.VALID_FROM, pooling)
                .query((rs, n) -> new HistoryGenerator.Institution(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    /** Catalogue items a demo fee line may use: as loaded, without sex, age, level or indication limits. */
    private List<HistoryGenerator.Item> items(String pooling) {
        return jdbc.sql("""
                        select med_list_codg, med_chrgitm_type, price_cap, chronic_drug from catalogue_item
                        where admdvs = ? and recorded_by = 'system' and valid_from = ? and med_chrgitm_type is not null
                          and sex_restriction is null and min_age is null and max_age is null and min_inst_level is null
                          and indication is null and not non_disease and max_days_supplied is null
                        order by med_list_codg""")
                .params(pooling, DemoWorld.VALID_FROM)
                .query((rs, n) -> new HistoryGenerator.Item(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4)))
                .list();
    }

    List<HistoryPerson> persons(String admdvs, String after, int limit) {
        record Row(String psnNo, String insutype, String psnType, String gend, LocalDate brdy) {}
        List<Row> rows = jdbc.sql("""
                        select distinct on (psn_no) psn_no, insutype, psn_type, gend, brdy from person
                        where insured_admdvs = ? and psn_no > ? and """ + GENERATED + """
                        order by psn_no, valid_from limit ?""")
                .params(admdvs, after, limit)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] psnNos = rows.stream().map(Row::psnNo).toArray(String[]::new);
        Map<String, List<HistoryGenerator.Dated>> identities = new HashMap<>();
        jdbc.sql("select psn_no, psn_idet_type, begin_date, end_date from person_identity where psn_no = any(?) order by psn_no, begin_date, psn_idet_type")
                .param(psnNos)
                .query(rs -> {
                    identities.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new HistoryGenerator.Dated(
                            rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
                });
        Map<String, List<HistoryGenerator.Recognised>> recognitions = new HashMap<>();
        jdbc.sql("""
                        select psn_no, dise_key, dise_codg, begin_date, end_date from chronic_recognition
                        where psn_no = any(?) and cancelled_at is null order by psn_no, dise_key, begin_date""")
                .param(psnNos)
                .query(rs -> {
                    recognitions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new HistoryGenerator.Recognised(
                            rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
                });
        List<HistoryPerson> persons = new ArrayList<>(rows.size());
        for (Row r : rows) {
            persons.add(new HistoryPerson(r.psnNo(), r.insutype(), r.psnType(), r.gend(), r.brdy(),
                    identities.getOrDefault(r.psnNo(), List.of()), recognitions.getOrDefault(r.psnNo(), List.of())));
        }
        return persons;
    }

    /** The persons' accumulators of the year before the batch (none unless something else settled in that year). */
    private Map<String, Accumulators> accumulators(String admdvs, int year, List<HistoryPerson> persons) {
        Map<String, Map<String, Money>> raw = new TreeMap<>();
        jdbc.sql("select psn_no, cum_key, amount from accumulator where admdvs = ? and year = ? and psn_no = any(?)")
                .params(admdvs, year, persons.stream().map(HistoryPerson::psnNo).toArray(String[]::new))
                .query(rs -> {
                    raw.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), Money.of(rs.getBigDecimal(3)));
                });
        Map<String, Accumulators> result = new HashMap<>();
        raw.forEach((psn, m) -> result.put(psn, Accumulators.fromKeys(m)));
        return result;
    }

    // ---- writing ----

    private static OffsetDateTime at(LocalDateTime t) {
        return t.atOffset(CHINA);
    }

    private static BigDecimal d(Money m) {
        return m.toBigDecimal();
    }

    private void write(String admdvs, int year, Batch b) {
        List<Long> postingIds = b.postings().isEmpty() ? List.of()
                : jdbc.sql("select nextval('ledger_posting_id_seq') from generate_series(1, ?)").param(b.postings().size())
                        .query(Long.class).list();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (TableCopy t = new TableCopy(copy, "visit", "mdtrt_id", "fixmedins_code", "psn_no", "insutype", "insured_admdvs",
                    "treatment_admdvs", "kind", "status", "med_type", "begntime", "endtime", "dise_codg", "dise_name", "dscg_way",
                    "created_msgid", "created_at", "updated_at")) {
                for (var v : b.visits()) {
                    t.row(v.mdtrtId(), v.fixmedinsCode(), v.psnNo(), v.insutype(), admdvs, admdvs, v.kind(), "SETTLED", v.medType(),
                            v.begntime(), v.endtime(), v.diseCodg(), v.diseName(), v.dscgWay(), HistoryGenerator.MSGID,
                            at(v.begntime()), at(v.endtime()));
                }
            }
            try (TableCopy t = new TableCopy(copy, "fee_line", "mdtrt_id", "feedetl_sn", "med_list_codg", "fee_ocur_time", "cnt",
                    "pric", "det_item_fee_sumamt", "pric_uplmt_amt", "selfpay_prop", "fulamt_ownpay_amt", "overlmt_amt",
                    "preselfpay_amt", "inscp_scp_amt", "chrgitm_lv", "lmt_used_flag", "result_memo", "setl_id", "uploaded_msgid",
                    "uploaded_at")) {
                for (var f : b.fees()) {
                    var l = f.line();
                    t.row(f.mdtrtId(), l.feedetlSn(), l.medListCodg(), f.time(), l.cnt().toBigDecimal(), l.pric().toBigDecimal(),
                            d(l.sumamt()), l.pricUplmtAmt() == null ? null : l.pricUplmtAmt().toBigDecimal(),
                            l.selfpayProp().toBigDecimal(), d(l.fulamtOwnpayAmt()), d(l.overlmtAmt()), d(l.preselfpayAmt()),
                            d(l.inscpScpAmt()), l.chrgitmLv(), l.lmtUsedFlag(), l.memo().isEmpty() ? null : truncate(l.memo(), 300),
                            f.setlId(), HistoryGenerator.MSGID, at(f.time()));
                }
            }
            try (TableCopy t = new TableCopy(copy, "settlement", "setl_id", "mdtrt_id", "psn_no", "fixmedins_code", "insured_admdvs",
                    "treatment_admdvs", "insutype", "psn_type", "med_type", "clr_type", "setl_time", "year", "medfee_sumamt",
                    "fulamt_ownpay_amt", "overlmt_selfpay", "preselfpay_amt", "inscp_scp_amt", "act_pay_dedc", "hifp_pay",
                    "pool_prop_selfpay", "cvlserv_pay", "hifes_pay", "hifmi_pay", "hifob_pay", "maf_pay", "oth_pay",
                    "fund_pay_sumamt", "psn_part_amt", "acct_pay", "psn_cash_pay", "hosp_part_amt", "balc", "acct_mulaid_pay",
                    "medins_setl_id", "setl_proc_info", "recorded_at")) {
                for (var s : b.settlements()) {
                    var i = s.info();
                    t.row(s.setlId(), s.mdtrtId(), s.psnNo(), s.fixmedinsCode(), admdvs, admdvs, s.insutype(), s.psnType(),
                            s.medType(), s.clrType(), s.setlTime(), year, d(i.medfeeSumamt()), d(i.fulamtOwnpayAmt()),
                            d(i.overlmtSelfpay()), d(i.preselfpayAmt()), d(i.inscpScpAmt()), d(i.actPayDedc()), d(i.hifpPay()),
                            i.poolPropSelfpay().toBigDecimal(), d(i.cvlservPay()), d(i.hifesPay()), d(i.hifmiPay()),
                            d(i.hifobPay()), d(i.mafPay()), d(i.othPay()), d(i.fundPaySumamt()), d(i.psnPartAmt()), d(i.acctPay()),
                            d(i.psnCashPay()), d(i.hospPartAmt()), d(i.balc()), d(i.acctMulaidPay()),
                            HistoryGenerator.MSGID + ":" + s.setlId(), s.procInfo(), at(s.setlTime()));
                }
            }
            try (TableCopy t = new TableCopy(copy, "settlement_fund", "setl_id", "seq", "fund_pay_type", "inscp_scp_amt",
                    "crt_payb_lmt_amt", "fund_payamt", "fund_pay_type_name", "setl_proc_info")) {
                for (var f : b.funds()) {
                    var x = f.detail();
                    t.row(f.setlId(), f.seq(), x.fundPayType(), d(x.inscpScpAmt()),
                            x.crtPaybLmtAmt() == null ? null : d(x.crtPaybLmtAmt()), d(x.fundPayamt()), x.fundPayTypeName(),
                            x.setlProcInfo().toString());
                }
            }
            Map<String, Money> totals = new TreeMap<>();
            try (TableCopy t = new TableCopy(copy, "settlement_accumulation", "setl_id", "cum_key", "amount")) {
                for (var a : b.accumulations()) {
                    t.row(a.setlId(), a.cumKey(), d(a.amount()));
                    totals.merge(a.psnNo() + "\t" + a.cumKey(), a.amount(), Money::plus);
                }
            }
            try (TableCopy t = new TableCopy(copy, "ledger_posting", "id", "admdvs", "posted_at", "source_type", "source_id", "memo")) {
                for (int i = 0; i < b.postings().size(); i++) {
                    var p = b.postings().get(i);
                    t.row(postingIds.get(i), admdvs, at(p.at()), "SETTLEMENT", p.setlId(), "结算 " + p.mdtrtId() + "（历史）");
                }
            }
            // One COPY: the balance trigger checks every posting after it.
            try (TableCopy t = new TableCopy(copy, "ledger_entry", "posting_id", "line", "account", "sub_account", "amount")) {
                for (int i = 0; i < b.postings().size(); i++) {
                    int line = 0;
                    for (FundLedger.Entry e : b.postings().get(i).entries()) {
                        t.row(postingIds.get(i), ++line, e.account().name(), e.subAccount(), d(e.amount()));
                    }
                }
            }
            try (TableCopy t = new TableCopy(copy, "case_record", "mdtrt_id", "setl_id", "psn_no", "fixmedins_code", "infno",
                    "record", "uploaded_at", "uploaded_msgid")) {
                for (var c : b.cases()) {
                    t.row(c.mdtrtId(), c.setlId(), c.psnNo(), c.fixmedinsCode(), "4101", JSON.writeValueAsString(c.record()),
                            at(c.at()), HistoryGenerator.MSGID);
                }
            }
            if (!totals.isEmpty()) {
                List<String> psns = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                List<BigDecimal> amounts = new ArrayList<>();
                totals.forEach((k, v) -> {
                    int tab = k.indexOf('\t');
                    psns.add(k.substring(0, tab));
                    keys.add(k.substring(tab + 1));
                    amounts.add(v.toBigDecimal());
                });
                jdbc.sql("""
                                insert into accumulator (psn_no, admdvs, year, cum_key, amount)
                                select p, ?, ?, k, a from unnest(?, ?, ?) as t(p, k, a)
                                on conflict (psn_no, admdvs, year, cum_key) do update set amount = accumulator.amount + excluded.amount""")
                        .params(admdvs, year, psns.toArray(String[]::new), keys.toArray(String[]::new),
                                amounts.toArray(BigDecimal[]::new))
                        .update();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the demo history of " + admdvs + "/" + year + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
