package org.yibao.engine.policy;

import static org.yibao.engine.policy.InstitutionLevel.L1;
import static org.yibao.engine.policy.InstitutionLevel.L2;
import static org.yibao.engine.policy.InstitutionLevel.L3;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/** The policy of region 990100 exactly as DOMAIN §4.2/§4.3 state it, built in code. */
public final class DemoPolicy {

    private DemoPolicy() {}

    static Money m(String s) {
        return Money.of(s);
    }

    static Ratio r(String s) {
        return Ratio.of(s);
    }

    static Map<InstitutionLevel, Ratio> ratios(String l1, String l2, String l3) {
        return Map.of(L1, r(l1), L2, r(l2), L3, r(l3));
    }

    static Deductible perAdmission(String l1, String l2, String l3) {
        return Deductible.perAdmission(Map.of(L1, m(l1), L2, m(l2), L3, m(l3)), r("0.5"));
    }

    public static RegionPolicy region990100() {
        return withPools(pools(inpatientResident(new PoolTerms(perAdmission("200", "500", "800"), ratios("0.80", "0.70", "0.60"), m("200000")))));
    }

    static Map<String, PoolTerms> inpatientResident(PoolTerms resident) {
        Map<String, PoolTerms> m = new LinkedHashMap<>();
        m.put("in_service", new PoolTerms(perAdmission("300", "600", "1000"), ratios("0.90", "0.85", "0.80"), m("300000")));
        m.put("retired", new PoolTerms(perAdmission("300", "600", "1000"), ratios("0.95", "0.90", "0.85"), m("300000")));
        m.put("resident", resident);
        return m;
    }

    static Map<PoolKind, Pool> pools(Map<String, PoolTerms> inpatient) {
        Map<String, PoolTerms> outpatient = new LinkedHashMap<>();
        outpatient.put("in_service", new PoolTerms(Deductible.perYear(m("1000")), ratios("0.80", "0.70", "0.60"), m("8000")));
        outpatient.put("retired", new PoolTerms(Deductible.perYear(m("800")), ratios("0.90", "0.80", "0.70"), m("8000")));
        outpatient.put("resident", new PoolTerms(Deductible.perYear(m("100")), ratios("0.70", "0.60", "0.50"), m("1000")));
        Map<PoolKind, Pool> pools = new LinkedHashMap<>();
        pools.put(PoolKind.GENERAL_OUTPATIENT, new Pool(PoolKind.GENERAL_OUTPATIENT, List.of("11", "13"), false, outpatient));
        pools.put(PoolKind.CHRONIC, new Pool(PoolKind.CHRONIC, List.of("14"), false, Map.of()));
        pools.put(PoolKind.INPATIENT, new Pool(PoolKind.INPATIENT, List.of("21", "22", "24"), false, inpatient));
        pools.put(PoolKind.PHARMACY, new Pool(PoolKind.PHARMACY, List.of("41"), true, Map.of()));
        return pools;
    }

    static RegionPolicy withPools(Map<PoolKind, Pool> pools) {
        return withLayers(pools, layers(List.of(new SupplementaryLayer.RateBand(m("15000"), m("115000"), r("0.60")),
                new SupplementaryLayer.RateBand(m("115000"), null, r("0.70")))), bounds("0", "0.95"));
    }

    static RatioAdjustments.Bounds bounds(String min, String max) {
        return new RatioAdjustments.Bounds(r(min), r(max));
    }

    static List<SupplementaryLayer> layers(List<SupplementaryLayer.RateBand> hifmiBands) {
        return List.of(
                new SupplementaryLayer("hifob", "大额医疗费用补助", "330100", SupplementaryLayer.Base.OVER_CAP, Set.of("310"),
                        Set.of(PoolKind.INPATIENT), List.of(new SupplementaryLayer.RateBand(Money.ZERO, null, r("0.90"))), Map.of(), m("500000")),
                new SupplementaryLayer("hifmi", "居民大病保险", "390200", SupplementaryLayer.Base.YEARLY_SELF_BURDEN, Set.of("390"),
                        Set.of(PoolKind.INPATIENT, PoolKind.CHRONIC), hifmiBands, Map.of(), m("400000")),
                new SupplementaryLayer("maf", "医疗救助", "610100", SupplementaryLayer.Base.REMAINING_AFTER_FUNDS, Set.of(),
                        Set.of(PoolKind.GENERAL_OUTPATIENT, PoolKind.CHRONIC, PoolKind.INPATIENT), List.of(),
                        Map.of("2101", r("1.00"), "2102", r("0.70"), "2103", r("0.60")), m("60000")));
    }

    static RegionPolicy withLayers(Map<PoolKind, Pool> pools, List<SupplementaryLayer> layers, RatioAdjustments.Bounds bounds) {
        List<PersonCategory> categories = List.of(
                new PersonCategory("in_service", "职工在职", "310", List.of("1101", "1102", "1103"), "310100"),
                new PersonCategory("retired", "职工退休", "310", List.of("1201", "1202", "1203"), "310100"),
                new PersonCategory("resident", "城乡居民", "390", List.of("14xx", "15xx"), "390100"));
        List<ChronicDisease> chronic = List.of(
                new ChronicDisease("I10", "高血压", Map.of("310", new ChronicDisease.Terms(r("0.60"), m("3000")), "390", new ChronicDisease.Terms(r("0.60"), m("3000")))),
                new ChronicDisease("E11", "2型糖尿病", Map.of("310", new ChronicDisease.Terms(r("0.60"), m("20000")), "390", new ChronicDisease.Terms(r("0.60"), m("20000")))),
                new ChronicDisease("N18.5", "慢性肾脏病5期(透析)", Map.of("310", new ChronicDisease.Terms(r("0.90"), m("100000")), "390", new ChronicDisease.Terms(r("0.80"), m("80000")))));
        Refusals refusals = new Refusals(
                List.of(new Refusals.CodeRefusal(List.of("12", "51", "52", "99xx"), "this med_type has no pool in region 990100")),
                List.of(new Refusals.CodeRefusal(List.of("02"), "psn_setlway 02 (按定额) is not offered; settle by items (01)")),
                "this med_type is not settled in region 990100");
        RatioAdjustments adjustments = new RatioAdjustments(Set.of(PoolKind.GENERAL_OUTPATIENT, PoolKind.INPATIENT),
                new RatioAdjustments.ChronicAtCommunity(r("0.05"), L1, Set.of(PoolKind.GENERAL_OUTPATIENT), List.of("I10", "E11")),
                r("0.05"), r("0.10"), r("0.15"),
                new RatioAdjustments.SelfReferral(r("-0.10"), L3, Set.of(PoolKind.INPATIENT), List.of("24")),
                new RatioAdjustments.CrossRegion(r("0"), r("-0.10"), r("-0.20")), bounds);
        return new RegionPolicy("990100", 2026, "示范市 2026", categories, pools, refusals, chronic, adjustments, layers,
                Set.of(PoolKind.GENERAL_OUTPATIENT, PoolKind.CHRONIC, PoolKind.PHARMACY), "003101000010000", 2);
    }
}
