package org.yibao.engine.drgpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yibao.engine.drg.GroupingStatus;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.InstitutionLevel;

/** R-PAY-2 to the fen: the standard, the normal case, the outliers, history-based weights, level coefficients. */
class DrgPaymentTest {

    /** The policy article's appendicitis group, its standard set to 8,000 for the test: RW 1 × base rate 8,000 at level 3. */
    static final DrgWeights APPENDICITIS = DrgWeights.of("test", Map.of("GD25", Ratio.of("1.0000"), "XX15", Ratio.of("1.5000"),
            "XX25", Ratio.of("2.5000")), Map.of("310", Money.ofYuan(8000), "390", Money.ofYuan(8000)));
    static final DrgPayment PAYMENT = new DrgPayment(APPENDICITIS, HistoryWeights.NONE, DrgPaymentTerms.DEMO);

    static DrgPayment.Case stay(String drg, String cost, String hifp) {
        return new DrgPayment.Case(drg, GroupingStatus.SUCCESS, false, "310", InstitutionLevel.L3, Money.of(cost), Money.of(hifp));
    }

    @Nested
    class Appendicitis {
        @Test
        void costing7000TheHospitalKeeps1000() {
            DrgPayment.Result r = PAYMENT.pay(stay("GD25", "7000.00", "5000.00"));
            assertThat(r.method()).isEqualTo(DrgPayment.Method.DRG);
            assertThat(r.reason()).isEqualTo(DrgPayment.Reason.NORMAL);
            assertThat(r.standard()).isEqualTo(Money.of("8000.00"));
            // fund = standard − cost + hifp: the patient paid 2,000, the fund 6,000, the hospital receives 8,000.
            assertThat(r.drgFundPay()).isEqualTo(Money.of("6000.00"));
            assertThat(r.adjustment()).isEqualTo(Money.of("1000.00"));
            assertThat(r.surplus()).isEqualTo(Money.of("1000.00"));
            assertThat(r.cost().minus(r.itemFundPay()).plus(r.drgFundPay())).isEqualTo(r.standard());
            assertThat(r.explanation()).contains("GD25", "8000.00", "结余 1000.00");
        }

        @Test
        void costing9000TheHospitalBears1000() {
            DrgPayment.Result r = PAYMENT.pay(stay("GD25", "9000.00", "6300.00"));
            assertThat(r.method()).isEqualTo(DrgPayment.Method.DRG);
            assertThat(r.drgFundPay()).isEqualTo(Money.of("5300.00"));
            assertThat(r.adjustment()).isEqualTo(Money.of("-1000.00"));
            assertThat(r.surplus()).isEqualTo(Money.of("-1000.00"));
            assertThat(r.explanation()).contains("超支 1000.00");
        }

        @Test
        void theFundNeverPaysLessThanNothing() {
            // The patient's share alone (9,500 − 1,000 = 8,500) is above the standard of 8,000: the fund pays 0, not −500.
            DrgPayment.Result r = PAYMENT.pay(stay("GD25", "9500.00", "1000.00"));
            assertThat(r.drgFundPay()).isEqualTo(Money.of("0.00"));
            assertThat(r.adjustment()).isEqualTo(Money.of("-1000.00"));
            assertThat(r.surplus()).isEqualTo(Money.of("-1500.00"));
        }
    }

    @Nested
    class Outliers {
        @Test
        void highOutlierAtThreeTimesTheStandardWhenRwIsAtMostOne() {
            assertThat(PAYMENT.pay(stay("GD25", "24000.00", "20000.00")).reason()).isEqualTo(DrgPayment.Reason.HIGH_OUTLIER);
            assertThat(PAYMENT.pay(stay("GD25", "23999.99", "20000.00")).reason()).isEqualTo(DrgPayment.Reason.NORMAL);
            DrgPayment.Result high = PAYMENT.pay(stay("GD25", "30000.00", "20000.00"));
            assertThat(high.method()).isEqualTo(DrgPayment.Method.ITEMS);
            assertThat(high.drgFundPay()).isEqualTo(Money.of("20000.00"));
            assertThat(high.adjustment()).isEqualTo(Money.ZERO);
            assertThat(high.surplus()).isEqualTo(Money.ZERO);
            assertThat(high.standard()).isEqualTo(Money.of("8000.00"));
            assertThat(high.explanation()).contains("高倍率");
        }

        @Test
        void highOutlierAtTwiceTheStandardWhenRwIsAtMostTwo() {
            // RW 1.5 × 8,000 = 12,000; k = 2 → 24,000.
            assertThat(PAYMENT.pay(stay("XX15", "24000.00", "1.00")).reason()).isEqualTo(DrgPayment.Reason.HIGH_OUTLIER);
            assertThat(PAYMENT.pay(stay("XX15", "23999.99", "1.00")).reason()).isEqualTo(DrgPayment.Reason.NORMAL);
        }

