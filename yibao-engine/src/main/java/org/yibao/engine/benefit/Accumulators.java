package org.yibao.engine.benefit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.yibao.engine.money.Money;

/**
 * A person's year-to-date totals in one pooling region and policy year (累计信息, DOMAIN §4.3 step 10).
 * They equal the sums over the year's non-reversed settlements; the engine reads them and returns the
 * new values, the caller stores them.
 *
 * @param outpatientDeductibleUsed  general-outpatient deductible paid this year
 * @param outpatientFundPaid        basic fund paid in general outpatient this year
 * @param chronicFundPaid           basic fund paid in chronic outpatient this year, per disease key
 * @param admissions                admissions with a non-reversed final settlement this year
 * @param inpatientFundPaid         basic fund paid in inpatient care this year
 * @param hifobPaid                 大额医疗费用补助 paid this year
 * @param selfBurden                S: in-scope self-burden over inpatient and chronic settlements (§4.3 step 4)
 * @param hifmiPaid                 居民大病保险 paid this year
 * @param mafPaid                   医疗救助 paid this year
 * @param freeCheckUsed             the free yearly health check has been used (R-INS-4)
 */
public record Accumulators(Money outpatientDeductibleUsed, Money outpatientFundPaid, Map<String, Money> chronicFundPaid,
                           int admissions, Money inpatientFundPaid, Money hifobPaid, Money selfBurden, Money hifmiPaid,
                           Money mafPaid, boolean freeCheckUsed) {

    public static final Accumulators ZERO = new Accumulators(Money.ZERO, Money.ZERO, Map.of(), 0, Money.ZERO,
            Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, false);

    public Accumulators {
        Objects.requireNonNull(outpatientDeductibleUsed, "outpatientDeductibleUsed");
        Objects.requireNonNull(outpatientFundPaid, "outpatientFundPaid");
        chronicFundPaid = chronicFundPaid == null ? Map.of() : Map.copyOf(chronicFundPaid);
        Objects.requireNonNull(inpatientFundPaid, "inpatientFundPaid");
        Objects.requireNonNull(hifobPaid, "hifobPaid");
        Objects.requireNonNull(selfBurden, "selfBurden");
        Objects.requireNonNull(hifmiPaid, "hifmiPaid");
        Objects.requireNonNull(mafPaid, "mafPaid");
    }

    public Money chronicFundPaid(String diseaseKey) {
        return chronicFundPaid.getOrDefault(diseaseKey, Money.ZERO);
    }

    Accumulators withOutpatient(Money deductible, Money fund) {
        return new Accumulators(outpatientDeductibleUsed.plus(deductible), outpatientFundPaid.plus(fund), chronicFundPaid,
                admissions, inpatientFundPaid, hifobPaid, selfBurden, hifmiPaid, mafPaid, freeCheckUsed);
    }

    Accumulators withChronic(String diseaseKey, Money fund) {
        Map<String, Money> m = new TreeMap<>(chronicFundPaid);
        m.put(diseaseKey, chronicFundPaid(diseaseKey).plus(fund));
        return new Accumulators(outpatientDeductibleUsed, outpatientFundPaid, m, admissions, inpatientFundPaid, hifobPaid,
                selfBurden, hifmiPaid, mafPaid, freeCheckUsed);
    }

    Accumulators withInpatient(boolean finalSettlement, Money fund) {
        return new Accumulators(outpatientDeductibleUsed, outpatientFundPaid, chronicFundPaid,
                admissions + (finalSettlement ? 1 : 0), inpatientFundPaid.plus(fund), hifobPaid, selfBurden, hifmiPaid,
                mafPaid, freeCheckUsed);
    }

    Accumulators withLayers(Money hifob, Money selfBurdenIncrement, Money hifmi, Money maf, boolean freeCheck) {
        return new Accumulators(outpatientDeductibleUsed, outpatientFundPaid, chronicFundPaid, admissions,
                inpatientFundPaid, hifobPaid.plus(hifob), selfBurden.plus(selfBurdenIncrement), hifmiPaid.plus(hifmi),
                mafPaid.plus(maf), freeCheckUsed || freeCheck);
    }
}
