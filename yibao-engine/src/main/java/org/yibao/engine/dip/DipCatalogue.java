package org.yibao.engine.dip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yibao.engine.money.Money;

/**
 * The DIP catalogue (病种目录库, R-PAY-3) of a region, built from its history of inpatient cases.
 *
 * <p><b>Groups.</b> A case's core group is its principal diagnosis' first 5 characters + its main
 * procedure (or none), e.g. {@code K35.8/47.0100}, {@code J18.9/-}. A core group with at least
 * {@value #CORE_MINIMUM_CASES} cases in the history (all years counted, unweighted) is a core group
 * (核心病种); the cases of every other core group fold into the comprehensive group (综合病种) of their
 * diagnosis category (first 3 characters) and procedure type ({@link ProcedureType}), e.g. {@code K35/SURGICAL}.
 *
 * <p><b>Weighting (1:2:7).</b> The history is the three years up to the newest history year {@code N}:
 * year N−2 weighs 1, N−1 weighs 2, N weighs 7. For a set of cases (a group, or all cases) the weighted
 * mean cost is {@code Σ w_y × mean_y ÷ Σ w_y} over the years in which the set has cases, where
 * {@code mean_y} is the plain mean cost of the set's cases of year y: a year without cases of the set
 * drops out and the other years keep their proportion ("where available"). Each year's mean is kept to
 * 12 decimals; the weighted mean is rounded half-up to the fen.
 *
 * <p><b>Score (分值)</b> = group weighted mean cost ÷ weighted mean cost of all cases × 1000, rounded
 * half-up to 4 decimals, from the two means as rounded to the fen.
 */
public final class DipCatalogue {

    /** Cases a group needs in the history to be a core group. */
    public static final int CORE_MINIMUM_CASES = 15;
    /** The weights of the three history years, oldest first. */
    public static final int[] YEAR_WEIGHTS = {1, 2, 7};
    static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final int MEAN_SCALE = 12;

    public enum Kind {
        /** 核心病种: at least {@value DipCatalogue#CORE_MINIMUM_CASES} history cases. */
        CORE,
        /** 综合病种: diagnosis category + procedure type, for the cases of smaller groups. */
        COMPREHENSIVE
    }

    /**
     * One group of the catalogue.
     *
     * @param cases    history cases in the group (unweighted)
     * @param meanCost weighted mean cost (1:2:7), to the fen
     * @param score    the group's score (分值), 4 decimals
     */
    public record Group(String code, Kind kind, long cases, Money meanCost, BigDecimal score) {
        public Group {
            if (cases < 1 || !meanCost.isPositive() || score.signum() <= 0) {
                throw new IllegalArgumentException("group " + code + ": cases, mean cost and score must be positive");
            }
            score = score.setScale(4, RoundingMode.UNNECESSARY);
        }
    }

    private final int newestYear;
    private final Money meanCost;
    private final Map<String, Group> groups;

    private DipCatalogue(int newestYear, Money meanCost, List<Group> groups) {
        this.newestYear = newestYear;
        this.meanCost = meanCost;
        Map<String, Group> byCode = new TreeMap<>();
        for (Group g : groups) {
            if (byCode.put(g.code(), g) != null) {
                throw new IllegalArgumentException("group " + g.code() + " twice in the catalogue");
            }
        }
        this.groups = Collections.unmodifiableMap(byCode);
    }

    /** A catalogue as stored (built earlier by {@link #build}). */
    public static DipCatalogue of(int newestYear, Money meanCost, List<Group> groups) {
        return new DipCatalogue(newestYear, meanCost, groups);
    }

