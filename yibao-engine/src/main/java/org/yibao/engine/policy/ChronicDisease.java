package org.yibao.engine.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * A chronic or special outpatient disease (门诊慢特病) with its ratio and yearly cap per insurance
 * type; no deductible. A visit's {@code dise_codg} matches the key by prefix (E11.900 → E11).
 */
public record ChronicDisease(String key, String name, Map<String, Terms> terms) {

    /** Ratio and yearly cap of one insurance type (310, 390). */
    public record Terms(Ratio ratio, Money yearlyCap) {}

    public ChronicDisease {
        terms = terms == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    public boolean matches(String diseCodg) {
        return diseCodg != null && key != null && diseCodg.startsWith(key);
    }

    public Optional<Terms> termsFor(String insutype) {
        return Optional.ofNullable(terms.get(insutype));
    }
}
