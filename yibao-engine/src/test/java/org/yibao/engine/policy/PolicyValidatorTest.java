package org.yibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.policy.DemoPolicy.m;
import static org.yibao.engine.policy.DemoPolicy.r;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yibao.engine.policy.PolicyValidator.Violation;

class PolicyValidatorTest {

    @Test
    void theDemoRegionsPolicyIsValid() {
        assertThat(PolicyValidator.validate(DemoPolicy.region990100())).isEmpty();
    }

    @Test
    void ratioAboveOneIsNamedByItsPath() {
        var policy = DemoPolicy.region990100();
        var pools = DemoPolicy.pools(DemoPolicy.inpatientResident(new PoolTerms(DemoPolicy.perAdmission("200", "500", "800"),
                DemoPolicy.ratios("0.80", "1.5", "0.60"), m("200000"))));
        assertThat(PolicyValidator.validate(DemoPolicy.withPools(pools)))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pools.inpatient.categories.resident.ratios.L2", "ratio-range"));
        assertThat(policy).isNotNull();
    }

    @Test
    void missingLevelIsReported() {
        var ratios = new EnumMap<InstitutionLevel, org.yibao.engine.money.Ratio>(InstitutionLevel.class);
        ratios.put(InstitutionLevel.L1, r("0.80"));
        ratios.put(InstitutionLevel.L3, r("0.60"));
        var pools = DemoPolicy.pools(DemoPolicy.inpatientResident(new PoolTerms(
                Deductible.perAdmission(Map.of(InstitutionLevel.L1, m("200"), InstitutionLevel.L2, m("500")), r("0.5")), ratios, m("-1"))));
        assertThat(PolicyValidator.validate(DemoPolicy.withPools(pools))).extracting(Violation::path, Violation::rule)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("pools.inpatient.categories.resident.deductible.per_admission.L3", "missing-level"),
                        org.assertj.core.groups.Tuple.tuple("pools.inpatient.categories.resident.ratios.L2", "missing-level"),
                        org.assertj.core.groups.Tuple.tuple("pools.inpatient.categories.resident.yearly_cap", "non-negative"));
    }

    @Test
    void missingCategoryTermsAndMedTypeMappedTwiceAreReported() {
        Map<String, PoolTerms> inpatient = new LinkedHashMap<>(DemoPolicy.inpatientResident(null));
        inpatient.remove("resident");
        var pools = new LinkedHashMap<>(DemoPolicy.pools(inpatient));
        pools.put(PoolKind.PHARMACY, new Pool(PoolKind.PHARMACY, List.of("41", "11"), true, Map.of()));
        assertThat(PolicyValidator.validate(DemoPolicy.withPools(pools))).extracting(Violation::path)
                .contains("pools.inpatient.categories.resident", "pools.pharmacy.med_types");
    }

    @Test
    void overlappingOrUnorderedBandsAreRefused() {
        var bands = List.of(new SupplementaryLayer.RateBand(m("15000"), m("115000"), r("0.60")),
                new SupplementaryLayer.RateBand(m("100000"), null, r("0.70")));
        var policy = DemoPolicy.withLayers(DemoPolicy.region990100().pools(), DemoPolicy.layers(bands), DemoPolicy.bounds("0", "0.95"));
        assertThat(PolicyValidator.validate(policy)).extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("supplementary_layers.hifmi.bands[1].from", "overlap"));

        var afterOpen = List.of(new SupplementaryLayer.RateBand(m("15000"), null, r("0.60")),
                new SupplementaryLayer.RateBand(m("115000"), m("100000"), r("0.70")));
        policy = DemoPolicy.withLayers(DemoPolicy.region990100().pools(), DemoPolicy.layers(afterOpen), DemoPolicy.bounds("0", "0.95"));
        assertThat(PolicyValidator.validate(policy)).extracting(Violation::path)
                .containsExactlyInAnyOrder("supplementary_layers.hifmi.bands[1]", "supplementary_layers.hifmi.bands[1].to");
    }

    @Test
    void boundsMustBeOrderedAndWithinZeroAndOne() {
        var policy = DemoPolicy.withLayers(DemoPolicy.region990100().pools(), DemoPolicy.region990100().supplementaryLayers(),
                DemoPolicy.bounds("0.95", "0.50"));
        assertThat(PolicyValidator.validate(policy)).extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ratio_adjustments.bounds", "order"));
        policy = DemoPolicy.withLayers(DemoPolicy.region990100().pools(), DemoPolicy.region990100().supplementaryLayers(),
                DemoPolicy.bounds("-0.1", "1.2"));
        assertThat(PolicyValidator.validate(policy)).extracting(Violation::path)
                .containsExactly("ratio_adjustments.bounds.min", "ratio_adjustments.bounds.max");
    }

    @Test
    void refusedMedTypeThatIsAlsoMappedIsAConflict() {
        var base = DemoPolicy.region990100();
        var refusals = new Refusals(List.of(new Refusals.CodeRefusal(List.of("1x"), "no")), base.refusals().settlementWays(),
                base.refusals().otherMedTypeMessage());
        var policy = new RegionPolicy(base.admdvs(), base.year(), base.name(), base.categories(), base.pools(), refusals,
                base.chronicDiseases(), base.ratioAdjustments(), base.supplementaryLayers(), base.mutualAidPools(),
                base.freeHealthCheckItem(), -1);
        assertThat(PolicyValidator.validate(policy)).extracting(Violation::path)
                .contains("refusals.med_types[0].codes", "designation_changes_per_year");
    }
}
