package org.yibao.engine.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yibao.engine.benefit.DemoWorld.*;
import static org.yibao.engine.policy.InstitutionLevel.L1;
import static org.yibao.engine.policy.InstitutionLevel.L2;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yibao.engine.benefit.SettlementRefused.Reason;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;

/** DOMAIN §4.1: one fee line into fully self-paid, over the cap, first self-pay and in scope. */
class LineSplittingTest {

    private static final Visit GP_AT_CENTRAL = outpatient("11", CENTRAL_HOSPITAL, L2, "J06.900");

    private static List<LineResult> split(Person p, Visit v, FeeLine... lines) {
        return LineSplitter.split(List.of(lines), catalogue990100(), p, v);
    }

    private static String parts(LineResult l) {
        return l.fulamtOwnpayAmt() + "/" + l.overlmtAmt() + "/" + l.preselfpayAmt() + "/" + l.inscpScpAmt();
    }

    @Test
    void classBItemAboveItsPriceCapPaysTheOverflowThenTheFirstSelfPayShare() {
        LineResult ct = split(zhangMin(), GP_AT_CENTRAL, line("1", CT, "1", "220.00")).get(0);

        assertThat(parts(ct)).isEqualTo("0.00/20.00/20.00/180.00");
        assertThat(ct.pricUplmtAmt()).isEqualTo(UnitPrice.of("200"));
        assertThat(ct.selfpayProp()).isEqualTo(Ratio.of("0.10"));
        assertThat(ct.chrgitmLv()).isEqualTo("02");
    }

    @Test
    void unknownItemAndClassCItemAreFullySelfPaid() {
        List<LineResult> r = split(zhangMin(), GP_AT_CENTRAL, line("1", "NOT-IN-CATALOGUE", "2", "10.00"),
                line("2", MINOXIDIL, "1", "88.00"));

        assertThat(parts(r.get(0))).isEqualTo("20.00/0.00/0.00/0.00");
        assertThat(r.get(0).memo()).contains("目录外");
        assertThat(parts(r.get(1))).isEqualTo("88.00/0.00/0.00/0.00");
    }

    @Test
    void everyComputedPartIsRoundedHalfUpAndThePartsAddUpToTheSumExactly() {
        // 3 × 12.345 = 37.035 → sumamt 37.04 (within 0.01); first self-pay 20 % of 37.04 = 7.408 → 7.41.
        FeeLine l = new FeeLine("1", INFUSION_SET, VISIT_TIME, Quantity.of("3"), UnitPrice.of("12.345"), Money.of("37.04"), false, null);
        LineResult r = split(zhangMin(), GP_AT_CENTRAL, l).get(0);

        assertThat(parts(r)).isEqualTo("0.00/0.00/7.41/29.63");
    }

    @Test
    void priceCapTimesQuantityIsRoundedBeforeTheOverflowIsTaken() {
        // cap 20.00 × 0.3333 = 6.666 → 6.67; 0.3333 × 25 = 8.3325 → sumamt 8.33; overflow 1.66.
        FeeLine l = new FeeLine("1", CONSULTATION, VISIT_TIME, Quantity.of("0.3333"), UnitPrice.of("25"), Money.of("8.33"), false, null);

        assertThat(parts(split(zhangMin(), GP_AT_CENTRAL, l).get(0))).isEqualTo("0.00/1.66/0.00/6.67");
    }

