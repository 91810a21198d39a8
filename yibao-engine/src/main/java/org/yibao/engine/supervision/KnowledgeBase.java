package org.yibao.engine.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The knowledge base (知识库): the rules and the tables their evaluators read, parsed from
 * tab-separated text files (formats in docs/supervision-rules.md). Every malformed line is refused
 * with {@link KnowledgeTableException} naming the file and line, so a bad table never becomes a
 * silently wrong rule. Immutable.
 *
 * <ul>
 *   <li>{@code rules.tsv}: rule_id, evaluator, name_zh, name_en, severity, stages, scenes, behaviour, params</li>
 *   <li>{@code item_sets.tsv}: set, code (or prefix*), group, name</li>
 *   <li>{@code restrictions.tsv}: code, sex, min_age, max_age, min_level, max_days, name</li>
 *   <li>{@code pairs.tsv}: code_a, code_b, scope (DAY|VISIT), reason</li>
 *   <li>{@code bundles.tsv}: bundle, component, reason</li>
 *   <li>{@code frequency.tsv}: code, max_per_day, max_per_visit, name</li>
 * </ul>
 */
public final class KnowledgeBase {

    /** The files a knowledge base is made of, in load order. */
    public static final List<String> FILES = List.of("item_sets.tsv", "restrictions.tsv", "pairs.tsv", "bundles.tsv",
            "frequency.tsv", "rules.tsv");

    /** A member of an item (or diagnosis) set; {@code group} puts equivalent codes together (one generic drug, one exam). */
    public record SetMember(String set, String code, String group, String name) {}

    /** Per-line restrictions of an item (限性别、限年龄、限医疗机构级别、限定天数); null = no restriction. */
    public record Restriction(String code, String sex, Integer minAge, Integer maxAge, Integer minLevel, Integer maxDays, String name) {}

    /** Two items that may not be charged together (on one day, or in one visit). */
    public record Pair(String codeA, String codeB, boolean sameDay, String reason) {}

    /** A component included in a bundled item's price. */
    public record BundleComponent(String bundle, String component, String reason) {}

    /** How often an item may be charged; null = no limit. */
    public record Frequency(String code, Integer maxPerDay, Integer maxPerVisit, String name) {}

    private final Map<String, CodeTable<SetMember>> sets;
    private final CodeTable<Restriction> restrictions;
    private final CodeTable<List<Pair>> pairs;
    private final CodeTable<List<BundleComponent>> bundles;
    private final CodeTable<Frequency> frequencies;
    private final List<RuleDefinition> rules;
    /** The text of each file as parsed, and the row of each rule in {@code rules.tsv} (for {@link #fingerprints}). */
    private final Map<String, String> texts;
    private final Map<String, String> ruleRows;

    private KnowledgeBase(Map<String, CodeTable<SetMember>> sets, CodeTable<Restriction> restrictions,
                          CodeTable<List<Pair>> pairs, CodeTable<List<BundleComponent>> bundles,
                          CodeTable<Frequency> frequencies, List<RuleDefinition> rules, Map<String, String> texts,
                          Map<String, String> ruleRows) {
        this.texts = Map.copyOf(texts);
        this.ruleRows = Map.copyOf(ruleRows);
        this.sets = Map.copyOf(sets);
        this.restrictions = restrictions;
        this.pairs = pairs;
        this.bundles = bundles;
        this.frequencies = frequencies;
        this.rules = List.copyOf(rules);
    }

    /** The demo knowledge base (R-SUP-2) shipped in this module under {@code supervision/demo/}. */
    public static KnowledgeBase demo() {
        return parse(KnowledgeBase::demoText);
    }

    /** The text of one file of the demo knowledge base; null when there is no such file. */
    public static String demoText(String file) {
        return FILES.contains(file) ? resource("/supervision/demo/" + file) : null;
    }

