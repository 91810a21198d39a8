package org.yibao.engine.drg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The tables of one grouper version (分组方案), read once and immutable afterwards: MDCs with their
 * entry rules, the ADRG and QY steps of each MDC, the DRG splits of each ADRG, the code lists they name,
 * the CC/MCC lists with their exclusion tables, the valid-operation list, the ICD-10 / ICD-9-CM-3
 * dictionaries and the optional code maps (formats in {@code /drg/chs-drg-1.1/README.md}). All rules are
 * compiled at load time; a table that does not read is refused with file, line and reason, so a region can
 * never group with a half-read version. Every lookup is a hash lookup. Safe to share between threads.
 */
public final class DrgTables {

    /** An MDC (主要诊断大类) in evaluation order with its entry rule and its steps. */
    record Mdc(int order, String code, String name, String ruleText, Rule entry, List<Step> steps) {}

    /** An ADRG (核心疾病诊断相关组) or a QY (歧义病案) step of an MDC, with the DRGs it splits into. */
    record Step(String mdc, int order, String code, boolean qy, String name, String ruleText, Rule rule, List<Split> splits) {}

    /** A DRG (疾病诊断相关分组) of an ADRG with its split rule. */
    record Split(String drg, String name, int order, String ruleText, Rule rule) {}

    private final GrouperVersion version;
    private final List<Mdc> mdcs;
    private final Map<String, Set<String>> principalListsByMdc;
    private final Map<String, String> mcc;
    private final Map<String, String> cc;
    private final Map<String, String> exclusionTables;
    private final Set<String> orProcedures;
    private final Map<String, String> icd10;
    private final Map<String, String> icd9cm3;
    private final Map<String, String> icd10Map;
    private final Map<String, String> icd9cm3Map;
    private final Map<String, Integer> regionOfCode;
    private final List<String> regionNames;
    private final Map<String, String> drgNames;

    private DrgTables(GrouperVersion version, TableSource source) {
        this.version = version;
        this.orProcedures = Collections.unmodifiableSet(new HashSet<>(codeNames(source, "or_procedures.tsv").keySet()));
        this.icd10 = codeNames(source, "icd10.tsv");
        this.icd9cm3 = codeNames(source, "icd9cm3.tsv");
        this.mcc = pairs(source, "mcc.tsv", "code", "exclusion_table");
        this.cc = pairs(source, "cc.tsv", "code", "exclusion_table");
        this.exclusionTables = pairs(source, "cce.tsv", "principal_dx", "exclusion_table");
        this.icd10Map = pairs(source, "icd10_map.tsv", "code", "target");
        this.icd9cm3Map = pairs(source, "icd9cm3_map.tsv", "code", "target");

        Map<String, Map<String, Set<String>>> mdcLists = lists(source, "mdc_codes.tsv", "mdc");
        Map<String, Map<String, Set<String>>> adrgLists = lists(source, "adrg_codes.tsv", "adrg");
        Map<String, Integer> regions = new HashMap<>();
        List<String> names = new ArrayList<>();
        mdcLists.getOrDefault("MDCZ", Map.of()).forEach((list, codes) -> {
            if (list.startsWith("REGION:")) {
                int id = names.size();
                names.add(list.substring("REGION:".length()));
                for (String code : codes) {
                    regions.put(code, id);
                }
            }
        });
        if (names.size() > 31) {
            throw new IllegalArgumentException("mdc_codes.tsv: at most 31 body regions, found " + names.size());
        }
        this.regionOfCode = Collections.unmodifiableMap(regions);
        this.regionNames = List.copyOf(names);
        Map<String, Set<String>> principal = new HashMap<>();
        mdcLists.forEach((mdc, lists) -> principal.put(mdc, lists.getOrDefault("PRINCIPAL_DX", Set.of())));
        this.principalListsByMdc = Collections.unmodifiableMap(principal);

        Map<String, List<Split>> splitsByAdrg = new HashMap<>();
        Map<String, String> drgNameMap = new HashMap<>();
        read(source, "drg.tsv", List.of("drg", "name", "adrg", "order", "split_rule"), (row) -> {
            Rule rule = compile(row, 4, Map.of(), row.get(2));
            splitsByAdrg.computeIfAbsent(row.get(2), k -> new ArrayList<>())
                    .add(new Split(row.get(0), row.get(1), row.integer(3), row.get(4), rule));
            drgNameMap.put(row.get(0), row.get(1));
        });
        this.drgNames = Collections.unmodifiableMap(drgNameMap);

        Map<String, List<Step>> stepsByMdc = new HashMap<>();
        read(source, "adrg.tsv", List.of("mdc", "order", "adrg", "kind", "name", "match_rule"), (row) -> {
            String kind = row.get(3);
            if (!kind.equals("ADRG") && !kind.equals("QY")) {
                throw row.error("kind must be ADRG or QY, got " + kind);
            }
            String adrg = row.get(2);
            Rule rule = compile(row, 5, adrgLists.getOrDefault(adrg, Map.of()), adrg);
            List<Split> splits = splitsByAdrg.remove(adrg);
            if (splits == null) {
                splits = new ArrayList<>();
            }
            splits.sort(Comparator.comparingInt(Split::order));
            stepsByMdc.computeIfAbsent(row.get(0), k -> new ArrayList<>())
                    .add(new Step(row.get(0), row.integer(1), adrg, kind.equals("QY"), row.get(4), row.get(5), rule,
                            List.copyOf(splits)));
        });

        if (!splitsByAdrg.isEmpty()) {
            throw new IllegalArgumentException("drg.tsv names ADRGs that adrg.tsv does not have: " + splitsByAdrg.keySet());
        }

        List<Mdc> mdcList = new ArrayList<>();
        read(source, "mdc.tsv", List.of("order", "mdc", "name", "entry_rule"), (row) -> {
            String mdc = row.get(1);
            Rule entry = compile(row, 3, mdcLists.getOrDefault(mdc, Map.of()), mdc);
            List<Step> steps = stepsByMdc.remove(mdc);
            if (steps == null) {
                throw row.error(mdc + " has no steps in adrg.tsv");
            }
            steps.sort(Comparator.comparingInt(Step::order));
            mdcList.add(new Mdc(row.integer(0), mdc, row.get(2), row.get(3), entry, List.copyOf(steps)));
        });
        if (!stepsByMdc.isEmpty()) {
            throw new IllegalArgumentException("adrg.tsv names MDCs that mdc.tsv does not have: " + stepsByMdc.keySet());
        }
        mdcList.sort(Comparator.comparingInt(Mdc::order));
        this.mdcs = List.copyOf(mdcList);
    }

