package org.yibao.engine.benefit;

import org.yibao.engine.policy.DemoPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.benefit.DemoWorld.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.policy.InstitutionLevel;

/**
 * Property test over many generated settlements (seeded, so a failure can be replayed): every
 * NATIONAL_INTERFACE §5 identity holds, no amount is negative, no fund pays above its remaining
 * yearly limit, accounts never go below zero, the order of the lines does not change the result, and
 * taking a settlement's accumulator change away again restores the accumulators exactly.
 */
class SettlementPropertiesTest {

    private static final int SETTLEMENTS = 100_000;
    private static final List<String> CODES = List.of(CONSULTATION, VALSARTAN, CEFUROXIME, MINOXIDIL, METFORMIN, CT,
            INPATIENT_CONSULTATION, BED, HEALTH_CHECK, APPENDECTOMY, INFUSION_SET, "UNKNOWN-ITEM");
    private static final List<String> MED_TYPES = List.of("11", "13", "14", "21", "22", "24", "41");
    private static final List<String> INSTITUTIONS = List.of(EAST_COMMUNITY, "H99010000004", CENTRAL_HOSPITAL, CITY_HOSPITAL);

    @Test
    void everyGeneratedSettlementSatisfiesTheIdentitiesCapsLineOrderIndependenceAndReversal() {
        SplittableRandom random = new SplittableRandom(20260310L);
        int settled = 0;
        for (int i = 0; i < SETTLEMENTS; i++) {
            SettlementRequest request = generate(random);
            String context = "settlement #" + i + " " + request.person().psnNo() + " " + request.visit();
            SettlementResult r;
            try {
                r = BenefitEngine.settle(request);
            } catch (SettlementRefused refused) {
                // Only the generated chronic visits without recognition may be refused.
                assertThat(refused.reason()).as(context).isEqualTo(SettlementRefused.Reason.CHRONIC_NOT_RECOGNISED);
                continue;
            }
            settled++;
            checkIdentities(r, context);
            checkNoNegativeAmounts(r, context);
            checkLimits(request, r, context);
            checkLineOrderIndependence(request, r, random, context);
            checkReversalRestoresEverything(request, r, context);
        }
        assertThat(settled).isGreaterThan(SETTLEMENTS * 3 / 4);
    }

    private static void checkIdentities(SettlementResult r, String context) {
        SetlInfo s = r.setlinfo();
        Money medfee = Money.ZERO;
        Money overlmt = Money.ZERO;
        for (LineResult l : r.lines()) {
            assertThat(l.fulamtOwnpayAmt().plus(l.overlmtAmt()).plus(l.preselfpayAmt()).plus(l.inscpScpAmt()))
                    .as(context).isEqualTo(l.sumamt());
            medfee = medfee.plus(l.sumamt());
            overlmt = overlmt.plus(l.overlmtAmt());
        }
        assertThat(s.medfeeSumamt()).as(context).isEqualTo(medfee);
        assertThat(s.overlmtSelfpay()).as(context).isEqualTo(overlmt);
        assertThat(s.medfeeSumamt()).as(context)
                .isEqualTo(s.fulamtOwnpayAmt().plus(s.overlmtSelfpay()).plus(s.preselfpayAmt()).plus(s.inscpScpAmt()));
        assertThat(s.fundPaySumamt()).as(context).isEqualTo(s.hifpPay().plus(s.cvlservPay()).plus(s.hifesPay())
                .plus(s.hifmiPay()).plus(s.hifobPay()).plus(s.mafPay()).plus(s.othPay()));
        Money detailFunds = r.setldetail().stream().filter(SetlDetail::isFund).map(SetlDetail::fundPayamt)
                .reduce(Money.ZERO, Money::plus);
        assertThat(detailFunds).as(context).isEqualTo(s.fundPaySumamt());
        assertThat(s.psnPartAmt()).as(context).isEqualTo(s.medfeeSumamt().minus(s.fundPaySumamt()).minus(s.hospPartAmt()));
        assertThat(s.psnPartAmt()).as(context).isEqualTo(s.acctPay().plus(s.psnCashPay()));
        assertThat(r.mutualAid().stream().map(SettlementResult.MutualAidPayment::amount).reduce(Money.ZERO, Money::plus))
                .as(context).isEqualTo(s.acctMulaidPay());
    }

