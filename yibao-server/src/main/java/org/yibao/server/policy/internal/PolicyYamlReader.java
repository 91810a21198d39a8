package org.yibao.server.policy.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.ChronicDisease;
import org.yibao.engine.policy.Deductible;
import org.yibao.engine.policy.InstitutionLevel;
import org.yibao.engine.policy.PersonCategory;
import org.yibao.engine.policy.PolicyValidator;
import org.yibao.engine.policy.Pool;
import org.yibao.engine.policy.PoolKind;
import org.yibao.engine.policy.PoolTerms;
import org.yibao.engine.policy.RatioAdjustments;
import org.yibao.engine.policy.Refusals;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.engine.policy.SupplementaryLayer;
import org.yibao.server.policy.PolicyProblem;

/**
 * Reads a policy file (format: docs/policy-format.md) through SnakeYAML's node tree, so that every
 * error names the line: syntax, unknown key, wrong type, missing key, and every
 * {@link PolicyValidator} violation mapped back to the line of the offending key (R-REF-4).
 * One instance reads one file; not thread-safe.
 */
public final class PolicyYamlReader {

    /** The outcome: the policy when there is no problem, else the problems (file order). */
    public record Result(RegionPolicy policy, List<PolicyProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private static final List<String> TOP = List.of("region", "year", "name", "categories", "pools", "refusals",
            "chronic_diseases", "ratio_adjustments", "supplementary_layers", "mutual_aid_pools", "free_health_check_item",
            "designation_changes_per_year");

    private final String file;
    private final List<PolicyProblem> problems = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private final String expectedRegion;
    private final Integer expectedYear;

    private PolicyYamlReader(String file, String expectedRegion, Integer expectedYear) {
        this.file = file;
        this.expectedRegion = expectedRegion;
        this.expectedYear = expectedYear;
    }

    /** Reads and validates {@code content}; {@code file} names it in every problem ("990100/2026.yaml"). */
    public static Result read(String file, String content) {
        return new PolicyYamlReader(file, null, null).run(content);
    }

    /** Like {@link #read(String, String)}, and the file's region and year must be the given ones (its place). */
    public static Result read(String file, String content, String expectedRegion, int expectedYear) {
        return new PolicyYamlReader(file, expectedRegion, expectedYear).run(content);
    }

    private Result run(String content) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problem(mark == null ? 1 : mark.getLine() + 1, "", "syntax", "not valid YAML: " + e.getProblem());
            return result(null);
        } catch (YAMLException e) {
            problem(1, "", "syntax", "not valid YAML: " + e.getMessage());
            return result(null);
        }
        if (root == null) {
            problem(1, "", "required", "the file is empty; see docs/policy-format.md");
            return result(null);
        }
        RegionPolicy policy = policy(root);
        if (policy == null) {
            return result(null);
        }
        // The validator also runs on a partly read file, so that one answer lists every problem; a
        // path the reader already reported is not reported twice.
        List<PolicyValidator.Violation> violations;
        try {
            violations = PolicyValidator.validate(policy);
        } catch (RuntimeException incomplete) {
            violations = List.of();
        }
        Set<String> reported = new java.util.HashSet<>();
        problems.forEach(p -> reported.add(p.path()));
        for (PolicyValidator.Violation v : violations) {
            if (reported.stream().noneMatch(r -> v.path().equals(r) || v.path().startsWith(r + ".") || v.path().startsWith(r + "["))) {
                problem(lineOf(v.path()), v.path(), v.rule(), v.reason());
            }
        }
        return result(problems.isEmpty() ? policy : null);
    }

    private Result result(RegionPolicy policy) {
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Result(policy, List.copyOf(problems));
    }

    // --- the document -------------------------------------------------------------------------

    private RegionPolicy policy(Node root) {
        Map<String, Node> top = mapping(root, "", TOP);
        if (top == null) {
            return null;
        }
        String region = code(need(top, root, "", "region"), "region");
        Integer year = integer(need(top, root, "", "year"), "year");
        if (expectedRegion != null && region != null && !expectedRegion.equals(region)) {
            problem(lineOf("region"), "region", "mismatch", "this file is the policy of region " + region
                    + " but is given for region " + expectedRegion + "; correct the region or put the file in its place");
        }
        if (expectedYear != null && year != null && !expectedYear.equals(year)) {
            problem(lineOf("year"), "year", "mismatch", "this file is the policy of year " + year
                    + " but is given for year " + expectedYear + "; correct the year or put the file in its place");
        }
        String name = text(top.get("name"), "name");
        List<PersonCategory> categories = categories(need(top, root, "", "categories"));
        Map<PoolKind, Pool> pools = pools(need(top, root, "", "pools"));
        Refusals refusals = refusals(need(top, root, "", "refusals"));
        List<ChronicDisease> chronic = chronicDiseases(top.get("chronic_diseases"));
        RatioAdjustments adjustments = adjustments(need(top, root, "", "ratio_adjustments"));
        List<SupplementaryLayer> layers = layers(top.get("supplementary_layers"));
        Set<PoolKind> mutualAid = poolSet(need(top, root, "", "mutual_aid_pools"), "mutual_aid_pools");
        String freeCheck = code(need(top, root, "", "free_health_check_item"), "free_health_check_item");
        Integer changes = designationChanges(need(top, root, "", "designation_changes_per_year"));
        return new RegionPolicy(region, year == null ? 0 : year, name, categories, pools, refusals, chronic, adjustments,
                layers, mutualAid, freeCheck, changes);
    }

    private List<PersonCategory> categories(Node node) {
        List<PersonCategory> result = new ArrayList<>();
        Map<String, Node> entries = entries(node, "categories");
        if (entries == null) {
            return result;
        }
        entries.forEach((key, value) -> {
            String path = "categories." + key;
            Map<String, Node> m = mapping(value, path, List.of("name", "insutype", "psn_types", "basic_fund_pay_type"));
            if (m != null) {
                result.add(new PersonCategory(key, text(m.get("name"), path + ".name"),
                        code(need(m, value, path, "insutype"), path + ".insutype"),
                        codes(need(m, value, path, "psn_types"), path + ".psn_types"),
                        code(need(m, value, path, "basic_fund_pay_type"), path + ".basic_fund_pay_type")));
            }
        });
        return result;
    }

    private Map<PoolKind, Pool> pools(Node node) {
        Map<PoolKind, Pool> result = new EnumMap<>(PoolKind.class);
        Map<String, Node> entries = entries(node, "pools");
        if (entries == null) {
            return result;
        }
        entries.forEach((key, value) -> {
            String path = "pools." + key;
            var kind = PoolKind.ofKey(key);
            if (kind.isEmpty()) {
                problem(lineOf(path), path, "unknown-key", "unknown pool '" + key + "'; the pools are " + poolKeys());
                return;
            }
            Map<String, Node> m = mapping(value, path, List.of("med_types", "personal_account_only", "categories"));
            if (m == null) {
                return;
            }
            Boolean accountOnly = m.containsKey("personal_account_only")
                    ? bool(m.get("personal_account_only"), path + ".personal_account_only") : Boolean.FALSE;
            Map<String, PoolTerms> terms = new LinkedHashMap<>();
            Map<String, Node> cats = m.containsKey("categories") ? entries(m.get("categories"), path + ".categories") : null;
            if (cats != null) {
                cats.forEach((cat, termsNode) -> terms.put(cat, terms(termsNode, path + ".categories." + cat)));
            }
            result.put(kind.get(), new Pool(kind.get(), codes(need(m, value, path, "med_types"), path + ".med_types"),
                    Boolean.TRUE.equals(accountOnly), terms));
        });
        return result;
    }

    private PoolTerms terms(Node node, String path) {
        Map<String, Node> m = mapping(node, path, List.of("deductible", "ratios", "yearly_cap"));
        if (m == null) {
            return null;
        }
        Deductible deductible = deductible(need(m, node, path, "deductible"), path + ".deductible");
        Map<InstitutionLevel, Ratio> ratios = byLevel(need(m, node, path, "ratios"), path + ".ratios", this::ratio);
        return new PoolTerms(deductible, ratios, money(need(m, node, path, "yearly_cap"), path + ".yearly_cap"));
    }

    private Deductible deductible(Node node, String path) {
        Map<String, Node> m = mapping(node, path, List.of("per_year", "per_admission", "later_admission_factor"));
        if (m == null) {
            return null;
        }
        if (m.containsKey("per_year") == m.containsKey("per_admission")) {
            problem(line(node), path, "required", "give exactly one of per_year or per_admission (per_year: 0 for none)");
            return null;
        }
        if (m.containsKey("per_year")) {
            if (m.containsKey("later_admission_factor")) {
                problem(line(m.get("later_admission_factor")), path + ".later_admission_factor", "unexpected",
                        "later_admission_factor only goes with per_admission");
            }
            return Deductible.perYear(money(m.get("per_year"), path + ".per_year"));
        }
        return Deductible.perAdmission(byLevel(m.get("per_admission"), path + ".per_admission", this::money),
                ratio(need(m, node, path, "later_admission_factor"), path + ".later_admission_factor"));
    }

    private Refusals refusals(Node node) {
        String path = "refusals";
        Map<String, Node> m = mapping(node, path, List.of("med_types", "psn_setlway", "other_med_types"));
        if (m == null) {
            return null;
        }
        return new Refusals(codeRefusals(m.get("med_types"), path + ".med_types"),
                codeRefusals(m.get("psn_setlway"), path + ".psn_setlway"),
                text(need(m, node, path, "other_med_types"), path + ".other_med_types"));
    }

    private List<Refusals.CodeRefusal> codeRefusals(Node node, String path) {
        List<Refusals.CodeRefusal> result = new ArrayList<>();
        List<Node> items = sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            String ip = path + "[" + i + "]";
            Node item = items.get(i);
            Map<String, Node> m = mapping(item, ip, List.of("codes", "message"));
            if (m != null) {
                result.add(new Refusals.CodeRefusal(codes(need(m, item, ip, "codes"), ip + ".codes"),
                        text(need(m, item, ip, "message"), ip + ".message")));
            }
        }
        return result;
    }

    private List<ChronicDisease> chronicDiseases(Node node) {
        List<ChronicDisease> result = new ArrayList<>();
        Map<String, Node> entries = node == null ? null : entries(node, "chronic_diseases");
        if (entries == null) {
            return result;
        }
        entries.forEach((key, value) -> {
            String path = "chronic_diseases." + key;
            Map<String, Node> m = mapping(value, path, List.of("name", "terms"));
            if (m == null) {
                return;
            }
            Map<String, ChronicDisease.Terms> terms = new LinkedHashMap<>();
            Map<String, Node> byInsutype = entries(need(m, value, path, "terms"), path + ".terms");
            if (byInsutype != null) {
                byInsutype.forEach((insutype, t) -> {
                    String tp = path + ".terms." + insutype;
                    Map<String, Node> tm = mapping(t, tp, List.of("ratio", "yearly_cap"));
                    if (tm != null) {
                        terms.put(insutype, new ChronicDisease.Terms(ratio(need(tm, t, tp, "ratio"), tp + ".ratio"),
                                money(need(tm, t, tp, "yearly_cap"), tp + ".yearly_cap")));
                    }
                });
            }
            result.add(new ChronicDisease(key, text(need(m, value, path, "name"), path + ".name"), terms));
        });
        return result;
    }

    private RatioAdjustments adjustments(Node node) {
        String path = "ratio_adjustments";
        Map<String, Node> m = mapping(node, path, List.of("applies_to", "chronic_at_community", "referral_up",
                "referral_down", "family_doctor_1_1_1", "self_referral", "cross_region", "bounds"));
        if (m == null) {
            return null;
        }
        RatioAdjustments.ChronicAtCommunity chronic = null;
        Node cn = need(m, node, path, "chronic_at_community");
        String cp = path + ".chronic_at_community";
        Map<String, Node> c = cn == null ? null : mapping(cn, cp, List.of("points", "level", "pools", "diseases"));
        if (c != null) {
            chronic = new RatioAdjustments.ChronicAtCommunity(ratio(need(c, cn, cp, "points"), cp + ".points"),
                    level(need(c, cn, cp, "level"), cp + ".level"), poolSet(need(c, cn, cp, "pools"), cp + ".pools"),
                    codes(need(c, cn, cp, "diseases"), cp + ".diseases"));
        }
        RatioAdjustments.SelfReferral self = null;
        Node sn = need(m, node, path, "self_referral");
        String sp = path + ".self_referral";
        Map<String, Node> s = sn == null ? null : mapping(sn, sp, List.of("points", "level", "pools", "except_med_types"));
        if (s != null) {
            self = new RatioAdjustments.SelfReferral(ratio(need(s, sn, sp, "points"), sp + ".points"),
                    level(need(s, sn, sp, "level"), sp + ".level"), poolSet(need(s, sn, sp, "pools"), sp + ".pools"),
                    s.containsKey("except_med_types") ? codes(s.get("except_med_types"), sp + ".except_med_types") : List.of());
        }
        RatioAdjustments.CrossRegion cross = null;
        Node xn = need(m, node, path, "cross_region");
        String xp = path + ".cross_region";
        Map<String, Node> x = xn == null ? null : mapping(xn, xp, List.of("long_term", "referral_or_emergency", "other_temporary"));
        if (x != null) {
            cross = new RatioAdjustments.CrossRegion(ratio(need(x, xn, xp, "long_term"), xp + ".long_term"),
                    ratio(need(x, xn, xp, "referral_or_emergency"), xp + ".referral_or_emergency"),
                    ratio(need(x, xn, xp, "other_temporary"), xp + ".other_temporary"));
        }
        RatioAdjustments.Bounds bounds = null;
        Node bn = need(m, node, path, "bounds");
        String bp = path + ".bounds";
        Map<String, Node> b = bn == null ? null : mapping(bn, bp, List.of("min", "max"));
        if (b != null) {
            bounds = new RatioAdjustments.Bounds(ratio(need(b, bn, bp, "min"), bp + ".min"), ratio(need(b, bn, bp, "max"), bp + ".max"));
        }
        return new RatioAdjustments(poolSet(need(m, node, path, "applies_to"), path + ".applies_to"), chronic,
                ratio(need(m, node, path, "referral_up"), path + ".referral_up"),
                ratio(need(m, node, path, "referral_down"), path + ".referral_down"),
                ratio(need(m, node, path, "family_doctor_1_1_1"), path + ".family_doctor_1_1_1"), self, cross, bounds);
    }

    private List<SupplementaryLayer> layers(Node node) {
        List<SupplementaryLayer> result = new ArrayList<>();
        Map<String, Node> entries = node == null ? null : entries(node, "supplementary_layers");
        if (entries == null) {
            return result;
        }
        entries.forEach((key, value) -> {
            String path = "supplementary_layers." + key;
            Map<String, Node> m = mapping(value, path, List.of("name", "fund_pay_type", "base", "insutypes", "pools",
                    "bands", "identity_rates", "yearly_cap"));
            if (m == null) {
                return;
            }
            List<SupplementaryLayer.RateBand> bands = new ArrayList<>();
            List<Node> bandNodes = m.containsKey("bands") ? sequence(m.get("bands"), path + ".bands") : List.of();
            for (int i = 0; i < bandNodes.size(); i++) {
                String bp = path + ".bands[" + i + "]";
                Node bandNode = bandNodes.get(i);
                Map<String, Node> b = mapping(bandNode, bp, List.of("from", "to", "rate"));
                if (b != null) {
                    bands.add(new SupplementaryLayer.RateBand(money(need(b, bandNode, bp, "from"), bp + ".from"),
                            isNull(b.get("to")) ? null : money(b.get("to"), bp + ".to"), ratio(need(b, bandNode, bp, "rate"), bp + ".rate")));
                }
            }
            Map<String, Ratio> identityRates = new LinkedHashMap<>();
            Map<String, Node> ids = m.containsKey("identity_rates") ? entries(m.get("identity_rates"), path + ".identity_rates") : null;
            if (ids != null) {
                ids.forEach((identity, rate) -> identityRates.put(identity, ratio(rate, path + ".identity_rates." + identity)));
            }
            Set<String> insutypes = m.containsKey("insutypes") ? new LinkedHashSet<>(codes(m.get("insutypes"), path + ".insutypes")) : Set.of();
            result.add(new SupplementaryLayer(key, text(need(m, value, path, "name"), path + ".name"),
                    code(need(m, value, path, "fund_pay_type"), path + ".fund_pay_type"),
                    base(need(m, value, path, "base"), path + ".base"), insutypes,
                    poolSet(need(m, value, path, "pools"), path + ".pools"), bands, identityRates,
                    isNull(m.get("yearly_cap")) ? null : money(m.get("yearly_cap"), path + ".yearly_cap")));
        });
        return result;
    }

    private Integer designationChanges(Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s && "unlimited".equals(s.getValue())) {
            return null;
        }
        return integer(node, "designation_changes_per_year");
    }

    // --- node helpers ---------------------------------------------------------------------------

    /** A mapping with fixed keys: reports unknown keys and records each key's line. */
    private Map<String, Node> mapping(Node node, String path, List<String> allowed) {
        Map<String, Node> m = entries(node, path);
        if (m == null) {
            return null;
        }
        for (String key : m.keySet()) {
            if (!allowed.contains(key)) {
                String kp = join(path, key);
                problem(lineOf(kp), kp, "unknown-key", "unknown key '" + key + "'" + (path.isEmpty() ? "" : " in " + path)
                        + "; allowed keys: " + String.join(", ", allowed));
            }
        }
        m.keySet().retainAll(allowed);
        return m;
    }

    /** A mapping with free keys (category names, disease keys, …); records each key's line. */
    private Map<String, Node> entries(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof MappingNode mn)) {
            problem(line(node), path, "type", "expected a mapping of keys to values here" + got(node));
            return null;
        }
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problem(line(t.getKeyNode()), path, "type", "a key must be a plain word");
                continue;
            }
            String kp = join(path, k.getValue());
            lines.put(kp, line(k));
            if (result.put(k.getValue(), t.getValueNode()) != null) {
                problem(line(k), kp, "unique", "key '" + k.getValue() + "' appears twice");
            }
        }
        return result;
    }

    private List<Node> sequence(Node node, String path) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sn)) {
            problem(line(node), path, "type", "expected a list here" + got(node));
            return List.of();
        }
        List<Node> items = sn.getValue();
        for (int i = 0; i < items.size(); i++) {
            lines.put(path + "[" + i + "]", line(items.get(i)));
        }
        return items;
    }

    /** The value of a required key, or null after reporting it missing at the parent's line. */
    private Node need(Map<String, Node> m, Node parent, String path, String key) {
        Node n = m.get(key);
        if (n == null) {
            problem(line(parent), join(path, key), "required", "required key '" + key + "' is missing"
                    + (path.isEmpty() ? "" : " in " + path));
        }
        return n;
    }

    private String scalar(Node node, String path, String expected) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode s) || isNull(node)) {
            problem(line(node), path, "type", "expected " + expected + got(node));
            return null;
        }
        return s.getValue();
    }

    private String text(Node node, String path) {
        return scalar(node, path, "a text");
    }

    private String code(Node node, String path) {
        String value = scalar(node, path, "a code");
        if (value != null && value.isBlank()) {
            problem(line(node), path, "required", "the code must not be blank");
        }
        return value;
    }

    private List<String> codes(Node node, String path) {
        List<String> result = new ArrayList<>();
        List<Node> items = sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            String c = code(items.get(i), path + "[" + i + "]");
            if (c != null) {
                result.add(c);
            }
        }
        return result;
    }

    private Integer integer(Node node, String path) {
        String value = scalar(node, path, "a whole number");
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            problem(line(node), path, "type", "'" + value + "' is not a whole number");
            return null;
        }
    }

    private Boolean bool(Node node, String path) {
        String value = scalar(node, path, "true or false");
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problem(line(node), path, "type", "'" + value + "' is not true or false");
            return null;
        }
        return Boolean.valueOf(value);
    }

    private BigDecimal decimal(Node node, String path, String expected) {
        String value = scalar(node, path, expected);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            problem(line(node), path, "type", "'" + value + "' is not " + expected);
            return null;
        }
    }

    private Money money(Node node, String path) {
        BigDecimal d = decimal(node, path, "an amount in yuan (e.g. 1000.00)");
        if (d == null) {
            return null;
        }
        try {
            return Money.of(d);
        } catch (IllegalArgumentException e) {
            problem(line(node), path, "scale", e.getMessage());
            return null;
        }
    }

    private Ratio ratio(Node node, String path) {
        BigDecimal d = decimal(node, path, "a ratio (e.g. 0.60)");
        if (d == null) {
            return null;
        }
        try {
            return Ratio.of(d);
        } catch (IllegalArgumentException e) {
            problem(line(node), path, "scale", e.getMessage());
            return null;
        }
    }

    private InstitutionLevel level(Node node, String path) {
        String value = scalar(node, path, "a level L1, L2 or L3");
        if (value == null) {
            return null;
        }
        try {
            return InstitutionLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            problem(line(node), path, "type", "'" + value + "' is not a level; use L1, L2 or L3");
            return null;
        }
    }

    private <T> Map<InstitutionLevel, T> byLevel(Node node, String path, java.util.function.BiFunction<Node, String, T> reader) {
        Map<InstitutionLevel, T> result = new EnumMap<>(InstitutionLevel.class);
        Map<String, Node> m = mapping(node, path, List.of("L1", "L2", "L3"));
        if (m != null) {
            m.forEach((key, value) -> {
                T v = reader.apply(value, path + "." + key);
                if (v != null) {
                    result.put(InstitutionLevel.valueOf(key), v);
                }
            });
        }
        return result;
    }

    private Set<PoolKind> poolSet(Node node, String path) {
        Set<PoolKind> result = new LinkedHashSet<>();
        for (String key : codes(node, path)) {
            PoolKind.ofKey(key).ifPresentOrElse(result::add, () ->
                    problem(lineOf(path), path, "unknown", "unknown pool '" + key + "'; the pools are " + poolKeys()));
        }
        return result;
    }

    private SupplementaryLayer.Base base(Node node, String path) {
        String value = scalar(node, path, "a base");
        if (value == null) {
            return null;
        }
        for (SupplementaryLayer.Base b : SupplementaryLayer.Base.values()) {
            if (b.key().equals(value)) {
                return b;
            }
        }
        problem(line(node), path, "unknown", "unknown base '" + value + "'; use over_cap, yearly_self_burden or remaining_after_funds");
        return null;
    }

    private static boolean isNull(Node node) {
        return node != null && Tag.NULL.equals(node.getTag());
    }

    private static String got(Node node) {
        if (node instanceof MappingNode) {
            return ", not a mapping";
        }
        if (node instanceof SequenceNode) {
            return ", not a list";
        }
        if (isNull(node)) {
            return ", not an empty value";
        }
        return node instanceof ScalarNode s ? ", not '" + s.getValue() + "'" : "";
    }

    private static String poolKeys() {
        return String.join(", ", java.util.Arrays.stream(PoolKind.values()).map(PoolKind::key).toList());
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** The line of a path, or of its nearest ancestor that is in the file (a missing level → its parent's line). */
    private int lineOf(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? null : p.substring(0, cut);
        }
        return 1;
    }

    private void problem(int line, String path, String rule, String message) {
        problems.add(new PolicyProblem(file, line, path, rule, message));
    }
}