    @Test
    void restrictionFailureMakesTheWholeLineSelfPaidWithANoteForSupervision() {
        Map<String, CatalogueItem> items = new HashMap<>(ITEMS_990100);
        items.put("WOMEN-ONLY", CatalogueItem.of("WOMEN-ONLY", "01", Ratio.ZERO, null).withSexRestriction("2"));
        items.put("CHILDREN-ONLY", CatalogueItem.of("CHILDREN-ONLY", "01", Ratio.ZERO, null).withAgeRange(0, 17));
        items.put("INDICATION", CatalogueItem.of("INDICATION", "02", Ratio.of("0.10"), null).withIndicationRestricted());
        Catalogue catalogue = (code, date) -> Optional.ofNullable(items.get(code));
        Person man = zhaoGang();
        List<FeeLine> lines = List.of(line("1", "WOMEN-ONLY", "1", "50.00"), line("2", "CHILDREN-ONLY", "1", "50.00"),
                line("3", "INDICATION", "1", "50.00"), line("4", "INDICATION", "1", "50.00").withHospitalApproval(),
                line("5", CEFUROXIME, "1", "55.00"));

        List<LineResult> r = LineSplitter.split(lines, catalogue, man, outpatient("11", EAST_COMMUNITY, L1, "J06.900"));

        assertThat(r).extracting(LineSplittingTest::parts).containsExactly("50.00/0.00/0.00/0.00", "50.00/0.00/0.00/0.00",
                "50.00/0.00/0.00/0.00", "0.00/0.00/5.00/45.00", "55.00/0.00/0.00/0.00");
        assertThat(r.get(0).memo()).contains("R-SET-4.1.3", "性别");
        assertThat(r.get(1).memo()).contains("年龄", "60");
        assertThat(r.get(2).memo()).contains("hosp_appr_flag");
        assertThat(r.get(3).memo()).isEmpty();
        assertThat(r.get(3).lmtUsedFlag()).isTrue();
        assertThat(r.get(4).memo()).contains("2级");
    }

    @Test
    void daysSuppliedAboveTheLimitOnlyAddANote() {
        FeeLine ninetyDays = line("1", METFORMIN, "6", "42.30").withDaysSupplied(90);
        FeeLine hundredDays = line("2", METFORMIN, "6", "42.30").withDaysSupplied(100);

        List<LineResult> recognised = split(liQiang(), GP_AT_CENTRAL, ninetyDays, hundredDays);
        List<LineResult> notRecognised = split(zhangMin(), GP_AT_CENTRAL, ninetyDays);

        assertThat(recognised.get(0).memo()).isEmpty();
        assertThat(recognised.get(1).memo()).contains("R-SET-4.1.5", "100", "90");
        assertThat(recognised.get(1).lmtUsedFlag()).isTrue();
        assertThat(notRecognised.get(0).memo()).contains("30");
        assertThat(parts(recognised.get(1))).isEqualTo("0.00/0.00/0.00/253.80");
        assertThat(parts(notRecognised.get(0))).isEqualTo("0.00/0.00/0.00/253.80");
    }