    private static void checkNoNegativeAmounts(SettlementResult r, String context) {
        SetlInfo s = r.setlinfo();
        for (Money amount : List.of(s.medfeeSumamt(), s.fulamtOwnpayAmt(), s.overlmtSelfpay(), s.preselfpayAmt(),
                s.inscpScpAmt(), s.actPayDedc(), s.hifpPay(), s.hifmiPay(), s.hifobPay(), s.mafPay(), s.fundPaySumamt(),
                s.psnPartAmt(), s.acctPay(), s.psnCashPay(), s.hospPartAmt(), s.balc(), s.acctMulaidPay())) {
            assertThat(amount.isNegative()).as(context + " " + s).isFalse();
        }
        for (LineResult l : r.lines()) {
            // A refund line's parts are all ≤ 0, an ordinary line's all ≥ 0.
            int sign = l.cnt().isNegative() ? -1 : 1;
            assertThat(List.of(l.fulamtOwnpayAmt(), l.overlmtAmt(), l.preselfpayAmt(), l.inscpScpAmt()))
                    .as(context).allSatisfy(a -> assertThat(a.signum() * sign >= 0).isTrue());
        }
        assertThat(r.mutualAid()).as(context).allSatisfy(p -> assertThat(p.balanceAfter().isNegative()).isFalse());
        assertThat(s.poolPropSelfpay().isWithinZeroAndOne()).as(context).isTrue();
    }

