package org.yibao.engine.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy (医保待遇政策) of one pooling region for one calendar year: everything DOMAIN §4.2 and §4.3
 * make a number. It is data read from a file a person edits (R-REF-4); {@link PolicyValidator} says
 * whether it is coherent. Immutable.
 *
 * @param admdvs                      pooling region (统筹区) code
 * @param year                        policy year
 * @param categories                  person categories in matching order
 * @param pools                       pools by kind
 * @param chronicDiseases             门诊慢特病 with ratio and cap per insutype
 * @param supplementaryLayers         funds after the basic fund, in paying order
 * @param mutualAidPools              pools where family mutual-aid accounts (家庭共济) may pay
 * @param freeHealthCheckItem         catalogue code of the free yearly health check (R-INS-4)
 * @param designationChangesPerYear   changes of designated institutions per calendar year (R-INS-2); null = unlimited
 */
public record RegionPolicy(String admdvs, int year, String name, List<PersonCategory> categories,
                           Map<PoolKind, Pool> pools, Refusals refusals, List<ChronicDisease> chronicDiseases,
                           RatioAdjustments ratioAdjustments, List<SupplementaryLayer> supplementaryLayers,
                           Set<PoolKind> mutualAidPools, String freeHealthCheckItem, Integer designationChangesPerYear) {

    public RegionPolicy {
        categories = categories == null ? List.of() : List.copyOf(categories);
        pools = pools == null || pools.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(pools));
        chronicDiseases = chronicDiseases == null ? List.of() : List.copyOf(chronicDiseases);
        supplementaryLayers = supplementaryLayers == null ? List.of() : List.copyOf(supplementaryLayers);
        mutualAidPools = mutualAidPools == null ? Set.of() : Set.copyOf(mutualAidPools);
    }

    /** The pool a {@code med_type} settles in; empty when the region has none (see {@link Refusals}). */
    public Optional<Pool> poolFor(String medType) {
        for (Pool pool : pools.values()) {
            if (pool.settles(medType)) {
                return Optional.of(pool);
            }
        }
        return Optional.empty();
    }

    public Optional<Pool> pool(PoolKind kind) {
        return Optional.ofNullable(pools.get(kind));
    }

    /** The message refusing a {@code med_type} that has no pool; empty when it has one. */
    public Optional<String> medTypeRefusal(String medType) {
        if (poolFor(medType).isPresent()) {
            return Optional.empty();
        }
        return refusals.medTypeRefusal(medType).or(() -> Optional.ofNullable(refusals.otherMedTypeMessage()));
    }

    /** The category of a person, by insutype and psn_type; empty when the policy does not cover them. */
    public Optional<PersonCategory> categoryOf(String insutype, String psnType) {
        for (PersonCategory category : categories) {
            if (category.covers(insutype, psnType)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** The chronic disease a {@code dise_codg} falls under (longest matching key). */
    public Optional<ChronicDisease> chronicDiseaseFor(String diseCodg) {
        return chronicDiseases.stream().filter(d -> d.matches(diseCodg))
                .max((a, b) -> Integer.compare(a.key().length(), b.key().length()));
    }

    public Optional<SupplementaryLayer> layer(String key) {
        return supplementaryLayers.stream().filter(l -> key.equals(l.key())).findFirst();
    }

    /** Whether changes of designated institutions are unlimited in this region. */
    public boolean designationChangesUnlimited() {
        return designationChangesPerYear == null;
    }
}
