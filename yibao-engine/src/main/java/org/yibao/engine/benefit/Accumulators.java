package org.yibao.engine.benefit;

import java.util.Collections;
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
        // Zero entries are dropped so that equal totals are equal records (a reversal restores "nothing paid").
        Map<String, Money> chronic = new TreeMap<>(chronicFundPaid == null ? Map.of() : chronicFundPaid);
        chronic.values().removeIf(Money::isZero);
        chronicFundPaid = Collections.unmodifiableMap(chronic);
        Objects.requireNonNull(inpatientFundPaid, "inpatientFundPaid");
        Objects.requireNonNull(hifobPaid, "hifobPaid");
        Objects.requireNonNull(selfBurden, "selfBurden");
        Objects.requireNonNull(hifmiPaid, "hifmiPaid");
        Objects.requireNonNull(mafPaid, "mafPaid");
    }

    /** Stored keys of the accumulators (cum_type_code of 5206, listed by 1901). */
    public static final String OUTPATIENT_DEDUCTIBLE = "outpatient_deductible_used";
    public static final String OUTPATIENT_FUND = "outpatient_fund_paid";
    public static final String CHRONIC_PREFIX = "chronic_fund_paid.";
    public static final String ADMISSIONS = "admissions";
    public static final String INPATIENT_FUND = "inpatient_fund_paid";
    public static final String HIFOB = "hifob_paid";
    public static final String SELF_BURDEN = "self_burden";
    public static final String HIFMI = "hifmi_paid";
    public static final String MAF = "maf_paid";
    public static final String FREE_CHECK = "free_check_used";

    /**
     * These totals (or a change of them) as stored keys with amounts; the count of admissions and the
     * free-check flag as whole numbers; zero entries left out.
     */
    public Map<String, Money> toKeys() {
        Map<String, Money> m = new java.util.LinkedHashMap<>();
        m.put(OUTPATIENT_DEDUCTIBLE, outpatientDeductibleUsed);
        m.put(OUTPATIENT_FUND, outpatientFundPaid);
        chronicFundPaid.forEach((k, v) -> m.put(CHRONIC_PREFIX + k, v));
        m.put(ADMISSIONS, Money.ofYuan(admissions));
        m.put(INPATIENT_FUND, inpatientFundPaid);
        m.put(HIFOB, hifobPaid);
        m.put(SELF_BURDEN, selfBurden);
        m.put(HIFMI, hifmiPaid);
        m.put(MAF, mafPaid);
        m.put(FREE_CHECK, freeCheckUsed ? Money.ofYuan(1) : Money.ZERO);
        m.values().removeIf(Money::isZero);
        return m;
    }

    /** The inverse of {@link #toKeys()}; unknown keys are ignored, missing ones are zero. */
    public static Accumulators fromKeys(Map<String, Money> m) {
        Map<String, Money> chronic = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(CHRONIC_PREFIX)) {
                chronic.put(k.substring(CHRONIC_PREFIX.length()), v);
            }
        });
        return new Accumulators(key(m, OUTPATIENT_DEDUCTIBLE), key(m, OUTPATIENT_FUND), chronic,
                (int) (key(m, ADMISSIONS).fen() / 100), key(m, INPATIENT_FUND), key(m, HIFOB), key(m, SELF_BURDEN),
                key(m, HIFMI), key(m, MAF), key(m, FREE_CHECK).isPositive());
    }

    private static Money key(Map<String, Money> m, String key) {
        return m.getOrDefault(key, Money.ZERO);
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

    /**
     * The difference of two states, as a change: amounts subtract, and {@code freeCheckUsed} is true when
     * the check was used in between. {@code after.minus(before)} is what one settlement changed.
     */
    public Accumulators minus(Accumulators earlier) {
        return combine(earlier, -1, freeCheckUsed && !earlier.freeCheckUsed);
    }

    /** This state with a change added (a settlement posted). */
    public Accumulators plus(Accumulators change) {
        return combine(change, 1, freeCheckUsed || change.freeCheckUsed);
    }

    /**
     * This state with a settlement's change taken away (a reversal, DOMAIN §4.3 step 10): reversing the
     * latest settlement restores the accumulators exactly.
     */
    public Accumulators reversing(Accumulators change) {
        return combine(change, -1, freeCheckUsed && !change.freeCheckUsed);
    }

    private Accumulators combine(Accumulators other, int sign, boolean freeCheck) {
        Map<String, Money> chronic = new TreeMap<>(chronicFundPaid);
        other.chronicFundPaid.forEach((k, v) -> chronic.merge(k, signed(v, sign), Money::plus));
        return new Accumulators(outpatientDeductibleUsed.plus(signed(other.outpatientDeductibleUsed, sign)),
                outpatientFundPaid.plus(signed(other.outpatientFundPaid, sign)), chronic,
                admissions + sign * other.admissions, inpatientFundPaid.plus(signed(other.inpatientFundPaid, sign)),
                hifobPaid.plus(signed(other.hifobPaid, sign)), selfBurden.plus(signed(other.selfBurden, sign)),
                hifmiPaid.plus(signed(other.hifmiPaid, sign)), mafPaid.plus(signed(other.mafPaid, sign)), freeCheck);
    }

    private static Money signed(Money m, int sign) {
        return sign < 0 ? m.negate() : m;
    }
}