    @Test
    void sumamtMoreThanOneFenAwayFromCountTimesPriceRefusesTheWholeCallNamingTheLine() {
        FeeLine bad = new FeeLine("L-0002", VALSARTAN, VISIT_TIME, Quantity.of("2"), UnitPrice.of("36.50"), Money.of("73.02"), false, null);

        assertThatThrownBy(() -> BenefitEngine.settle(request(zhangMin(), GP_AT_CENTRAL, List.of(line("L-0001", CT, "1", "220"), bad))))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SUMAMT_MISMATCH);
                    assertThat(e.field()).isEqualTo("det_item_fee_sumamt");
                    assertThat(e.feedetlSn()).isEqualTo("L-0002");
                    assertThat(e.getMessage()).contains("L-0002", "73.02", "0.01");
                });
    }

    @Test
    void sumamtWithinOneFenIsAuthoritative() {
        FeeLine l = new FeeLine("1", VALSARTAN, VISIT_TIME, Quantity.of("2"), UnitPrice.of("36.50"), Money.of("73.01"), false, null);

        LineResult r = split(zhangMin(), GP_AT_CENTRAL, l).get(0);

        assertThat(r.sumamt()).isEqualTo(Money.of("73.01"));
        assertThat(parts(r)).isEqualTo("0.00/0.00/7.30/65.71");
    }

    @Test
    void duplicateFeedetlSnIsRefused() {
        assertThatThrownBy(() -> split(zhangMin(), GP_AT_CENTRAL, line("7", CT, "1", "220"), line("7", VALSARTAN, "1", "36.50")))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_FEEDETL_SN);
                    assertThat(e.feedetlSn()).isEqualTo("7");
                });
    }

    @Test
    void negativeCountWithoutAnOriginalLineIsRefused() {
        FeeLine refund = new FeeLine("2", CT, VISIT_TIME, Quantity.of("-1"), UnitPrice.of("220"), Money.of("-220"), false, null);
        FeeLine refundOfUnknown = new FeeLine("3", CT, VISIT_TIME, Quantity.of("-1"), UnitPrice.of("220"), Money.of("-220"), false, "99");

        for (FeeLine bad : List.of(refund, refundOfUnknown)) {
            assertThatThrownBy(() -> split(zhangMin(), GP_AT_CENTRAL, line("1", CT, "2", "220"), bad))
                    .isInstanceOfSatisfying(SettlementRefused.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.REFUND_WITHOUT_ORIGINAL);
                        assertThat(e.field()).isEqualTo("init_feedetl_sn");
                    });
        }
    }

    @Test
    void refundLineMirrorsTheOriginalSplitWithNegativeAmounts() {
        FeeLine refund = new FeeLine("2", CT, VISIT_TIME, Quantity.of("-1"), UnitPrice.of("220"), Money.of("-220"), false, "1");

        List<LineResult> r = split(zhangMin(), GP_AT_CENTRAL, line("1", CT, "2", "220"), refund);

        assertThat(parts(r.get(0))).isEqualTo("0.00/40.00/40.00/360.00");
        assertThat(parts(r.get(1))).isEqualTo("0.00/-20.00/-20.00/-180.00");
        assertThat(r.get(1).cnt()).isEqualTo(Quantity.of("-1"));
    }

    @Test
    void partialRefundsNeverLeaveAPartOfTheOriginalBelowZero() {
        // 3 × 0.05 of a 乙类 item at 0.10: first self-pay round(0.015) = 0.02; each unit alone would round to 0.01.
        UnitPrice nickel = UnitPrice.of("0.05");
        FeeLine original = new FeeLine("1", VALSARTAN, VISIT_TIME, Quantity.of("3"), nickel, Money.of("0.15"), false, null);
        List<FeeLine> refunds = List.of(
                new FeeLine("2", VALSARTAN, VISIT_TIME, Quantity.of("-1"), nickel, Money.of("-0.05"), false, "1"),
                new FeeLine("3", VALSARTAN, VISIT_TIME, Quantity.of("-1"), nickel, Money.of("-0.05"), false, "1"),
                new FeeLine("4", VALSARTAN, VISIT_TIME, Quantity.of("-1"), nickel, Money.of("-0.05"), false, "1"));
        List<FeeLine> all = new java.util.ArrayList<>(List.of(original));
        all.addAll(refunds);

        List<LineResult> r = LineSplitter.split(all, catalogue990100(), zhangMin(), GP_AT_CENTRAL);

        Money preselfpay = r.stream().map(LineResult::preselfpayAmt).reduce(Money.ZERO, Money::plus);
        Money inscp = r.stream().map(LineResult::inscpScpAmt).reduce(Money.ZERO, Money::plus);
        assertThat(preselfpay).isEqualTo(Money.ZERO);
        assertThat(inscp).isEqualTo(Money.ZERO);
    }

    @Test
    void refundsTakingBackMoreThanTheOriginalAreRefused() {
        FeeLine refund = new FeeLine("2", CT, VISIT_TIME, Quantity.of("-3"), UnitPrice.of("220"), Money.of("-660"), false, "1");

        assertThatThrownBy(() -> split(zhangMin(), GP_AT_CENTRAL, line("1", CT, "2", "220"), refund))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REFUND_EXCEEDS_ORIGINAL);
                    assertThat(e.feedetlSn()).isEqualTo("2");
                });
    }

    @Test
    void aPriceWithMoreThanSixDecimalsIsATypedRefusalNamingTheField() {
        assertThatThrownBy(() -> FeeLine.parse("9", CT, VISIT_TIME, "1", "1.1234567", "1.12", false, null))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_NUMBER);
                    assertThat(e.field()).isEqualTo("pric");
                    assertThat(e.feedetlSn()).isEqualTo("9");
                });
        assertThat(FeeLine.parse("9", CT, VISIT_TIME, "1", "1.123456", "1.12", false, null).pric())
                .isEqualTo(UnitPrice.of("1.123456"));
    }
}
