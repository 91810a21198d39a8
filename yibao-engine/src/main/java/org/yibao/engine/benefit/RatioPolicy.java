package org.yibao.engine.benefit;

import java.util.ArrayList;
import java.util.List;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.PoolKind;
import org.yibao.engine.policy.RatioAdjustments;

/**
 * The basic fund's ratio r (DOMAIN §4.2): the base ratio plus every adjustment that applies, clamped
 * last. Outside the insured region only the cross-region band applies.
 */
final class RatioPolicy {

    /** One adjustment that applied, with its name for the explanation. */
    record Adjustment(String key, String name, Ratio points) {}

    /** The outcome: base, the adjustments, the unclamped sum and the clamped ratio. */
    record AdjustedRatio(Ratio base, List<Adjustment> adjustments, Ratio unclamped, Ratio ratio) {}

    private RatioPolicy() {}

    static AdjustedRatio adjust(Ratio base, RatioAdjustments adj, PoolKind pool, Person person, Visit visit) {
        List<Adjustment> applied = new ArrayList<>();
        if (adj == null || !adj.appliesTo().contains(pool)) {
            return new AdjustedRatio(base, applied, base, base);
        }
        if (visit.isCrossRegion()) {
            crossRegion(adj.crossRegion(), visit).ifPresent(applied::add);
        } else {
            chronicAtCommunity(adj.chronicAtCommunity(), pool, person, visit, applied);
            referral(adj, person, visit, applied);
            selfReferral(adj.selfReferral(), pool, visit, applied);
        }
        Ratio sum = base;
        for (Adjustment a : applied) {
            sum = sum.plus(a.points());
        }
        Ratio clamped = adj.bounds() == null ? sum : adj.bounds().clamp(sum);
        return new AdjustedRatio(base, applied, sum, clamped);
    }

    private static void chronicAtCommunity(RatioAdjustments.ChronicAtCommunity rule, PoolKind pool, Person person,
                                           Visit visit, List<Adjustment> applied) {
        if (rule != null && rule.pools().contains(pool) && visit.institutionLevel() == rule.level()
                && rule.diseaseKeys().stream().anyMatch(person.chronicRecognitions()::contains)) {
            applied.add(new Adjustment("ratio_adjustments.chronic_at_community", "慢病患者基层就诊", rule.points()));
        }
    }

    private static void referral(RatioAdjustments adj, Person person, Visit visit, List<Adjustment> applied) {
        Visit.Referral referral = visit.referral();
        if (referral == null) {
            return;
        }
        int direction = visit.institutionLevel().compareTo(referral.fromLevel());
        if (direction > 0) {
            Person.FamilyDoctorContract contract = person.familyDoctor();
            boolean insideOnePlusOnePlusOne = contract != null && contract.isOnePlusOnePlusOne()
                    && contract.communityCentre().equals(referral.fromInstitution())
                    && contract.hospitals().contains(visit.institutionCode());
            if (insideOnePlusOnePlusOne && adj.familyDoctor() != null) {
                // The 1+1+1 bonus replaces "referral up" (DOMAIN §4.2).
                applied.add(new Adjustment("ratio_adjustments.family_doctor", "家庭医生1+1+1签约上转", adj.familyDoctor()));
            } else if (adj.referralUp() != null) {
                applied.add(new Adjustment("ratio_adjustments.referral_up", "上转诊", adj.referralUp()));
            }
        } else if (direction < 0 && adj.referralDown() != null) {
            applied.add(new Adjustment("ratio_adjustments.referral_down", "下转诊(康复)", adj.referralDown()));
        }
    }

    private static void selfReferral(RatioAdjustments.SelfReferral rule, PoolKind pool, Visit visit,
                                     List<Adjustment> applied) {
        if (rule != null && rule.pools().contains(pool) && visit.institutionLevel() == rule.level()
                && visit.referral() == null && !rule.exceptMedTypes().contains(visit.medType())) {
            applied.add(new Adjustment("ratio_adjustments.self_referral", "未经转诊直接到三级医院住院", rule.points()));
        }
    }

    private static java.util.Optional<Adjustment> crossRegion(RatioAdjustments.CrossRegion rule, Visit visit) {
        if (rule == null) {
            return java.util.Optional.empty();
        }
        boolean emergency = "13".equals(visit.medType()) || "24".equals(visit.medType());
        List<Adjustment> candidates = new ArrayList<>();
        switch (visit.filing()) {
            case LONG_TERM -> candidates.add(new Adjustment("ratio_adjustments.cross_region.long_term", "异地长期备案", rule.longTerm()));
            case REFERRAL -> candidates.add(new Adjustment("ratio_adjustments.cross_region.referral_or_emergency", "异地转诊备案", rule.referralOrEmergency()));
            case OTHER_TEMPORARY -> candidates.add(new Adjustment("ratio_adjustments.cross_region.other_temporary", "临时外出就医备案", rule.otherTemporary()));
            case NONE -> { }
        }
        if (emergency) {
            // R-XR-3: emergency care counts as filed under the referral band.
            candidates.add(new Adjustment("ratio_adjustments.cross_region.referral_or_emergency", "异地急诊抢救", rule.referralOrEmergency()));
        }
        // Where two bands could apply, the more favourable one is used (DOMAIN §4.2).
        return candidates.stream().max((a, b) -> a.points().compareTo(b.points()));
    }
}