        @Test
        void highOutlierAtOneAndAHalfTimesTheStandardAboveRwTwo() {
            // RW 2.5 × 8,000 = 20,000; k = 1.5 → 30,000.
            assertThat(PAYMENT.pay(stay("XX25", "30000.00", "1.00")).reason()).isEqualTo(DrgPayment.Reason.HIGH_OUTLIER);
            assertThat(PAYMENT.pay(stay("XX25", "29999.99", "1.00")).reason()).isEqualTo(DrgPayment.Reason.NORMAL);
        }

        @Test
        void lowOutlierAtFortyPercentOfTheStandard() {
            DrgPayment.Result low = PAYMENT.pay(stay("GD25", "3200.00", "2000.00"));
            assertThat(low.reason()).isEqualTo(DrgPayment.Reason.LOW_OUTLIER);
            assertThat(low.drgFundPay()).isEqualTo(Money.of("2000.00"));
            assertThat(low.adjustment()).isEqualTo(Money.ZERO);
            assertThat(PAYMENT.pay(stay("GD25", "3200.01", "2000.00")).reason()).isEqualTo(DrgPayment.Reason.NORMAL);
            assertThat(PAYMENT.pay(stay("GD25", "3200.01", "2000.00")).drgFundPay()).isEqualTo(Money.of("6799.99"));
        }
    }

    @Nested
    class GroupsWithoutAPublishedWeight {
        /** Five cataract operations (CB39, no published weight) at 10,000 and five other stays at 6,000: all cases average 8,000. */
        HistoryWeights history(int appendectomies) {
            HistoryWeights.Builder b = new HistoryWeights.Builder(DrgPaymentTerms.DEMO.minHistoryCases());
            for (int i = 0; i < appendectomies; i++) {
                b.add("CB39", Money.ofYuan(10_000));
            }
            for (int i = 0; i < 5; i++) {
                b.add("ES35", Money.ofYuan(6_000));
            }
            b.add(null, Money.ofYuan(8_000));
            return b.build();
        }

        @Test
        void fiveCasesOfHistoryGiveTheGroupItsMeanCostOverTheMeanOfAllCases() {
            HistoryWeights h = history(5);
            // (50,000 + 30,000 + 8,000) ÷ 11 = 8,000 mean; CB39's mean 10,000 → RW 1.25.
            assertThat(h.meanCost()).isEqualTo(Money.of("8000.00"));
            assertThat(h.rw("CB39")).contains(Ratio.of("1.2500"));
            DrgPayment p = new DrgPayment(DrgWeights.load("harbin-2024"), h, DrgPaymentTerms.DEMO);
            assertThat(DrgWeights.load("harbin-2024").rw("CB39")).isEmpty();
            DrgPayment.Result r = p.pay(new DrgPayment.Case("CB39", GroupingStatus.SUCCESS, false, "390", InstitutionLevel.L2,
                    Money.of("10000.00"), Money.of("6000.00")));
            assertThat(r.weight()).isEqualTo(new DrgPayment.Weight(Ratio.of("1.2500"), DrgPayment.WeightSource.HISTORY));
            // 1.25 × 9,649.24 × 0.90 = 10,855.395 → 10,855.40
            assertThat(r.standard()).isEqualTo(Money.of("10855.40"));
            assertThat(r.drgFundPay()).isEqualTo(Money.of("6855.40"));
            assertThat(r.explanation()).contains("本地历史 5 例");
        }

        @Test
        void fourCasesAreTooFewAndTheCaseIsPaidByItems() {
            DrgPayment p = new DrgPayment(DrgWeights.load("harbin-2024"), history(4), DrgPaymentTerms.DEMO);
            DrgPayment.Result r = p.pay(new DrgPayment.Case("CB39", GroupingStatus.SUCCESS, false, "390", InstitutionLevel.L2,
                    Money.of("10000.00"), Money.of("6000.00")));
            assertThat(r.method()).isEqualTo(DrgPayment.Method.ITEMS);
            assertThat(r.reason()).isEqualTo(DrgPayment.Reason.NO_WEIGHT);
            assertThat(r.drgFundPay()).isEqualTo(Money.of("6000.00"));
            assertThat(r.explanation()).contains("4 例");
        }

        @Test
        void aStoredHistoryRestoredGivesTheSameWeightsAndCountsAsTheOneItWasStoredFrom() {
            HistoryWeights h = history(5);
            HistoryWeights restored = HistoryWeights.restore(h.groups(), h.cases(), h.totalFen(), h.minCases());
            assertThat(restored.rw("CB39")).contains(Ratio.of("1.2500")).isEqualTo(h.rw("CB39"));
            assertThat(restored.cases("CB39")).isEqualTo(5);
            assertThat(restored.cases()).isEqualTo(11);
            assertThat(restored.meanCost()).isEqualTo(Money.of("8000.00"));
            assertThat(restored.weightedGroups()).isEqualTo(h.weightedGroups());
            HistoryWeights fewer = history(4);
            assertThat(HistoryWeights.restore(fewer.groups(), fewer.cases(), fewer.totalFen(), fewer.minCases()).rw("CB39")).isEmpty();
        }

