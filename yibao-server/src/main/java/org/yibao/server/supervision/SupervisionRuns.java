package org.yibao.server.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.Evidence;
import org.yibao.engine.supervision.Finding;
import org.yibao.engine.supervision.Stage;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.reference.Checks;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The run after settlement (事后监管, R-SUP-2, R-SUP-6): for a region and a period of settlement days,
 * the settlements not analysed before are fed to the engine's {@link Stage#POST} rules with the
 * persons' other visits of the rules' windows as history, and the institution indicators are
 * recomputed for the quarters they fall in. Each finding becomes a warning (线索) with its evidence,
 * unique per rule and subject, so a re-run (or a run of an overlapping period) finds nothing twice.
 * Work is committed in batches of persons; the run's row shows the progress as it goes.
 */
@Service
public class SupervisionRuns {

    public static final String ENTITY = "supervision_run";
    private static final Logger log = LoggerFactory.getLogger(SupervisionRuns.class);
    /** Settlements per committed batch (a person's settlements stay in one batch). */
    static final int BATCH = 2000;
    /** How far back a person's visits are read as history: the longest window (90 days) with margin. */
    static final int LOOK_BACK_DAYS = 120;
    /** The longest period one run takes. */
    static final int MAX_DAYS = 366;

    /** A run as stored: its progress while it runs. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Run(long id, String admdvs, LocalDate periodFrom, LocalDate periodTo, String trigger, String state, int settlementsTotal,
                      int settlementsDone, int warningsFound, String error, Instant startedAt, String startedBy, Instant finishedAt) {
        /** Per cent done, 0–100. */
        public int percent() {
            return settlementsTotal == 0 ? (finishedAt == null ? 0 : 100) : (int) (100L * settlementsDone / settlementsTotal);
        }
    }

    private static final String COLUMNS = "id, admdvs, period_from, period_to, trigger, state, settlements_total, settlements_done, "
            + "warnings_found, error, started_at, started_by, finished_at";
    private static final RowMapper<Run> ROW = (rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10),
            rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant());

    /** A settlement to analyse: new (every rule), or analysed before ({@code again}: only the stale rules re-run). */
    private record NewSettlement(String setlId, String mdtrtId, String psnNo, LocalDate month, LocalDate begin, boolean again) {}

    /** What one run analyses with: the knowledge base it began with, the stale rules it re-runs and what they found. */
    private record Work(Run run, KnowledgeBaseInForce.State kb, Set<String> stale, Set<String> found) {
        void found(Finding f, String subject) {
            if (stale.contains(f.ruleId())) {
                found.add(f.ruleId() + "|" + subject);
            }
        }
    }

    private final JdbcClient jdbc;
    private final KnowledgeBaseInForce inForce;
    private final org.yibao.server.supervision.internal.SettledVisits visits;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Clock clock;
    /** One background run at a time (the console's button); daemon, so it never holds the platform up. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "supervision-run");
        t.setDaemon(true);
        return t;
    });

    SupervisionRuns(JdbcClient jdbc, KnowledgeBaseInForce inForce, org.yibao.server.supervision.internal.SettledVisits visits,
                    TransactionTemplate tx, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.inForce = inForce;
        this.visits = visits;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Run> recent(String admdvs, int limit) {
        return jdbc.sql("select " + COLUMNS + " from supervision_run where (cast(? as varchar) is null or admdvs = ?) order by id desc limit ?")
                .params(admdvs, admdvs, limit).query(ROW).list();
    }

    public java.util.Optional<Run> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from supervision_run where id = ?").param(id).query(ROW).optional();
    }

    /**
     * Runs the rules over the region's settlements of {@code [from, to]} not analysed before and returns
     * the finished run. Bad input (unknown region, period reversed, in the future or over a year) is
     * refused before anything is written.
     */
    public Run run(String admdvs, LocalDate from, LocalDate to, String trigger) {
        KnowledgeBaseInForce.State kb = inForce.current();
        return finish(begin(admdvs, from, to, trigger, kb), kb);
    }

    /**
     * Like {@link #run}, but answers the run as soon as it is recorded (RUNNING) and analyses in the
     * background, one run at a time; its row shows the progress (the console's button).
     */
    public Run start(String admdvs, LocalDate from, LocalDate to, String trigger) {
        KnowledgeBaseInForce.State kb = inForce.current();
        Run started = begin(admdvs, from, to, trigger, kb);
        background.execute(() -> {
            try {
                finish(started, kb);
            } catch (RuntimeException e) {
                log.warn("supervision run {} failed: {}", started.id(), e.getMessage());
            }
        });
        return started;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private Run begin(String admdvs, LocalDate from, LocalDate to, String trigger, KnowledgeBaseInForce.State kb) {
        LocalDate today = LocalDate.now(clock);
        Checks c = new Checks();
        if (c.admdvsFormat("admdvs", admdvs) && jdbc.sql("select count(*) from region where admdvs = ? and valid_to is null")
                .param(admdvs).query(Long.class).single() == 0) {
            c.add("admdvs", "exists", "no region " + admdvs + "; give a pooling region such as 990100");
        }
        if (c.required("from", from) & c.required("to", to)) {
            if (to.isBefore(from)) {
                c.add("to", "after_from", "the period ends (" + to + ") before it begins (" + from + ")");
            } else if (to.toEpochDay() - from.toEpochDay() >= MAX_DAYS) {
                c.add("to", "max_period", "one run takes at most " + MAX_DAYS + " days; split the period");
            }
            if (from.isAfter(today)) {
                c.add("from", "not_future", "the period begins after today (" + today + "): nothing is settled yet");
            }
        }
        c.throwIfAny();
        String actor = AuditTrail.currentActor();
        return tx.execute(s -> {
            Run r = jdbc.sql("insert into supervision_run (admdvs, period_from, period_to, trigger, rule_set_sha, state, started_at, started_by) "
                            + "values (?, ?, ?, ?, ?, 'RUNNING', ?, ?) returning " + COLUMNS)
                    .params(admdvs, from, to, trigger, kb.ruleSetSha(), Timestamp.from(clock.instant()), actor).query(ROW).single();
            audit.recordAs(actor, "START", ENTITY, String.valueOf(r.id()), from, null, r);
            return r;
        });
    }

    private Run finish(Run started, KnowledgeBaseInForce.State kb) {
        try {
            analyse(started, started.periodFrom(), started.periodTo(), kb);
        } catch (RuntimeException e) {
            tx.executeWithoutResult(s -> jdbc.sql("update supervision_run set state = 'FAILED', error = ?, finished_at = ? where id = ?")
                    .params(String.valueOf(e.getMessage()), Timestamp.from(clock.instant()), started.id()).update());
            throw e;
        }
        return tx.execute(s -> {
            jdbc.sql("update supervision_run set state = 'FINISHED', finished_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), started.id()).update();
            Run done = find(started.id()).orElseThrow();
            audit.recordAs(started.startedBy(), "FINISH", ENTITY, String.valueOf(done.id()), started.periodFrom(), started, done);
            return done;
        });
    }

    private void analyse(Run run, LocalDate from, LocalDate to, KnowledgeBaseInForce.State kb) {
        // Rules new or changed since the region's last run are re-evaluated over every settlement analysed before.
        Set<String> stale = new LinkedHashSet<>(jdbc.sql("select rule_id from supervision_rule_stale where admdvs = ? and kb_version <= ?")
                .params(run.admdvs(), kb.kbVersion()).query(String.class).list());
        stale.retainAll(kb.engine().ids());
        Work work = new Work(run, kb, Set.copyOf(stale), java.util.concurrent.ConcurrentHashMap.newKeySet());
        // Two branches, so that the usual incremental run (nothing stale) still selects by settlement time
        // through its index instead of reading every settlement of the region.
        String settlements = """
                select s.setl_id, s.mdtrt_id, s.psn_no, s.setl_time, v.begntime, %s as again
                from settlement s join visit v on v.mdtrt_id = s.mdtrt_id
                where s.reverses_setl_id is null and s.reversed_by is null
                  and s.treatment_admdvs in (select r.admdvs from region r where r.valid_to is null and (r.admdvs = ? or r.pooling_admdvs = ?))
                  and %s""";
        String newOnes = settlements.formatted("false",
                "s.setl_time >= ? and s.setl_time < ? and not exists (select 1 from supervision_analysed a where a.setl_id = s.setl_id)");
        String analysedBefore = settlements.formatted("true", "exists (select 1 from supervision_analysed a where a.setl_id = s.setl_id)");
        List<Object> params = new ArrayList<>(List.of(run.admdvs(), run.admdvs(), Timestamp.valueOf(from.atStartOfDay()),
                Timestamp.valueOf(to.plusDays(1).atStartOfDay())));
        if (!stale.isEmpty()) {
            params.addAll(List.of(run.admdvs(), run.admdvs()));
        }
        List<NewSettlement> pending = jdbc.sql("select setl_id, mdtrt_id, psn_no, date_trunc('month', setl_time)::date, begntime::date, again from ("
                        + newOnes + (stale.isEmpty() ? "" : "\nunion all\n" + analysedBefore) + ") p order by psn_no, setl_time, setl_id")
                .params(params)
                .query((rs, n) -> new NewSettlement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getBoolean(6)))
                .list();
        tx.executeWithoutResult(s -> {
            jdbc.sql("update supervision_run set settlements_total = ? where id = ?").params(pending.size(), run.id()).update();
            // A warning about a settlement reversed since is withdrawn (kept, not deleted), unless a case already took it.
            jdbc.sql("""
                    update supervision_warning w set state = 'WITHDRAWN' where w.admdvs = ? and w.state = 'OPEN'
                      and exists (select 1 from settlement s where s.setl_id = w.setl_id and s.reversed_by is not null)""")
                    .param(run.admdvs()).update();
        });
        // Quarters of new settlements: every indicator; quarters only re-evaluated: the stale indicators.
        TreeSet<LocalDate> quarters = new TreeSet<>();
        TreeSet<LocalDate> quartersAgain = new TreeSet<>();
        List<List<NewSettlement>> batches = new ArrayList<>();
        List<NewSettlement> batch = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            NewSettlement s = pending.get(i);
            batch.add(s);
            (s.again() ? quartersAgain : quarters).add(quarterStart(s.begin()));
            boolean personEnds = i + 1 == pending.size() || !pending.get(i + 1).psnNo().equals(s.psnNo());
            if (personEnds && batch.size() >= BATCH || i + 1 == pending.size()) {
                batches.add(List.copyOf(batch));
                batch.clear();
            }
        }
        quartersAgain.removeAll(quarters);
        // A person's settlements are all in one batch, so batches share no person, visit or warning subject: they run on
        // every core, each in a transaction of its own (reading, the rules, the warnings, the progress).
        inParallel(batches, b -> tx.executeWithoutResult(t -> analyseBatch(work, b)));
        for (LocalDate q : quarters) {
            tx.executeWithoutResult(t -> indicators(work, q, Set.of()));
        }
        Set<String> staleIndicators = new LinkedHashSet<>(stale);
        staleIndicators.retainAll(kb.engine().ruleIds(org.yibao.engine.supervision.Shape.INSTITUTION));
        if (!staleIndicators.isEmpty()) {
            for (LocalDate q : quartersAgain) {
                tx.executeWithoutResult(t -> indicators(work, q, staleIndicators));
            }
        }
        if (!stale.isEmpty()) {
            tx.executeWithoutResult(t -> withdrawNoLongerFound(work));
        }
    }

    /**
     * After the stale rules were re-evaluated over the region's settlements: their OPEN warnings they no longer
     * find are withdrawn with the reason (a warning in a case, dismissed or withdrawn stays as it is), and the
     * rules are no longer stale for the region.
     */
    private void withdrawNoLongerFound(Work work) {
        String reason = "no longer found under knowledge base version " + work.kb().kbVersion();
        int withdrawn = 0;
        for (String rule : work.stale()) {
            List<Map.Entry<Long, String>> open = jdbc.sql("""
                            select w.id, w.subject_key from supervision_warning w where w.rule_id = ? and w.state = 'OPEN'
                              and (w.admdvs = ? or w.admdvs in (select r.admdvs from region r where r.pooling_admdvs = ? and r.valid_to is null))""")
                    .params(rule, work.run().admdvs(), work.run().admdvs())
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
            for (Map.Entry<Long, String> w : open) {
                if (!work.found().contains(rule + "|" + w.getValue())) {
                    withdrawn += jdbc.sql("update supervision_warning set state = 'WITHDRAWN', withdrawn_reason = ? where id = ? and state = 'OPEN'")
                            .params(reason, w.getKey()).update();
                }
            }
        }
        inForce.evaluated(work.run().admdvs(), work.stale(), work.kb().kbVersion());
        if (withdrawn > 0) {
            log.info("supervision run {}: {} warnings of rules {} withdrawn ({})", work.run().id(), withdrawn, work.stale(), reason);
        }
    }

    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Runs {@code task} on every batch with {@link #WORKERS} threads; the first failure is rethrown once all have ended. */
    private static void inParallel(List<List<NewSettlement>> batches, java.util.function.Consumer<List<NewSettlement>> task) {
        if (batches.size() <= 1 || WORKERS == 1) {
            batches.forEach(task);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "supervision-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (List<NewSettlement> b : batches) {
                done.add(pool.submit(() -> task.accept(b)));
            }
            RuntimeException failure = null;
            for (java.util.concurrent.Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("supervision run interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void analyseBatch(Work work, List<NewSettlement> batch) {
        Run run = work.run();
        Set<String> persons = new LinkedHashSet<>();
        LocalDate earliest = null;
        for (NewSettlement s : batch) {
            persons.add(s.psnNo());
            earliest = earliest == null || s.begin().isBefore(earliest) ? s.begin() : earliest;
        }
        var read = visits.ofPersons(persons, earliest.minusDays(LOOK_BACK_DAYS));
        Map<String, NewSettlement> byVisit = new LinkedHashMap<>();
        Set<String> newVisits = new java.util.HashSet<>();
        for (NewSettlement s : batch) {
            byVisit.putIfAbsent(s.mdtrtId(), s);
            if (!s.again()) {
                newVisits.add(s.mdtrtId());
            }
        }
        int found = 0;
        for (NewSettlement s : byVisit.values()) {
            List<Encounter> own = read.visits().getOrDefault(s.psnNo(), List.of());
            Encounter current = own.stream().filter(e -> e.id().equals(s.mdtrtId())).findFirst().orElse(null);
            if (current == null) {
                continue;
            }
            // A visit analysed before runs only the stale rules; a new one every rule.
            Set<String> rules = newVisits.contains(s.mdtrtId()) ? Set.of() : work.stale();
            for (Finding f : work.kb().engine().analyse(Stage.POST, null, rules, read.patients().get(s.psnNo()), current, own)) {
                String subject = visitKey(f);
                work.found(f, subject);
                found += store(run, f, subject, s.month(), s.setlId());
            }
        }
        for (NewSettlement s : batch) {
            jdbc.sql("insert into supervision_analysed (setl_id, run_id) values (?, ?) on conflict do nothing").params(s.setlId(), run.id())
                    .update();
        }
        jdbc.sql("update supervision_run set settlements_done = settlements_done + ?, warnings_found = warnings_found + ? where id = ?")
                .params(batch.size(), found, run.id()).update();
    }

    /** Recomputes the institution indicators of the region for one quarter; a finding already stored stays as it is. */
    private void indicators(Work work, LocalDate quarter, Set<String> rules) {
        Run run = work.run();
        List<Encounter> all = visits.ofRegion(run.admdvs(), quarter, quarter.plusMonths(3).minusDays(1));
        int found = 0;
        String period = quarter.getYear() + "Q" + quarter.get(IsoFields.QUARTER_OF_YEAR);
        for (Finding f : work.kb().engine().indicators(rules, all)) {
            String subject = f.institutionCode() + "/" + period;
            work.found(f, subject);
            found += store(run, f, subject, quarter, null);
        }
        jdbc.sql("update supervision_run set warnings_found = warnings_found + ? where id = ?").params(found, run.id()).update();
    }

    /** The subject of a visit finding: the visit and the lines in question. */
    private static String visitKey(Finding f) {
        TreeSet<String> lines = new TreeSet<>();
        for (Evidence e : f.evidence()) {
            lines.add(e.encounterId() + (e.lineId() == null ? "" : ":" + e.lineId()));
        }
        String key = f.encounterId() + "|" + String.join(",", lines);
        return key.length() <= 150 ? key : f.encounterId() + "|" + sha256(key).substring(0, 40);
    }

    /** Stores a warning and its evidence unless the rule already found the subject; 1 when stored. */
    private int store(Run run, Finding f, String subject, LocalDate month, String setlId) {
        Long id = jdbc.sql("""
                        insert into supervision_warning (rule_id, subject_key, rule_name, severity, behaviour_type, admdvs, fixmedins_code,
                            psn_no, mdtrt_id, setl_id, month, content, amount, run_id, found_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (rule_id, subject_key) do nothing returning id""")
                .params(f.ruleId(), subject, f.ruleName(), f.severity().name(), f.behaviourType(), run.admdvs(), f.institutionCode(),
                        f.patientId(), f.encounterId(), setlId, month.withDayOfMonth(1), f.content(), f.amount().toBigDecimal(), run.id(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return 0;
        }
        int seq = 0;
        for (Evidence e : f.evidence()) {
            jdbc.sql("""
                    insert into supervision_warning_evidence (warning_id, seq, mdtrt_id, setl_id, feedetl_sn, item_code, amount, reason)
                    values (?, ?, ?, coalesce((select l.setl_id from settlement_fee_line l where l.mdtrt_id = ? and l.feedetl_sn = ? limit 1),
                                              (select s.setl_id from settlement s where s.mdtrt_id = ? and s.reverses_setl_id is null
                                               order by s.setl_time desc limit 1)), ?, ?, ?, ?)""")
                    .params(id, ++seq, e.encounterId(), e.encounterId(), e.lineId(), e.encounterId(), e.lineId(), e.itemCode(),
                            e.amount() == null ? java.math.BigDecimal.ZERO : e.amount().toBigDecimal(), e.reason())
                    .update();
        }
        return 1;
    }

    private static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