    /** The tables of {@code version} as the product ships them, from the classpath folder {@code /drg/<version>/}. */
    public static DrgTables load(GrouperVersion version) {
        return read(version, file -> DrgTables.class.getResourceAsStream(version.resourceFolder() + file));
    }

    /** The tables of {@code version} from any source (tests read shared/data directly). */
    public static DrgTables read(GrouperVersion version, TableSource source) {
        return new DrgTables(version, source);
    }

    public GrouperVersion version() {
        return version;
    }

    /** MDC codes in evaluation order (MDCA, MDCP, MDCY, MDCZ, MDCM, …). */
    public List<String> mdcOrder() {
        return mdcs.stream().map(Mdc::code).toList();
    }

    /** Whether the code is in the diagnosis dictionary (ICD-10 医保版 2.0, icd10.tsv). */
    public boolean isDiagnosis(String code) {
        return icd10.containsKey(code);
    }

    /** Whether the code is in the procedure dictionary (ICD-9-CM-3 医保版 2.0, icd9cm3.tsv). */
    public boolean isProcedure(String code) {
        return icd9cm3.containsKey(code);
    }

    public String diagnosisName(String code) {
        return icd10.get(code);
    }

    public String procedureName(String code) {
        return icd9cm3.get(code);
    }

    /** The DRG's name (e.g. "阑尾切除术，不伴并发症或合并症"), or null for an unknown code. */
    public String drgName(String drg) {
        return drgNames.get(drg);
    }

    /** The DRGs an ADRG splits into, in split order (e.g. {@code ES3} → ES31, ES33, ES35); empty for an unknown ADRG. */
    public List<String> drgsOf(String adrg) {
        for (Mdc m : mdcs) {
            for (Step s : m.steps()) {
                if (s.code().equals(adrg)) {
                    return s.splits().stream().map(Split::drg).toList();
                }
            }
        }
        return List.of();
    }

    /** The MDCs whose principal-diagnosis list ({@code PRINCIPAL_DX}) holds the code, in evaluation order. */
    public List<String> mdcsAcceptingPrincipal(String code) {
        List<String> out = new ArrayList<>(2);
        for (Mdc m : mdcs) {
            if (principalListsByMdc.getOrDefault(m.code(), Set.of()).contains(code)) {
                out.add(m.code());
            }
        }
        return out;
    }

    /** The MDC's title, e.g. "消化系统疾病及功能障碍", or null. */
    public String mdcName(String mdc) {
        for (Mdc m : mdcs) {
            if (m.code().equals(mdc)) {
                return m.name();
            }
        }
        return null;
    }

