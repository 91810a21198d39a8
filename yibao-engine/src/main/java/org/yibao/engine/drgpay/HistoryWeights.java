package org.yibao.engine.drgpay;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * Weights from a region's own history (R-PAY-2) for groups the published table has no weight for:
 * RW = the group's mean cost ÷ the mean cost of all cases of the history, when the group has at least
 * {@code minCases} cases; rounded half-up to 4 decimals (the scale of a published weight), computed exactly as
 * (group total × all cases) ÷ (group cases × all total). "All cases" are every case of the history, grouped
 * or not; a case counts for its group only when it was grouped (a DRG of status SUCCESS).
 */
public final class HistoryWeights {

    /** No history: every group without a published weight is paid by items. */
    public static final HistoryWeights NONE = new Builder(1).build();

    private final Map<String, long[]> groups;
    private final Map<String, Ratio> weights = new HashMap<>();
    private final long cases;
    private final long totalFen;
    private final int minCases;

    private HistoryWeights(Map<String, long[]> groups, long cases, long totalFen, int minCases) {
        this.groups = groups;
        this.cases = cases;
        this.totalFen = totalFen;
        this.minCases = minCases;
        // Worked out once: payment asks for a weight per case.
        groups.forEach((drg, g) -> {
            if (g[0] >= minCases && totalFen > 0) {
                BigInteger numerator = BigInteger.valueOf(g[1]).multiply(BigInteger.valueOf(cases));
                BigInteger denominator = BigInteger.valueOf(g[0]).multiply(BigInteger.valueOf(totalFen));
                weights.put(drg, Ratio.of(new BigDecimal(numerator).divide(new BigDecimal(denominator), Ratio.SCALE, RoundingMode.HALF_UP)));
            }
        });
    }

    /** Collects the history one case at a time (constant memory per group). Not thread-safe. */
    public static final class Builder {
        private final Map<String, long[]> groups = new HashMap<>();
        private final int minCases;
        private long cases;
        private long totalFen;

        public Builder(int minCases) {
            if (minCases < 1) {
                throw new IllegalArgumentException("minCases must be at least 1, got " + minCases);
            }
            this.minCases = minCases;
        }

        /** A case of the history: its DRG (null when it was not grouped) and its cost (medical fees). */
        public Builder add(String drg, Money cost) {
            cases++;
            totalFen = Math.addExact(totalFen, cost.fen());
            if (drg != null) {
                long[] g = groups.computeIfAbsent(drg, k -> new long[2]);
                g[0]++;
                g[1] = Math.addExact(g[1], cost.fen());
            }
            return this;
        }

        public HistoryWeights build() {
            Map<String, long[]> copy = new HashMap<>();
            groups.forEach((k, v) -> copy.put(k, v.clone()));
            return new HistoryWeights(copy, cases, totalFen, minCases);
        }
    }

    /** One history from parts collected separately (e.g. one per thread), all with the same {@code minCases}. */
    public static HistoryWeights merge(java.util.List<Builder> parts) {
        if (parts.isEmpty()) {
            return NONE;
        }
        Builder all = new Builder(parts.get(0).minCases);
        for (Builder b : parts) {
            if (b.minCases != all.minCases) {
                throw new IllegalArgumentException("parts with different minCases: " + b.minCases + " and " + all.minCases);
            }
            all.cases += b.cases;
            all.totalFen = Math.addExact(all.totalFen, b.totalFen);
            b.groups.forEach((drg, g) -> {
                long[] into = all.groups.computeIfAbsent(drg, k -> new long[2]);
                into[0] += g[0];
                into[1] = Math.addExact(into[1], g[1]);
            });
        }
        return all.build();
    }

    /** One group of a history: its cases and their total cost in fen. */
    public record Group(long cases, long costFen) {}

    /**
     * A history as it was collected, from what {@link #groups()}, {@link #cases()}, {@link #totalFen()} and
     * {@link #minCases()} gave: the same weights, so that a payment can be worked out again later with the
     * history it used (DRG corrections) although the region's history has changed since.
     */
    public static HistoryWeights restore(Map<String, Group> groups, long cases, long totalFen, int minCases) {
        if (minCases < 1) {
            throw new IllegalArgumentException("minCases must be at least 1, got " + minCases);
        }
        Map<String, long[]> copy = new HashMap<>();
        groups.forEach((drg, g) -> copy.put(drg, new long[] {g.cases(), g.costFen()}));
        return new HistoryWeights(copy, cases, totalFen, minCases);
    }

    /** Every grouped DRG of the history with its cases and cost (to store the history, see {@link #restore}). */
    public Map<String, Group> groups() {
        Map<String, Group> out = new HashMap<>();
        groups.forEach((drg, g) -> out.put(drg, new Group(g[0], g[1])));
        return out;
    }

    /** The total cost of every case of the history, in fen. */
    public long totalFen() {
        return totalFen;
    }

    /** How many groups have enough cases for a weight of their own. */
    public long weightedGroups() {
        return weights.size();
    }

    /** The history-based weight of a group: present when it has at least {@code minCases} cases. */
    public Optional<Ratio> rw(String drg) {
        return Optional.ofNullable(weights.get(drg));
    }

    /** Cases of the group in the history (0 when none). */
    public long cases(String drg) {
        long[] g = groups.get(drg);
        return g == null ? 0 : g[0];
    }

    /** Every case of the history. */
    public long cases() {
        return cases;
    }

    /** The mean cost of all cases of the history (half-up to the fen), zero without history. */
    public Money meanCost() {
        return cases == 0 ? Money.ZERO : Money.ofFen(BigDecimal.valueOf(totalFen).divide(BigDecimal.valueOf(cases), 0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    public int minCases() {
        return minCases;
    }
}
