package org.yibao.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;

/**
 * The exact arithmetic every fee line and every fund step does (DOMAIN §4.1, §4.3): a line amount from
 * price × quantity, the first self-pay share, and the cap-limited eligible amount. One "line" here is
 * the handful of operations a line costs, so the figure bounds what money arithmetic adds per line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MoneyBenchmark {

    private UnitPrice[] prices;
    private Quantity[] quantities;
    private Ratio selfPay;
    private Ratio fundRatio;
    private Money cap;

    @Setup
    public void setUp() {
        prices = new UnitPrice[] {UnitPrice.of("36.500000"), UnitPrice.of("42.300000"), UnitPrice.of("12.000000"), UnitPrice.of("220.000000")};
        quantities = new Quantity[] {Quantity.of("2"), Quantity.of("6"), Quantity.of("10"), Quantity.of("1.5")};
        selfPay = Ratio.of("0.10");
        fundRatio = Ratio.of("0.65");
        cap = Money.of("8000.00");
    }

    /** One fee line's money: amount, first self-pay, in-scope, fund share within the cap. */
    @Benchmark
    public void feeLineArithmetic(Blackhole bh) {
        for (int i = 0; i < prices.length; i++) {
            Money amount = prices[i].times(quantities[i]);
            Money preSelfPay = amount.times(selfPay);
            Money inScope = amount.minus(preSelfPay);
            Money within = inScope.compareTimesTo(fundRatio, cap) <= 0 ? inScope : cap.divide(fundRatio);
            bh.consume(within.times(fundRatio).min(cap));
        }
    }

    /** Parsing a decimal amount as it arrives on the wire. */
    @Benchmark
    public Money parseAmount() {
        return Money.of("1441.00");
    }
}
