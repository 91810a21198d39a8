package org.yibao.engine.policy;

import java.util.List;
import java.util.Set;
import org.yibao.engine.money.Ratio;

/**
 * Points added to the base ratio (DOMAIN §4.2) in the pools of {@code appliesTo} (general outpatient
 * and inpatient; never chronic or pharmacy); the sum is clamped to {@link Bounds} last. Outside the
 * insured region only the cross-region band applies.
 *
 * @param referralUp    转诊 up (a valid referral from a lower-level institution): +0.05
 * @param referralDown  转诊 down (rehabilitation): +0.10
 * @param familyDoctor  family doctor 1+1+1 up referral inside the contract: +0.15, replaces referral up
 */
public record RatioAdjustments(Set<PoolKind> appliesTo, ChronicAtCommunity chronicAtCommunity, Ratio referralUp,
                               Ratio referralDown, Ratio familyDoctor, SelfReferral selfReferral,
                               CrossRegion crossRegion, Bounds bounds) {

    public RatioAdjustments {
        appliesTo = appliesTo == null ? Set.of() : Set.copyOf(appliesTo);
    }

    /** Chronic patient (recognised disease in {@code diseaseKeys}) in {@code pools} at an institution of {@code level}. */
    public record ChronicAtCommunity(Ratio points, InstitutionLevel level, Set<PoolKind> pools, List<String> diseaseKeys) {
        public ChronicAtCommunity {
            pools = pools == null ? Set.of() : Set.copyOf(pools);
            diseaseKeys = diseaseKeys == null ? List.of() : List.copyOf(diseaseKeys);
        }
    }

    /** Going to {@code level} without a referral, in {@code pools}, unless the med_type is exempt (24 emergency admission). */
    public record SelfReferral(Ratio points, InstitutionLevel level, Set<PoolKind> pools, List<String> exceptMedTypes) {
        public SelfReferral {
            pools = pools == null ? Set.of() : Set.copyOf(pools);
            exceptMedTypes = exceptMedTypes == null ? List.of() : List.copyOf(exceptMedTypes);
        }
    }

    /**
     * Cross-region bands (异地就医): long-term filing 0; referral filing or emergency −0.10; other
     * temporary filing −0.20.
     */
    public record CrossRegion(Ratio longTerm, Ratio referralOrEmergency, Ratio otherTemporary) {}

    /** The adjusted ratio is clamped to [min, max] (demo: [0, 0.95]). */
    public record Bounds(Ratio min, Ratio max) {
        public Ratio clamp(Ratio ratio) {
            return ratio.clamp(min, max);
        }
    }
}
