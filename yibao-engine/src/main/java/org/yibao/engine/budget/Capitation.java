package org.yibao.engine.budget;

import java.util.Objects;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * Family-doctor capitation (家庭医生签约服务费按人头付费, DOMAIN R-PAY-6): a yearly amount per signed
 * person, paid monthly, one twelfth for each contract in force at the month's end; a community centre
 * below the hypertension standard-management threshold in the previous year is paid 5% less. Pure.
 *
 * <p>Rounding: the month's gross is round(contracts × yearly ÷ 12) half-up to the fen (one rounding per
 * centre and month, not per contract); the cut and the health-management share are rounded half-up and
 * the rest is the remainder, so the parts always add up.
 */
public final class Capitation {

    private static final Ratio TWELVE = Ratio.of("12");

    private Capitation() {}

    /**
     * @param yearlyPerPerson    yuan per signed person per year (demo 100.00)
     * @param healthManagement   share of the payment for health management (demo 0.60)
     * @param threshold          previous year's hypertension standard-management rate below which the cut applies (demo 0.60)
     * @param cut                the cut (demo 0.05)
     */
    public record Terms(Money yearlyPerPerson, Ratio healthManagement, Ratio threshold, Ratio cut) {
        public static final Terms DEMO = new Terms(Money.ofYuan(100), Ratio.of("0.60"), Ratio.of("0.60"), Ratio.of("0.05"));

        public Terms {
            Objects.requireNonNull(yearlyPerPerson, "yearlyPerPerson");
            if (yearlyPerPerson.isNegative() || !healthManagement.isWithinZeroAndOne() || !threshold.isWithinZeroAndOne()
                    || !cut.isWithinZeroAndOne()) {
                throw new IllegalArgumentException("capitation terms out of range: " + yearlyPerPerson + ", " + healthManagement
                        + ", " + threshold + ", " + cut);
            }
        }
    }

    /**
     * A centre's payment for a month.
     *
     * @param cutApplied       whether the previous year's management rate was below the threshold (or, with
     *                         {@link #withQuotaAdjustment}, whether the evaluation's adjustment is not zero)
     * @param gross            one twelfth of the yearly amount for each contract in force at the month's end
     * @param cutAmount        the cut (0 when not applied; negative for a positive quota adjustment)
     * @param net              what the fund pays: gross − cut
     * @param healthManagement the health-management share of the net payment
     * @param medical          the rest of the net payment
     */
    public record Payment(long contracts, boolean cutApplied, Money gross, Money cutAmount, Money net, Money healthManagement,
                          Money medical) {}

    /**
     * @param previousYearRate the centre's hypertension standard-management rate in the previous year; null when it
     *                         had no registered hypertension patient (no rate, no cut)
     */
    public static Payment month(Terms terms, long contracts, Ratio previousYearRate) {
        Money gross = gross(terms, contracts);
        boolean cut = previousYearRate != null && previousYearRate.compareTo(terms.threshold()) < 0;
        return payment(terms, contracts, cut, gross, cut ? gross.times(terms.cut()) : Money.ZERO);
    }

    /**
     * A centre's payment for a month with the quota adjustment the annual evaluation (R-INST-2) of the previous
     * year recorded, whatever it is: −0.0500 pays 5% less (a cut of gross × 0.05, rounded as {@link #month}
     * rounds it), 0 pays the gross, a positive adjustment pays more (a negative cut).
     */
    public static Payment withQuotaAdjustment(Terms terms, long contracts, Ratio quotaAdjustment) {
        Money gross = gross(terms, contracts);
        return payment(terms, contracts, !quotaAdjustment.isZero(), gross, gross.times(quotaAdjustment.negate()));
    }

    private static Money gross(Terms terms, long contracts) {
        if (contracts < 0) {
            throw new IllegalArgumentException("contracts cannot be negative (got " + contracts + ")");
        }
        return Money.ofFen(Math.multiplyExact(terms.yearlyPerPerson().fen(), contracts)).divide(TWELVE);
    }

    private static Payment payment(Terms terms, long contracts, boolean adjusted, Money gross, Money cutAmount) {
        Money net = gross.minus(cutAmount);
        Money health = net.times(terms.healthManagement());
        return new Payment(contracts, adjusted, gross, cutAmount, net, health, net.minus(health));
    }
}