    private static String resource(String path) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the files {@link #FILES} as given by {@code files} (file name → text; null = missing). */
    public static KnowledgeBase parse(Function<String, String> files) {
        Map<String, CodeTable.Builder<SetMember>> setBuilders = new LinkedHashMap<>();
        for (Row row : rows(files, "item_sets.tsv", 4)) {
            String set = row.required(0, "set");
            String code = row.code(1);
            CodeTable.Builder<SetMember> b = setBuilders.computeIfAbsent(set, k -> CodeTable.builder());
            if (!b.put(code, new SetMember(set, code, row.optional(2), row.optional(3)))) {
                throw row.error("code " + code + " appears twice in set " + set);
            }
        }
        Map<String, CodeTable<SetMember>> sets = new HashMap<>();
        setBuilders.forEach((k, v) -> sets.put(k, v.build()));

        CodeTable.Builder<Restriction> restrictions = CodeTable.builder();
        for (Row row : rows(files, "restrictions.tsv", 7)) {
            String code = row.code(0);
            String sex = row.optional(1);
            if (sex != null && !sex.equals("1") && !sex.equals("2")) {
                throw row.error("sex must be 1 (male) or 2 (female), got " + sex);
            }
            Integer minAge = row.integer(2, "min_age", 0, 150);
            Integer maxAge = row.integer(3, "max_age", 0, 150);
            if (minAge != null && maxAge != null && minAge > maxAge) {
                throw row.error("min_age " + minAge + " is above max_age " + maxAge);
            }
            Restriction r = new Restriction(code, sex, minAge, maxAge, row.integer(4, "min_level", 1, 3),
                    row.integer(5, "max_days", 1, 366), row.optional(6));
            if (r.sex() == null && r.minAge() == null && r.maxAge() == null && r.minLevel() == null && r.maxDays() == null) {
                throw row.error("no restriction given for " + code);
            }
            if (!restrictions.put(code, r)) {
                throw row.error("code " + code + " appears twice");
            }
        }

        Map<String, List<Pair>> pairsByCode = new HashMap<>();
        for (Row row : rows(files, "pairs.tsv", 4)) {
            String a = row.code(0);
            String b = row.code(1);
            if (a.equals(b)) {
                throw row.error("a pair needs two different codes (the same item twice is a frequency limit)");
            }
            String scope = row.required(2, "scope").toUpperCase(Locale.ROOT);
            if (!scope.equals("DAY") && !scope.equals("VISIT")) {
                throw row.error("scope must be DAY or VISIT, got " + scope);
            }
            Pair p = new Pair(a, b, scope.equals("DAY"), row.optional(3));
            pairsByCode.computeIfAbsent(a, k -> new ArrayList<>()).add(p);
        }
        CodeTable.Builder<List<Pair>> pairs = CodeTable.builder();
        pairsByCode.forEach((k, v) -> pairs.put(k, List.copyOf(v)));

        Map<String, List<BundleComponent>> byBundle = new HashMap<>();
        for (Row row : rows(files, "bundles.tsv", 3)) {
            String bundle = row.code(0);
            String component = row.code(1);
            if (bundle.equals(component)) {
                throw row.error("a bundle cannot include itself");
            }
            byBundle.computeIfAbsent(bundle, k -> new ArrayList<>()).add(new BundleComponent(bundle, component, row.optional(2)));
        }
        CodeTable.Builder<List<BundleComponent>> bundles = CodeTable.builder();
        byBundle.forEach((k, v) -> bundles.put(k, List.copyOf(v)));

        CodeTable.Builder<Frequency> frequencies = CodeTable.builder();
        for (Row row : rows(files, "frequency.tsv", 4)) {
            String code = row.code(0);
            Frequency f = new Frequency(code, row.integer(1, "max_per_day", 1, 10_000), row.integer(2, "max_per_visit", 1, 100_000),
                    row.optional(3));
            if (f.maxPerDay() == null && f.maxPerVisit() == null) {
                throw row.error("give max_per_day or max_per_visit for " + code);
            }
            if (!frequencies.put(code, f)) {
                throw row.error("code " + code + " appears twice");
            }
        }

        KnowledgeBase partial = new KnowledgeBase(sets, restrictions.build(), pairs.build(), bundles.build(),
                frequencies.build(), List.of(), Map.of(), Map.of());
        Map<String, String> ruleRows = new HashMap<>();
        List<RuleDefinition> rules = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Row row : rows(files, "rules.tsv", 9)) {
            String id = row.required(0, "rule_id");
            if (!id.matches("[A-Za-z][A-Za-z0-9_-]{1,29}")) {
                throw row.error("rule_id must be 2–30 letters, digits, - or _, starting with a letter: " + id);
            }
            if (!ids.add(id)) {
                throw row.error("rule_id " + id + " appears twice");
            }
            String evaluator = row.required(1, "evaluator").toUpperCase(Locale.ROOT);
            Severity severity = switch (row.required(4, "severity").toUpperCase(Locale.ROOT)) {
                case "DEFINITE", "明确违规" -> Severity.DEFINITE;
                case "SUSPECT", "可疑" -> Severity.SUSPECT;
                default -> throw row.error("severity must be DEFINITE or SUSPECT, got " + row.optional(4));
            };
            EnumSet<Stage> stages = EnumSet.noneOf(Stage.class);
            for (String s : row.required(5, "stages").split(",")) {
                try {
                    stages.add(Stage.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw row.error("stage must be PRE, DURING or POST, got " + s.strip());
                }
            }
            String scenesText = row.required(6, "scenes");
            Set<String> scenes = new java.util.HashSet<>();
            if (!scenesText.equals("*")) {
                for (String s : scenesText.split(",")) {
                    String scene = s.strip();
                    if (!scene.matches("[1-9]|10")) {
                        throw row.error("scene must be a trig_scen 1–10 or *, got " + scene);
                    }
                    scenes.add(scene);
                }
            }
            Map<String, String> params = new LinkedHashMap<>();
            String paramText = row.optional(8);
            if (paramText != null) {
                for (String kv : paramText.split(";")) {
                    if (kv.isBlank()) {
                        continue;
                    }
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw row.error("parameter must be name=value, got " + kv.strip());
                    }
                    params.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                }
            }
            RuleDefinition def = new RuleDefinition(id, evaluator, row.required(2, "name_zh"), row.required(3, "name_en"),
                    severity, row.required(7, "behaviour"), stages, scenes, params);
            try {
                Evaluators.create(def, partial);
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
            rules.add(def);
            ruleRows.put(id, String.join("\t", row.cols()).strip());
        }
        Map<String, String> texts = new HashMap<>();
        for (String f : FILES) {
            texts.put(f, files.apply(f));
        }
        return new KnowledgeBase(sets, partial.restrictions, partial.pairs, partial.bundles, partial.frequencies, rules, texts, ruleRows);
    }

    public List<RuleDefinition> rules() {
        return rules;
    }

    /** The text of one of {@link #FILES} as parsed. */
    public String text(String file) {
        String t = texts.get(file);
        if (t == null) {
            throw new IllegalArgumentException("no knowledge table " + file + "; known: " + String.join(", ", FILES));
        }
        return t;
    }

    /**
     * Per rule id, a SHA-256 (hex) of what decides its findings: its row of {@code rules.tsv} and the
     * whole text of every table its evaluator reads ({@link Evaluators#tablesRead}). Deliberately coarse:
     * any change to such a table (even a comment or a row the rule never looks up) changes the
     * fingerprint, so a rule is re-run when in doubt and never kept when its findings could differ.
     */
    public Map<String, String> fingerprints() {
        Map<String, String> result = new LinkedHashMap<>();
        for (RuleDefinition d : rules) {
            StringBuilder b = new StringBuilder("rules.tsv\n").append(ruleRows.get(d.id())).append('\n');
            for (String f : new java.util.TreeSet<>(Evaluators.tablesRead(d.evaluator()))) {
                b.append(f).append('\n').append(text(f)).append('\n');
            }
            result.put(d.id(), sha256(b.toString()));
        }
        return result;
    }

    /** SHA-256 of UTF-8 text, lower-case hex. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data rows of one file (header and comments not counted); 0 when the text has none. */
    public static int dataRows(String text) {
        int n = 0;
        boolean header = true;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            n++;
        }
        return n;
    }

