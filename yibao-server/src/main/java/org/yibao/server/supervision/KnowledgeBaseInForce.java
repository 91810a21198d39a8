package org.yibao.server.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.engine.supervision.KnowledgeBase;
import org.yibao.engine.supervision.KnowledgeTableException;
import org.yibao.engine.supervision.RuleDefinition;
import org.yibao.engine.supervision.SupervisionEngine;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The knowledge base in force (知识库): per file of {@link KnowledgeBase#FILES}, the latest version
 * uploaded by an administrator, or the one shipped with the engine (version 0) when none was. The
 * {@link SupervisionEngine} built from it is read through {@link #engine()} on every call (one volatile
 * read) and swapped only after a change has committed.
 *
 * <p>A change replaces one file: the whole knowledge base is parsed with the new text in its place, and
 * a malformed table is refused (400, its file, line and reason) with nothing changed. Per rule a
 * fingerprint of what decides its findings ({@link KnowledgeBase#fingerprints()}) is kept: a rule whose
 * row disappeared has its OPEN warnings withdrawn at once; a new or changed rule becomes stale in every
 * region, and the next run after settlement of a region re-evaluates it over the settlements already
 * analysed ({@link SupervisionRuns}).
 */
@Service
public class KnowledgeBaseInForce {

    public static final String ENTITY = "supervision_knowledge";

    /** One version of one file; version 0 is the one shipped with the engine. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FileVersion(String file, int version, int kbVersion, String sha256, int rows, String updatedBy, Instant updatedAt,
                              String reason) {}

    /** A rule in force, as the knowledge base defines it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RuleInForce(String id, String evaluator, String nameZh, String nameEn, String severity, String behaviourType,
                              List<String> stages, List<String> scenes, Map<String, String> params, List<String> tablesRead,
                              String fingerprint) {}

    /** The knowledge base in force: its version (the number of changes so far), its files and its rules. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Overview(int kbVersion, List<FileVersion> files, List<RuleInForce> rules, Map<String, List<String>> staleRules) {}

    /** What a change did. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Change(int kbVersion, FileVersion file, List<String> rulesAdded, List<String> rulesChanged, List<String> rulesRemoved,
                         int warningsWithdrawn, String message) {}

    /** Everything in force, swapped as one. */
    record State(int kbVersion, KnowledgeBase kb, SupervisionEngine engine, String ruleSetSha, Map<String, FileVersion> files) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile State state;

    KnowledgeBaseInForce(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.state = tx.execute(s -> {
            State loaded = load();
            // The shipped files may have changed since the fingerprints were stored (a new release): same consequences as an upload.
            reconcile(loaded, AuditTrail.SYSTEM);
            return loaded;
        });
    }

    /** The engine of the knowledge base in force; read it on every call, never keep it. */
    public SupervisionEngine engine() {
        return state.engine();
    }

    public KnowledgeBase knowledgeBase() {
        return state.kb();
    }

    /** Everything in force at once (a run keeps the one it began with). */
    State current() {
        return state;
    }

    /** The number of changes made to the knowledge base (0 = as shipped). */
    public int version() {
        return state.kbVersion();
    }

    /** A SHA-256 of the rules and tables in force, as each run records it. */
    public String ruleSetSha() {
        return state.ruleSetSha();
    }

    public Overview overview() {
        State s = state;
        Map<String, String> fingerprints = s.kb().fingerprints();
        List<RuleInForce> rules = new ArrayList<>();
        for (RuleDefinition d : s.kb().rules()) {
            rules.add(new RuleInForce(d.id(), d.evaluator(), d.nameZh(), d.nameEn(), d.severity().name(), d.behaviourType(),
                    d.stages().stream().map(Enum::name).sorted().toList(), d.scenes().stream().sorted().toList(), new java.util.TreeMap<>(d.params()),
                    new TreeSet<>(org.yibao.engine.supervision.Evaluators.tablesRead(d.evaluator())).stream().toList(), fingerprints.get(d.id())));
        }
        return new Overview(s.kbVersion(), KnowledgeBase.FILES.stream().map(s.files()::get).toList(), rules, staleRules());
    }

    /** The text of {@code file} in force, or of one of its versions; 404 when the file or version is unknown. */
    public String text(String file, Integer version) {
        known(file);
        if (version == null) {
            return state.kb().text(file);
        }
        if (version == 0) {
            return KnowledgeBase.demoText(file);
        }
        return jdbc.sql("select text from supervision_knowledge_version where file = ? and version = ?").params(file, version)
                .query(String.class).optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, file + " version " + version));
    }

    /** Every version of {@code file}, newest first, down to the shipped one (version 0). */
    public List<FileVersion> versions(String file) {
        known(file);
        List<FileVersion> result = new ArrayList<>(jdbc.sql("select " + VERSION_COLUMNS
                        + " from supervision_knowledge_version where file = ? order by version desc").param(file)
                .query((rs, n) -> version(rs)).list());
        result.add(shipped(file));
        return result;
    }

    /** The rules a region's next run re-evaluates over the settlements already analysed, in rule order. */
    public List<String> staleRules(String admdvs) {
        Set<String> stale = new java.util.HashSet<>(jdbc.sql("select rule_id from supervision_rule_stale where admdvs = ?").param(admdvs)
                .query(String.class).list());
        return state.engine().ids().stream().filter(stale::contains).toList();
    }

    /** Per region, the rules its next run re-evaluates (the board's banner), in rule order. */
    public Map<String, List<String>> staleRules() {
        Map<String, Set<String>> byRegion = new java.util.TreeMap<>();
        jdbc.sql("select admdvs, rule_id from supervision_rule_stale").query(rs -> {
            byRegion.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getString(2));
        });
        List<String> order = state.engine().ids();
        Map<String, List<String>> result = new LinkedHashMap<>();
        byRegion.forEach((region, ids) -> result.put(region, order.stream().filter(ids::contains).toList()));
        return result;
    }

    /** A region's run re-evaluated these rules under the knowledge base version it began with: they are no longer stale there. */
    void evaluated(String admdvs, Set<String> ruleIds, int kbVersion) {
        for (String id : ruleIds) {
            jdbc.sql("delete from supervision_rule_stale where admdvs = ? and rule_id = ? and kb_version <= ?").params(admdvs, id, kbVersion)
                    .update();
        }
    }

    /**
     * Replaces {@code file} by {@code text} (an administrator, with a reason). The whole knowledge base is
     * parsed with it first: a malformed table is refused with its file, line and reason and nothing changes;
     * an upload identical to the file in force is refused (409). Audited; the engine in force is swapped
     * once the change has committed.
     */
    public synchronized Change replace(String file, String text, String reason) {
        known(file);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "required", "give the reason for the change");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("body", "required", "send the table's tab-separated text as the body");
        }
        String normalised = text.replace("\r\n", "\n");
        State before = state;
        if (normalised.equals(before.kb().text(file))) {
            throw new ConflictException("body", "unchanged", file + " is already in force as sent (version "
                    + before.files().get(file).version() + "); nothing changed");
        }
        KnowledgeBase kb;
        try {
            kb = KnowledgeBase.parse(f -> f.equals(file) ? normalised : before.kb().text(f));
        } catch (KnowledgeTableException e) {
            throw new InvalidInputException(e.file() + ":" + e.line(), "knowledge_table", e.getMessage());
        }
        String actor = AuditTrail.currentActor();
        Object[] result = tx.execute(s -> {
            // One change at a time, across instances too.
            jdbc.sql("lock table supervision_rule_fingerprint in exclusive mode").update();
            int kbVersion = jdbc.sql("select coalesce(max(kb_version), 0) + 1 from supervision_knowledge_version").query(Integer.class).single();
            int version = jdbc.sql("select coalesce(max(version), 0) + 1 from supervision_knowledge_version where file = ?").param(file)
                    .query(Integer.class).single();
            FileVersion fv = new FileVersion(file, version, kbVersion, KnowledgeBase.sha256(normalised), KnowledgeBase.dataRows(normalised),
                    actor, clock.instant(), reason.strip());
            jdbc.sql("""
                            insert into supervision_knowledge_version (kb_version, file, version, text, sha256, rows, created_by, created_at, reason)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(kbVersion, file, version, normalised, fv.sha256(), fv.rows(), actor, Timestamp.from(fv.updatedAt()), fv.reason())
                    .update();
            Map<String, FileVersion> files = new LinkedHashMap<>(before.files());
            files.put(file, fv);
            State after = state(kbVersion, kb, files);
            Change change = reconcile(after, actor);
            Change done = new Change(kbVersion, fv, change.rulesAdded(), change.rulesChanged(), change.rulesRemoved(),
                    change.warningsWithdrawn(), change.message());
            audit.recordAs(actor, "UPDATE", ENTITY, file, null, before.files().get(file), done);
            return new Object[] {after, done};
        });
        state = (State) result[0];
        return (Change) result[1];
    }

    // ---------------------------------------------------------------- loading and fingerprints

    private static final String VERSION_COLUMNS = "file, version, kb_version, sha256, rows, created_by, created_at, reason";

    private static FileVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FileVersion(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8));
    }

    private static FileVersion shipped(String file) {
        String text = KnowledgeBase.demoText(file);
        return new FileVersion(file, 0, 0, KnowledgeBase.sha256(text), KnowledgeBase.dataRows(text), AuditTrail.SYSTEM, null,
                "shipped with the engine");
    }

    private static void known(String file) {
        if (file == null || !KnowledgeBase.FILES.contains(file)) {
            throw new NotFoundException(ENTITY, String.valueOf(file));
        }
    }

    /** The latest stored version of each file, the shipped one for files never uploaded; a malformed table stops the start. */
    private State load() {
        Map<String, FileVersion> files = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (String file : KnowledgeBase.FILES) {
            FileVersion latest = jdbc.sql("select " + VERSION_COLUMNS + " from supervision_knowledge_version where file = ? "
                    + "order by version desc limit 1").param(file).query((rs, n) -> version(rs)).optional().orElse(null);
            if (latest == null) {
                files.put(file, shipped(file));
                texts.put(file, KnowledgeBase.demoText(file));
            } else {
                files.put(file, latest);
                texts.put(file, jdbc.sql("select text from supervision_knowledge_version where kb_version = ?").param(latest.kbVersion())
                        .query(String.class).single());
            }
        }
        int kbVersion = jdbc.sql("select coalesce(max(kb_version), 0) from supervision_knowledge_version").query(Integer.class).single();
        return state(kbVersion, KnowledgeBase.parse(texts::get), files);
    }

    private static State state(int kbVersion, KnowledgeBase kb, Map<String, FileVersion> files) {
        StringBuilder all = new StringBuilder();
        for (String f : KnowledgeBase.FILES) {
            all.append(f).append('\n').append(kb.text(f)).append('\n');
        }
        return new State(kbVersion, kb, new SupervisionEngine(kb), KnowledgeBase.sha256(all.toString()), Map.copyOf(files));
    }

    /**
     * Brings the stored fingerprints to those of {@code s}: removed rules have their OPEN warnings withdrawn,
     * new and changed rules become stale in every current region. The first start only stores them.
     */
    private Change reconcile(State s, String actor) {
        Map<String, String> stored = new HashMap<>();
        jdbc.sql("select rule_id, fingerprint from supervision_rule_fingerprint").query(rs -> {
            stored.put(rs.getString(1), rs.getString(2));
        });
        Map<String, String> now = s.kb().fingerprints();
        boolean first = stored.isEmpty();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>(new TreeSet<>(stored.keySet()));
        removed.removeAll(now.keySet());
        for (Map.Entry<String, String> e : now.entrySet()) {
            String old = stored.get(e.getKey());
            if (old == null) {
                added.add(e.getKey());
            } else if (!old.equals(e.getValue())) {
                changed.add(e.getKey());
            } else {
                continue;
            }
            jdbc.sql("""
                    insert into supervision_rule_fingerprint (rule_id, fingerprint, kb_version) values (?, ?, ?)
                    on conflict (rule_id) do update set fingerprint = excluded.fingerprint, kb_version = excluded.kb_version""")
                    .params(e.getKey(), e.getValue(), s.kbVersion()).update();
            if (!first) {
                // Stale where settlements were analysed before (a region that never ran has nothing to re-evaluate).
                jdbc.sql("""
                        insert into supervision_rule_stale (admdvs, rule_id, kb_version)
                        select distinct r.admdvs, ?, ? from supervision_run r
                        on conflict (admdvs, rule_id) do update set kb_version = excluded.kb_version""")
                        .params(e.getKey(), s.kbVersion()).update();
            }
        }
        int withdrawn = 0;
        for (String id : removed) {
            withdrawn += jdbc.sql("update supervision_warning set state = 'WITHDRAWN', withdrawn_reason = ? where rule_id = ? and state = 'OPEN'")
                    .params("rule removed in knowledge base version " + s.kbVersion(), id).update();
            jdbc.sql("delete from supervision_rule_fingerprint where rule_id = ?").param(id).update();
            jdbc.sql("delete from supervision_rule_stale where rule_id = ?").param(id).update();
        }
        String message = first ? "fingerprints of " + now.size() + " rules stored"
                : "knowledge base version " + s.kbVersion() + ": " + added.size() + " rules new, " + changed.size() + " changed (re-run by the "
                + "next run after settlement of each region), " + removed.size() + " removed (" + withdrawn + " open warnings withdrawn)";
        Change change = new Change(s.kbVersion(), null, first ? List.of() : added, changed, removed, withdrawn, message);
        if (!first && actor.equals(AuditTrail.SYSTEM) && (!added.isEmpty() || !changed.isEmpty() || !removed.isEmpty())) {
            audit.recordAs(actor, "RECONCILE", ENTITY, "rules", null, null, change);
        }
        return change;
    }
}
