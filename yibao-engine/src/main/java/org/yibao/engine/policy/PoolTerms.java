package org.yibao.engine.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * What one pool pays one category: deductible, base ratio by institution level (报销比例) and the
 * basic fund's yearly cap (最高支付限额).
 */
public record PoolTerms(Deductible deductible, Map<InstitutionLevel, Ratio> ratios, Money yearlyCap) {

    public PoolTerms {
        ratios = ratios == null || ratios.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(ratios));
    }

    /** The base ratio at an institution of this level. */
    public Ratio ratio(InstitutionLevel level) {
        Ratio r = ratios.get(level);
        if (r == null) {
            throw new IllegalStateException("no ratio for level " + level);
        }
        return r;
    }
}
