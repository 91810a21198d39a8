package org.yibao.bench;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.yibao.engine.benefit.Accumulators;
import org.yibao.engine.benefit.BenefitEngine;
import org.yibao.engine.benefit.DemoWorld;
import org.yibao.engine.benefit.FeeLine;
import org.yibao.engine.benefit.SettlementRequest;
import org.yibao.engine.benefit.SettlementResult;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.policy.InstitutionLevel;

/**
 * One whole settlement through the benefit engine (DOMAIN §4.1–§4.3), single-threaded, so the score is
 * settlements per second on one core.
 *
 * <ul>
 *   <li>{@code outpatient10}: an employee's general outpatient visit at a level-3 hospital with 10 fee
 *       lines (甲/乙 drugs, capped-price services, a 丙 item); part of the yearly deductible is still open,
 *       the ratio applies, the outpatient cap is reached inside the settlement and the own account pays.</li>
 *   <li>{@code outpatient10WithText}: the same, with the explanation rendered as setl_proc_info text.</li>
 *   <li>{@code inpatient50}: a retiree's admission with 50 fee lines (bed days, drugs, consumables,
 *       surgery), the deductible of a second admission, the basic cap crossed and the large-amount fund
 *       paying above it.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class SettlementBenchmark {

    private SettlementRequest outpatient;
    private SettlementRequest inpatient;

    @Setup
    public void setUp() {
        List<FeeLine> out = List.of(
                DemoWorld.line("1", DemoWorld.CONSULTATION, "1", "25.00"),
                DemoWorld.line("2", DemoWorld.VALSARTAN, "4", "42.300000"),
                DemoWorld.line("3", DemoWorld.METFORMIN, "6", "12.500000"),
                DemoWorld.line("4", DemoWorld.CT, "1", "320.00"),
                DemoWorld.line("5", DemoWorld.CEFUROXIME, "3", "18.750000"),
                DemoWorld.line("6", DemoWorld.INFUSION_SET, "2", "9.900000"),
                DemoWorld.line("7", DemoWorld.MINOXIDIL, "1", "88.00"),
                DemoWorld.line("8", DemoWorld.VALSARTAN, "2", "42.300000"),
                DemoWorld.line("9", DemoWorld.METFORMIN, "1.5", "12.500000"),
                DemoWorld.line("10", DemoWorld.CONSULTATION, "1", "20.00"));
        // 600 of the 1,000 deductible used, the outpatient fund 7,900 of its 8,000 cap.
        Accumulators outAcc = new Accumulators(Money.of("600"), Money.of("7900"), Map.of(), 0, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, false);
        outpatient = DemoWorld.request(DemoWorld.zhangMin(),
                DemoWorld.outpatient("11", DemoWorld.CITY_HOSPITAL, InstitutionLevel.L3, "J06.900"), out, outAcc);

        List<FeeLine> in = new ArrayList<>();
        String[] codes = {DemoWorld.BED, DemoWorld.INPATIENT_CONSULTATION, DemoWorld.CEFUROXIME, DemoWorld.INFUSION_SET,
                DemoWorld.VALSARTAN, DemoWorld.CT, DemoWorld.METFORMIN, DemoWorld.MINOXIDIL, DemoWorld.APPENDECTOMY,
                DemoWorld.BED};
        String[] prices = {"80.00", "30.00", "18.750000", "9.900000", "42.300000", "320.00", "12.500000", "88.00",
                "1200.00", "60.00"};
        for (int i = 0; i < 50; i++) {
            int k = i % codes.length;
            in.add(FeeLine.of(String.valueOf(i + 1), codes[k], LocalDateTime.parse("2026-03-05T10:00:00").plusHours(i * 2L),
                    Quantity.of(String.valueOf(1 + i % 3)), UnitPrice.of(prices[k])));
        }
        // Second admission of the year, 290,000 of the 300,000 basic cap already paid.
        Accumulators inAcc = new Accumulators(Money.ZERO, Money.ZERO, Map.of(), 1, Money.of("290000"), Money.ZERO,
                Money.of("20000"), Money.ZERO, Money.ZERO, false);
        inpatient = DemoWorld.request(DemoWorld.liQiang(),
                DemoWorld.admission("21", DemoWorld.CITY_HOSPITAL, InstitutionLevel.L3, "K35.800"), in, inAcc);
        describe("outpatient10", BenefitEngine.settle(outpatient));
        describe("inpatient50", BenefitEngine.settle(inpatient));
    }

    /** Prints what the measured settlements pay, so a reader can see each step is exercised. */
    private static void describe(String name, SettlementResult r) {
        var s = r.setlinfo();
        System.out.printf("%n%s: medfee %s, deductible %s, hifp %s, hifob %s, acct %s, cash %s%n", name,
                s.medfeeSumamt(), s.actPayDedc(), s.hifpPay(), s.hifobPay(), s.acctPay(), s.psnCashPay());
    }

    @Benchmark
    public SettlementResult outpatient10() {
        return BenefitEngine.settle(outpatient);
    }

    /** The same settlement with its explanation rendered as the Chinese setl_proc_info text a reply carries. */
    @Benchmark
    public String outpatient10WithText() {
        return BenefitEngine.settle(outpatient).explanation().toChinese();
    }

    @Benchmark
    public SettlementResult inpatient50() {
        return BenefitEngine.settle(inpatient);
    }
}
