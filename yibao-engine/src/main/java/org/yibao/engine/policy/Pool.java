package org.yibao.engine.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A benefit pool: the {@code med_type}s that settle in it and its terms per person category (keyed by
 * {@link PersonCategory#key()}). The chronic pool has no category terms (its terms are per disease);
 * a personal-account-only pool (pharmacy, 41) pays no fund at all.
 */
public record Pool(PoolKind kind, List<String> medTypes, boolean personalAccountOnly, Map<String, PoolTerms> categories) {

    public Pool {
        medTypes = medTypes == null ? List.of() : List.copyOf(medTypes);
        categories = categories == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    }

    public Optional<PoolTerms> terms(String categoryKey) {
        return Optional.ofNullable(categories.get(categoryKey));
    }

    public boolean settles(String medType) {
        return Codes.anyMatches(medTypes, medType);
    }
}