        @Test
        void aPublishedWeightWinsOverTheHistory() {
            HistoryWeights.Builder b = new HistoryWeights.Builder(5);
            for (int i = 0; i < 10; i++) {
                b.add("ES35", Money.ofYuan(1000 + i));
            }
            DrgPayment p = new DrgPayment(DrgWeights.load("harbin-2024"), b.build(), DrgPaymentTerms.DEMO);
            assertThat(p.weight("ES35")).contains(new DrgPayment.Weight(Ratio.of("0.3825"), DrgPayment.WeightSource.PUBLISHED));
        }
    }

    @Nested
    class LevelsAndBaseRates {
        @Test
        void theHarbinTableIsTheLevelThreeReferenceWithEachLevelsCoefficientRoundedOnce() {
            DrgPayment p = new DrgPayment(DrgWeights.load("harbin-2024"), HistoryWeights.NONE, DrgPaymentTerms.DEMO);
            // ES33 RW 0.637: 12,252.70 × 0.637 = 7,804.9699
            assertThat(p.standard("ES33", "310", InstitutionLevel.L3)).contains(Money.of("7804.97"));
            assertThat(p.standard("ES33", "310", InstitutionLevel.L2)).contains(Money.of("7024.47"));
            assertThat(p.standard("ES33", "310", InstitutionLevel.L1)).contains(Money.of("6243.98"));
            assertThat(p.standard("ES33", "390", InstitutionLevel.L3)).contains(Money.of("6146.57"));
            assertThat(p.standard("ES33", "390", InstitutionLevel.L2)).contains(Money.of("5531.91"));
            assertThat(p.standard("ES33", "390", InstitutionLevel.L1)).contains(Money.of("4917.25"));
            assertThat(p.standard("CB39", "390", InstitutionLevel.L1)).isEmpty();
        }

        @Test
        void theShippedTableHasItsBaseRatesAnd703Weights() {
            DrgWeights w = DrgWeights.load("harbin-2024");
            assertThat(w.baseRate("310")).contains(Money.of("12252.70"));
            assertThat(w.baseRate("390")).contains(Money.of("9649.24"));
            assertThat(w.weights()).hasSize(703);
            assertThat(w.rw("AA19")).contains(Ratio.of("18.2858"));
        }

        @Test
        void aTableThatDoesNotReadIsRefusedWithItsLine() {
            String bad = "# base_rate 310 = 100.00\ndrg\trw\nGD25\t1.5\nCB39\tabc\n";
            assertThatThrownBy(() -> DrgWeights.read("bad", new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
                    .hasMessageContaining("line 4").hasMessageContaining("abc");
            assertThatThrownBy(() -> DrgWeights.load("../chs-drg-1.1/drg")).hasMessageContaining("lower-case name");
        }
    }

    @Nested
    class PaidByItems {
        @Test
        void ungroupedBlockedOrUnrecordedCasesKeepTheirItemBasedPayment() {
            for (DrgPayment.Case c : new DrgPayment.Case[] {
                    new DrgPayment.Case("0000", GroupingStatus.FAIL, false, "310", InstitutionLevel.L3, Money.of("7000.00"), Money.of("5000.00")),
                    new DrgPayment.Case("GQY", GroupingStatus.QY, false, "310", InstitutionLevel.L3, Money.of("7000.00"), Money.of("5000.00")),
                    new DrgPayment.Case("GD25", GroupingStatus.SUCCESS, true, "310", InstitutionLevel.L3, Money.of("7000.00"), Money.of("5000.00")),
                    new DrgPayment.Case(null, null, false, "310", InstitutionLevel.L3, Money.of("7000.00"), Money.of("5000.00"))}) {
                DrgPayment.Result r = PAYMENT.pay(c);
                assertThat(r.method()).isEqualTo(DrgPayment.Method.ITEMS);
                assertThat(r.drgFundPay()).isEqualTo(Money.of("5000.00"));
                assertThat(r.adjustment()).isEqualTo(Money.ZERO);
            }
            assertThat(PAYMENT.pay(new DrgPayment.Case("GD25", GroupingStatus.SUCCESS, true, "310", InstitutionLevel.L3,
                    Money.of("7000.00"), Money.of("5000.00"))).reason()).isEqualTo(DrgPayment.Reason.QC_BLOCKING);
            assertThat(PAYMENT.pay(new DrgPayment.Case("0000", GroupingStatus.FAIL, false, "310", InstitutionLevel.L3,
                    Money.of("7000.00"), Money.of("5000.00"))).reason()).isEqualTo(DrgPayment.Reason.NOT_GROUPED);
        }
    }
}