    /** README §6: the secondary diagnoses in mcc.tsv / cc.tsv, each marked excluded or counting. */
    List<Complication> complications(List<String> diagnoses) {
        if (diagnoses.size() < 2) {
            return List.of();
        }
        String own = exclusionTable(diagnoses.get(0));
        List<Complication> out = new ArrayList<>();
        for (int i = 1; i < diagnoses.size(); i++) {
            String code = diagnoses.get(i);
            String m = mcc.get(code);
            if (m != null) {
                out.add(new Complication(code, Complication.Kind.MCC, m, !own.isEmpty() && m.equals(own)));
            }
            String c = cc.get(code);
            if (c != null) {
                out.add(new Complication(code, Complication.Kind.CC, c, !own.isEmpty() && c.equals(own)));
            }
        }
        return List.copyOf(out);
    }

    List<Mdc> mdcs() {
        return mdcs;
    }

    Map<String, String> mcc() {
        return mcc;
    }

    Map<String, String> cc() {
        return cc;
    }

    /** The principal diagnosis's exclusion-table id (cce.tsv), or "" when it has none. */
    String exclusionTable(String principal) {
        String t = exclusionTables.get(principal);
        return t == null ? "" : t;
    }

    String mapDiagnosis(String code) {
        return icd10Map.get(code);
    }

    String mapProcedure(String code) {
        return icd9cm3Map.get(code);
    }

    int region(String diagnosis) {
        Integer r = regionOfCode.get(diagnosis);
        return r == null ? -1 : r;
    }

    String regionName(int region) {
        return regionNames.get(region);
    }

    String describeDiagnosis(String code) {
        if (code.isEmpty()) {
            return "(empty)";
        }
        String name = icd10.get(code);
        return name == null ? code + " (not in the ICD-10 dictionary)" : code + " (" + name + ")";
    }

    String describeProcedure(String code) {
        if (code.isEmpty()) {
            return "(empty)";
        }
        String name = icd9cm3.get(code);
        return name == null ? code + " (not in the ICD-9-CM-3 dictionary)" : code + " (" + name + ")";
    }

    // ---- reading ----

    private Rule compile(Row row, int column, Map<String, Set<String>> lists, String owner) {
        try {
            return RuleParser.parse(row.get(column), lists, orProcedures, owner);
        } catch (IllegalArgumentException e) {
            throw row.error("rule \"" + row.get(column) + "\": " + e.getMessage());
        }
    }

    private static Map<String, String> codeNames(TableSource source, String file) {
        return pairs(source, file, "code", "name");
    }

    /** A two-column table as a map; when a key repeats, the first row wins (or_procedures.tsv note). */
    private static Map<String, String> pairs(TableSource source, String file, String key, String value) {
        Map<String, String> map = new HashMap<>();
        read(source, file, List.of(key, value), row -> map.putIfAbsent(row.get(0), row.get(1)));
        return Collections.unmodifiableMap(map);
    }

    /** {@code owner, list_name, code} rows as owner → list name → set of codes. */
    private static Map<String, Map<String, Set<String>>> lists(TableSource source, String file, String owner) {
        Map<String, Map<String, Set<String>>> out = new LinkedHashMap<>();
        read(source, file, List.of(owner, "list_name", "code"), row -> out
                .computeIfAbsent(row.get(0), k -> new LinkedHashMap<>())
                .computeIfAbsent(row.get(1), k -> new HashSet<>())
                .add(row.get(2)));
        return out;
    }

    private static void read(TableSource source, String file, List<String> header, Consumer<Row> rows) {
        try (InputStream in = source.open(file)) {
            if (in == null) {
                throw new IllegalArgumentException(file + ": missing from the table set");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String first = reader.readLine();
            if (first == null || !List.of(first.split("\t", -1)).equals(header)) {
                throw new IllegalArgumentException(file + ": header must be " + String.join("<TAB>", header) + ", got " + first);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Row row = new Row(file, number, cells);
                if (cells.length != header.size()) {
                    throw row.error("expected " + header.size() + " tab-separated columns, found " + cells.length);
                }
                rows.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
    }

    private record Row(String file, int line, String[] cells) {
        String get(int i) {
            return cells[i];
        }

        int integer(int i) {
            try {
                return Integer.parseInt(cells[i]);
            } catch (NumberFormatException e) {
                throw error("column " + (i + 1) + " must be a whole number, got " + cells[i]);
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(file + " line " + line + ": " + message);
        }
    }
}
