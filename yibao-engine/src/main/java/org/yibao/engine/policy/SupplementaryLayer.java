package org.yibao.engine.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * A fund that pays after the basic fund (DOMAIN §4.3 steps 3–5), in the order of the policy's list:
 * 大额医疗费用补助 (hifob, 330100), 居民大病保险 (hifmi, 390200), 医疗救助 (maf, 610100), 公务员医疗补助
 * (320100, optional). Each pays a share of a {@link Base} by rate bands or by the person's identity,
 * up to a yearly cap.
 *
 * @param insutypes     insurance types it covers; empty = all
 * @param pools         pools it pays in
 * @param bands         rate bands over the base (hifob: one band from 0 at 0.90; hifmi: 15,000–115,000 at
 *                      0.60, above at 0.70); empty when {@code identityRates} is used
 * @param identityRates rate by identity code (2101 特困 1.00, 2102 低保 0.70, 2103 防返贫监测 0.60); the
 *                      highest of a person's identities applies
 * @param yearlyCap     most it pays a person per year; null = no cap
 */
public record SupplementaryLayer(String key, String name, String fundPayType, Base base, Set<String> insutypes,
                                 Set<PoolKind> pools, List<RateBand> bands, Map<String, Ratio> identityRates,
                                 Money yearlyCap) {

    /** What the layer's rate applies to. */
    public enum Base {
        /** The part of eligible above the basic fund's cap (hifob). */
        OVER_CAP("over_cap"),
        /** The person's yearly in-scope self-burden S, by bands (hifmi). */
        YEARLY_SELF_BURDEN("yearly_self_burden"),
        /** What remains of in-scope after the funds before it (maf). */
        REMAINING_AFTER_FUNDS("remaining_after_funds");

        private final String key;

        Base(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A rate applying to the part of the base in [from, to); {@code to} null = no upper end. */
    public record RateBand(Money from, Money to, Ratio rate) {}

    public SupplementaryLayer {
        insutypes = insutypes == null ? Set.of() : Set.copyOf(insutypes);
        pools = pools == null ? Set.of() : Set.copyOf(pools);
        bands = bands == null ? List.of() : List.copyOf(bands);
        identityRates = identityRates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(identityRates));
    }

    public boolean covers(String insutype, PoolKind pool) {
        return (insutypes.isEmpty() || insutypes.contains(insutype)) && pools.contains(pool);
    }

    /** Σ rate × (part of {@code base} in each band), each band's product rounded; 0 below the first band. */
    public Money banded(Money base) {
        Money total = Money.ZERO;
        for (RateBand band : bands) {
            if (base.compareTo(band.from()) <= 0) {
                break;
            }
            Money top = band.to() == null ? base : base.min(band.to());
            total = total.plus(top.minus(band.from()).times(band.rate()));
        }
        return total;
    }

    /**
     * Σ rate × (part of {@code base} in each band), rounded once over the whole sum (DOMAIN §4.3 step 4:
     * {@code round(f(S))}); 0 below the first band. {@link #banded} rounds each band instead.
     */
    public Money bandedRoundedOnce(Money base) {
        List<Money> parts = new ArrayList<>();
        List<Ratio> rates = new ArrayList<>();
        for (RateBand band : bands) {
            if (base.compareTo(band.from()) <= 0) {
                break;
            }
            Money top = band.to() == null ? base : base.min(band.to());
            parts.add(top.minus(band.from()));
            rates.add(band.rate());
        }
        return Money.sumOfProducts(parts, rates);
    }
}
