package org.yibao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.yibao.engine.drg.DrgCase;
import org.yibao.engine.drg.DrgCaseLine;
import org.yibao.engine.drg.DrgGrouper;
import org.yibao.engine.drg.DrgTables;
import org.yibao.engine.drg.GrouperVersion;
import org.yibao.engine.drg.GroupingResult;
import org.yibao.engine.drg.GroupingStatus;
import org.yibao.engine.drgpay.DrgPayment;
import org.yibao.engine.drgpay.DrgPaymentTerms;
import org.yibao.engine.drgpay.DrgWeights;
import org.yibao.engine.drgpay.HistoryWeights;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.InstitutionLevel;

/**
 * A year of one region's inpatient cases grouped and paid (R-PAY-2, issue 8's target: at least 1,000,000
 * cases in at most 30 s on the 2-core machine): the cases are the 1,000 of samples.csv repeated, each with a
 * generated cost, item-based fund payment, insutype, level and hospital (fixed seed). Two passes, as the
 * server's run does: the history pass groups every case for the history-based weights, then the payment pass
 * groups and pays each case with the harbin-2024 weights and sums per hospital. Both passes split the cases
 * over the given threads. Prints the seconds of each pass and of the whole.
 *
 * <p>Usage: {@code java -cp yibao-bench.jar org.yibao.bench.DrgPaymentYear [samples.csv] [cases] [threads]}.
 */
public final class DrgPaymentYear {

    private static final int HOSPITALS = 60;

    private DrgPaymentYear() {}

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "../shared/data/chs-drg-1.1/samples.csv");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();

        long t0 = System.nanoTime();
        DrgGrouper grouper = new DrgGrouper(DrgTables.load(GrouperVersion.CHS_DRG_1_1));
        DrgWeights weights = DrgWeights.load("harbin-2024");
        List<DrgCase> distinct = read(samples);
        DrgCase[] cases = new DrgCase[n];
        long[] cost = new long[n];
        long[] hifp = new long[n];
        byte[] level = new byte[n];
        boolean[] employee = new boolean[n];
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < n; i++) {
            cases[i] = distinct.get(i % distinct.size());
            cost[i] = 200_000 + r.nextLong(4_800_000);              // 2,000.00 – 50,000.00 yuan
            hifp[i] = cost[i] * (55 + r.nextInt(30)) / 100;          // 55–84 % paid by the basic fund
            level[i] = (byte) (1 + r.nextInt(3));
            employee[i] = r.nextBoolean();
        }
        long t1 = System.nanoTime();

        // History pass: every case grouped, its cost counted for its group (HistoryWeights.Builder is per thread, merged by re-adding sums).
        List<HistoryWeights.Builder> parts = run(threads, n, (from, to) -> {
            HistoryWeights.Builder b = new HistoryWeights.Builder(DrgPaymentTerms.DEMO.minHistoryCases());
            for (int i = from; i < to; i++) {
                GroupingResult g = grouper.group(cases[i]);
                b.add(g.status() == GroupingStatus.SUCCESS ? g.drg() : null, Money.ofFen(cost[i]));
            }
            return b;
        });
        HistoryWeights history = HistoryWeights.merge(parts);
        long t2 = System.nanoTime();

        // Payment pass: grouped and paid, adjustments summed per hospital.
        DrgPayment payment = new DrgPayment(weights, history, DrgPaymentTerms.DEMO);
        List<long[]> sums = run(threads, n, (from, to) -> {
            long[] adjustment = new long[HOSPITALS + 1];
            for (int i = from; i < to; i++) {
                GroupingResult g = grouper.group(cases[i]);
                DrgPayment.Result p = payment.pay(new DrgPayment.Case(g.drg(), g.status(), false, employee[i] ? "310" : "390",
                        InstitutionLevel.of(level[i]), Money.ofFen(cost[i]), Money.ofFen(hifp[i])));
                adjustment[i % HOSPITALS] += p.adjustment().fen();
                if (p.method() == DrgPayment.Method.DRG) {
                    adjustment[HOSPITALS]++;
                }
            }
            return adjustment;
        });
        long t3 = System.nanoTime();
        long drgPaid = sums.stream().mapToLong(s -> s[HOSPITALS]).sum();
        long total = 0;
        for (long[] s : sums) {
            for (int h = 0; h < HOSPITALS; h++) {
                total += s[h];
            }
        }
        System.out.printf("year: %,d cases (%,d paid by DRG, %d groups weighted from history), adjustments %s yuan%n", n, drgPaid,
                history.weightedGroups(), Money.ofFen(total));
        System.out.printf("year: setup %.2f s, history pass %.2f s, payment pass %.2f s on %d threads%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9, threads);
        System.out.printf("year_seconds=%.2f%n", (t3 - t1) / 1e9);
    }

    private interface Slice<T> {
        T run(int from, int to);
    }

    private static <T> List<T> run(int threads, int n, Slice<T> slice) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            int step = (n + threads - 1) / threads;
            for (int from = 0; from < n; from += step) {
                int f = from;
                int t = Math.min(n, from + step);
                futures.add(pool.submit(() -> slice.run(f, t)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static List<DrgCase> read(Path samples) throws IOException {
        List<String> lines = Files.readAllLines(samples);
        List<DrgCase> cases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                cases.add(DrgCaseLine.parse(lines.get(i), i + 1));
            }
        }
        return cases;
    }
}