    /**
     * Builds the catalogue from the history cases of years {@code newestYear − 2 … newestYear}.
     *
     * @throws IllegalArgumentException when there is no case, a case lies outside the three years, or a
     *                                  cost is not positive (a reversed or free stay has no place in a mean)
     */
    public static DipCatalogue build(int newestYear, List<DipCase> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no history cases in " + (newestYear - 2) + "–" + newestYear);
        }
        Map<String, List<DipCase>> core = new TreeMap<>();
        for (DipCase c : history) {
            weight(c.year(), newestYear);
            if (!c.cost().isPositive()) {
                throw new IllegalArgumentException("case " + c.caseId() + " has no positive cost: " + c.cost());
            }
            core.computeIfAbsent(c.coreCode(), k -> new ArrayList<>()).add(c);
        }
        Money all = weightedMean(history, newestYear);
        Map<String, List<DipCase>> comprehensive = new TreeMap<>();
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<DipCase>> e : core.entrySet()) {
            if (e.getValue().size() >= CORE_MINIMUM_CASES) {
                groups.add(group(e.getKey(), Kind.CORE, e.getValue(), newestYear, all));
            } else {
                for (DipCase c : e.getValue()) {
                    comprehensive.computeIfAbsent(c.comprehensiveCode(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        comprehensive.forEach((code, cases) -> groups.add(group(code, Kind.COMPREHENSIVE, cases, newestYear, all)));
        return new DipCatalogue(newestYear, all, groups);
    }

    private static Group group(String code, Kind kind, List<DipCase> cases, int newestYear, Money all) {
        Money mean = weightedMean(cases, newestYear);
        return new Group(code, kind, cases.size(), mean, score(mean, all));
    }

    /** Score = mean ÷ mean of all cases × 1000, half-up to 4 decimals. */
    public static BigDecimal score(Money groupMean, Money allMean) {
        return groupMean.toBigDecimal().multiply(THOUSAND).divide(allMean.toBigDecimal(), 4, RoundingMode.HALF_UP);
    }

    /** The weight of a history year: 1, 2, 7 for N−2, N−1, N. */
    public static int weight(int year, int newestYear) {
        int age = newestYear - year;
        if (age < 0 || age > 2) {
            throw new IllegalArgumentException("a history year lies in " + (newestYear - 2) + "–" + newestYear + ", got " + year);
        }
        return YEAR_WEIGHTS[2 - age];
    }

    /** Σ w_y × mean_y ÷ Σ w_y over the years with cases, half-up to the fen. */
    public static Money weightedMean(List<DipCase> cases, int newestYear) {
        Map<Integer, long[]> byYear = new TreeMap<>();
        for (DipCase c : cases) {
            long[] s = byYear.computeIfAbsent(c.year(), y -> new long[2]);
            s[0] = Math.addExact(s[0], c.cost().fen());
            s[1]++;
        }
        BigDecimal weighted = BigDecimal.ZERO;
        long weights = 0;
        for (Map.Entry<Integer, long[]> y : byYear.entrySet()) {
            int w = weight(y.getKey(), newestYear);
            BigDecimal mean = BigDecimal.valueOf(y.getValue()[0], 2).divide(BigDecimal.valueOf(y.getValue()[1]), MEAN_SCALE,
                    RoundingMode.HALF_UP);
            weighted = weighted.add(mean.multiply(BigDecimal.valueOf(w)));
            weights += w;
        }
        return Money.of(weighted.divide(BigDecimal.valueOf(weights), Money.SCALE, RoundingMode.HALF_UP));
    }

    /** The group a case is paid in: its core group if the catalogue has it, else its comprehensive group, else none. */
    public Optional<Group> groupOf(DipCase c) {
        Group g = groups.get(c.coreCode());
        if (g != null && g.kind() == Kind.CORE) {
            return Optional.of(g);
        }
        return Optional.ofNullable(groups.get(c.comprehensiveCode()));
    }

    public int newestYear() {
        return newestYear;
    }

    /** Weighted mean cost of all history cases, to the fen. */
    public Money meanCost() {
        return meanCost;
    }

    /** Every group, core and comprehensive, by code. */
    public List<Group> groups() {
        return List.copyOf(groups.values());
    }

    /** The groups by code. */
    public Map<String, Group> byCode() {
        return new LinkedHashMap<>(groups);
    }
}