    private static void checkLimits(SettlementRequest request, SettlementResult r, String context) {
        for (SetlDetail d : r.setldetail()) {
            if (d.crtPaybLmtAmt() != null) {
                assertThat(d.fundPayamt()).as(context + " " + d.fundPayType()).isLessThanOrEqualTo(d.crtPaybLmtAmt());
            }
        }
        Accumulators after = r.accumulatorsAfter();
        Accumulators before = request.accumulators();
        assertThat(after.outpatientDeductibleUsed()).as(context).isLessThanOrEqualTo(Money.of("1000"));
        assertThat(after.hifobPaid().minus(before.hifobPaid())).as(context).isEqualTo(r.setlinfo().hifobPay());
        assertThat(after.hifmiPaid().minus(before.hifmiPaid())).as(context).isEqualTo(r.setlinfo().hifmiPay());
        assertThat(after.mafPaid().minus(before.mafPaid())).as(context).isEqualTo(r.setlinfo().mafPay());
        assertThat(after.hifobPaid()).as(context).isLessThanOrEqualTo(Money.of("500000"));
        assertThat(after.mafPaid()).as(context).isLessThanOrEqualTo(Money.of("60000"));
        assertThat(after.hifmiPaid()).as(context).isLessThanOrEqualTo(Money.of("400000"));
        assertThat(after.inpatientFundPaid()).as(context).isLessThanOrEqualTo(Money.of("300000"));
        assertThat(after.outpatientFundPaid()).as(context).isLessThanOrEqualTo(Money.of("8000"));
        assertThat(after.chronicFundPaid().values()).as(context).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(Money.of("100000")));
        Money ownBalance = request.person().ownBalance() == null ? Money.ZERO : request.person().ownBalance();
        assertThat(r.setlinfo().acctPay().minus(r.setlinfo().acctMulaidPay())).as(context).isLessThanOrEqualTo(ownBalance);
    }

    private static void checkReversalRestoresEverything(SettlementRequest request, SettlementResult r, String context) {
        Accumulators before = request.accumulators();
        assertThat(before.plus(r.accumulatorChange())).as(context).isEqualTo(r.accumulatorsAfter());
        assertThat(r.accumulatorsAfter().reversing(r.accumulatorChange())).as(context).isEqualTo(before);
        Money ownBefore = request.person().ownBalance() == null ? Money.ZERO : request.person().ownBalance();
        SetlInfo mirror = r.setlinfo().negated(ownBefore);
        assertThat(mirror.medfeeSumamt().plus(r.setlinfo().medfeeSumamt())).as(context).isEqualTo(Money.ZERO);
        assertThat(mirror.fundPaySumamt().plus(r.setlinfo().fundPaySumamt())).as(context).isEqualTo(Money.ZERO);
        assertThat(r.setlinfo().balc().plus(r.setlinfo().acctPay()).minus(r.setlinfo().acctMulaidPay())).as(context)
                .isEqualTo(ownBefore);
    }

    private static void checkLineOrderIndependence(SettlementRequest request, SettlementResult r, SplittableRandom random,
                                                   String context) {
        List<FeeLine> shuffled = new ArrayList<>(request.lines());
        Collections.shuffle(shuffled, new Random(random.nextLong()));
        SettlementResult again = BenefitEngine.settle(new SettlementRequest(request.policy(), request.catalogue(),
                request.person(), request.visit(), shuffled, request.accumulators()));
        assertThat(again.setlinfo()).as(context).isEqualTo(r.setlinfo());
        assertThat(again.setldetail()).as(context).isEqualTo(r.setldetail());
        assertThat(again.mutualAid()).as(context).isEqualTo(r.mutualAid());
        assertThat(again.accumulatorsAfter()).as(context).isEqualTo(r.accumulatorsAfter());
        assertThat(again.lines()).as(context).containsExactlyInAnyOrderElementsOf(r.lines());
    }

    // ---- generation ----

    private static SettlementRequest generate(SplittableRandom random) {
        Person person = person(random);
        Visit visit = visit(random, person);
        int count = 1 + random.nextInt(8);
        List<FeeLine> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FeeLine line = line(random, "L" + i, visit.medType());
            lines.add(line);
            long whole = line.cnt().units() / 10_000;
            if (line.cnt().units() % 10_000 == 0 && random.nextInt(4) == 0) {
                // A refund of part or all of the line (2301 with init_feedetl_sn), sometimes in two steps.
                long back = 1 + random.nextLong(whole);
                Quantity first = Quantity.of(-Math.max(1, back / 2));
                lines.add(new FeeLine("R" + i + "a", line.medListCodg(), line.serviceDate(), first, line.pric(),
                        line.pric().times(first), false, line.feedetlSn()));
                if (back > 1) {
                    // Amounts that add up to round(pric × all refunded), as a client refunding in steps sends them.
                    Quantity second = Quantity.of(-(back - Math.max(1, back / 2)));
                    Money secondSum = line.pric().times(Quantity.of(-back)).minus(line.pric().times(first));
                    lines.add(new FeeLine("R" + i + "b", line.medListCodg(), line.serviceDate(), second, line.pric(),
                            secondSum, false, line.feedetlSn()));
                }
            }
        }
        return request(person, visit, lines, accumulators(random));
    }

    private static Person person(SplittableRandom random) {
        List<Person> cast = List.of(zhangMin(), liQiang(), wangFang(), zhaoGang(), chenJing(), sunWei());
        Person base = cast.get(random.nextInt(cast.size()));
        Money own = base.ownBalance() == null ? null : money(random, 0, 6000_00);
        List<Person.MutualAidBinder> binders = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            for (int b = 0; b < 1 + random.nextInt(3); b++) {
                binders.add(new Person.MutualAidBinder("B" + b, money(random, 0, 500_00)));
            }
        }
        Set<String> identities = random.nextInt(4) == 0 ? Set.of(List.of("2101", "2102", "2103").get(random.nextInt(3)))
                : base.identities();
        return new Person(base.psnNo(), base.insutype(), base.psnType(), base.gend(), base.birthDate(), identities, own,
                binders, base.chronicRecognitions(), base.familyDoctor());
    }

    private static Visit visit(SplittableRandom random, Person person) {
        String medType = MED_TYPES.get(random.nextInt(MED_TYPES.size()));
        if (medType.equals("41")) {
            return Visit.local("41", PHARMACY, null, REGION, null, d("2026-03-10"), null, random.nextBoolean());
        }
        int levelIndex = random.nextInt(INSTITUTIONS.size());
        String institution = INSTITUTIONS.get(levelIndex);
        InstitutionLevel level = levelIndex <= 1 ? InstitutionLevel.L1 : levelIndex == 2 ? InstitutionLevel.L2 : InstitutionLevel.L3;
        String dise = List.of("E11.900", "I10.x00", "N18.500", "K35.800").get(random.nextInt(4));
        boolean inpatient = medType.startsWith("2");
        Visit.Referral referral = random.nextInt(3) == 0 ? new Visit.Referral(INSTITUTIONS.get(random.nextInt(4)),
                InstitutionLevel.of(1 + random.nextInt(3))) : null;
        boolean crossRegion = random.nextInt(5) == 0;
        Visit.CrossRegionFiling filing = crossRegion
                ? List.of(Visit.CrossRegionFiling.LONG_TERM, Visit.CrossRegionFiling.REFERRAL, Visit.CrossRegionFiling.OTHER_TEMPORARY)
                .get(random.nextInt(3)) : Visit.CrossRegionFiling.NONE;
        boolean mid = inpatient && random.nextInt(4) == 0;
        return new Visit(medType, "01", institution, level, crossRegion ? "980100" : REGION, REGION, dise,
                d("2026-03-05"), inpatient ? d("2026-03-10") : null, mid, mid ? money(random, 0, 1000_00) : Money.ZERO,
                referral, filing, random.nextInt(4) != 0);
    }

    private static FeeLine line(SplittableRandom random, String sn, String medType) {
        String code = CODES.get(random.nextInt(CODES.size()));
        Quantity cnt = random.nextInt(5) == 0 ? Quantity.ofUnits(1 + random.nextInt(100_000)) : Quantity.of(1 + random.nextInt(30));
        long priceUnits = random.nextInt(4) == 0 ? 1 + random.nextLong(1_000_000_000L) : 100_000L * (1 + random.nextInt(30_000));
        UnitPrice pric = UnitPrice.ofUnits(priceUnits);
        Money sum = pric.times(cnt);
        return new FeeLine(sn, code, DemoWorld.VISIT_TIME, cnt, pric, sum, random.nextBoolean(), null);
    }

    private static Accumulators accumulators(SplittableRandom random) {
        Money selfBurden = money(random, 0, 700000_00);
        // Usually what the year's settlements paid (f(S), at most 400,000); sometimes not, as after reversing an older one.
        Money hifmiPaid = random.nextBoolean()
                ? DemoPolicy.region990100().layer("hifmi").orElseThrow().bandedRoundedOnce(selfBurden).min(Money.of("400000"))
                : money(random, 0, 400000_00);
        return new Accumulators(money(random, 0, 1000_00), nearCap(random, 8000_00), Map.of("E11", nearCap(random, 20000_00),
                "I10", nearCap(random, 3000_00)), random.nextInt(3), nearCap(random, 300000_00), nearCap(random, 500000_00),
                selfBurden, hifmiPaid, nearCap(random, 60000_00), random.nextBoolean());
    }

    /** Zero, somewhere below the cap, just under it, or at it. */
    private static Money nearCap(SplittableRandom random, long capFen) {
        return switch (random.nextInt(4)) {
            case 0 -> Money.ZERO;
            case 1 -> money(random, 0, capFen);
            case 2 -> Money.ofFen(capFen - random.nextLong(1, 5000));
            default -> Money.ofFen(capFen);
        };
    }

    private static Money money(SplittableRandom random, long fromFen, long toFen) {
        return Money.ofFen(random.nextLong(fromFen, toFen + 1));
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