    /** The names of the item and diagnosis sets. */
    public Set<String> setNames() {
        return sets.keySet();
    }

    /** The item or diagnosis set of this name; refused when unknown. */
    public CodeTable<SetMember> set(String name) {
        CodeTable<SetMember> s = sets.get(name);
        if (s == null) {
            throw new IllegalArgumentException("item set " + name + " is not in item_sets.tsv");
        }
        return s;
    }

    public CodeTable<Restriction> restrictions() {
        return restrictions;
    }

    public CodeTable<List<Pair>> pairs() {
        return pairs;
    }

    public CodeTable<List<BundleComponent>> bundles() {
        return bundles;
    }

    public CodeTable<Frequency> frequencies() {
        return frequencies;
    }

    // ---------------------------------------------------------------- parsing

    private record Row(String file, int number, String[] cols) {

        String optional(int i) {
            if (i >= cols.length) {
                return null;
            }
            String v = cols[i].strip();
            return v.isEmpty() || v.equals("-") ? null : v;
        }

        String required(int i, String what) {
            String v = optional(i);
            if (v == null) {
                throw error(what + " is required (column " + (i + 1) + ")");
            }
            return v;
        }

        String code(int i) {
            String c = required(i, "code");
            if (!c.matches("[A-Za-z0-9.\\-]+\\*?")) {
                throw error("code must be letters, digits, . or - (a trailing * for a prefix), got " + c);
            }
            return c;
        }

        Integer integer(int i, String what, int min, int max) {
            String v = optional(i);
            if (v == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw error(what + " must be " + min + "–" + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw error(what + " must be a whole number, got " + v);
            }
        }

        KnowledgeTableException error(String reason) {
            return new KnowledgeTableException(file, number, reason);
        }
    }

    private static List<Row> rows(Function<String, String> files, String file, int columns) {
        String text = files.apply(file);
        if (text == null) {
            throw new KnowledgeTableException(file, 0, "file missing");
        }
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                // The first non-comment line names the columns; it must have them all.
                header = false;
                if (line.split("\t", -1).length != columns) {
                    throw new KnowledgeTableException(file, i + 1, "header must have " + columns + " tab-separated columns, has "
                            + line.split("\t", -1).length);
                }
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length > columns) {
                throw new KnowledgeTableException(file, i + 1, "expected at most " + columns + " tab-separated columns, got " + cols.length);
            }
            rows.add(new Row(file, i + 1, cols));
        }
        return rows;
    }
}
