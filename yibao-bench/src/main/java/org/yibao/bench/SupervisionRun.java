package org.yibao.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.KnowledgeBase;
import org.yibao.engine.supervision.LabelledAnomalies;
import org.yibao.engine.supervision.Patient;
import org.yibao.engine.supervision.Stage;
import org.yibao.engine.supervision.SupervisionEngine;

/**
 * Issue 7: every post-settlement rule over about 1,000,000 settlements (≈ 10 million lines) on the
 * machine's cores, engine only (the data already in memory, as the run after settlement holds one
 * batch of persons). The settlements are the labelled generator's traffic, so the findings are also
 * checked against the plants: the run must find every planted positive and nothing else.
 *
 * <p>{@code java -Xmx8g -cp yibao-bench.jar org.yibao.bench.SupervisionRun [settlements] [threads]};
 * last line {@code window_rules_seconds=<n> settlements=<n> lines=<n> threads=<n>}.
 */
public final class SupervisionRun {

    private SupervisionRun() {}

    public static void main(String[] args) throws Exception {
        int settlements = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        SupervisionEngine engine = new SupervisionEngine(KnowledgeBase.demo());
        long g0 = System.nanoTime();
        // Background persons have three visits each; the plants add about 40 visits per example and rule pair.
        int examples = 50;
        LabelledAnomalies.World world = LabelledAnomalies.generate(20261123L, examples, Math.max(1, (settlements - examples * 40) / 3),
                LocalDate.of(2026, 1, 5));
        System.out.printf("generated %,d persons, %,d settlements, %,d lines in %.1f s%n", world.patients().size(), world.encounters(),
                world.lines(), (System.nanoTime() - g0) / 1e9);
        List<Map.Entry<String, List<Encounter>>> persons = new ArrayList<>(world.visits().entrySet());
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            AtomicLong findings = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    long n = 0;
                    for (int i = part; i < persons.size(); i += threads) {
                        Map.Entry<String, List<Encounter>> person = persons.get(i);
                        Patient p = world.patients().get(person.getKey());
                        for (Encounter e : person.getValue()) {
                            n += engine.analyse(Stage.POST, null, Set.of(), p, e, person.getValue()).size();
                        }
                    }
                    findings.addAndGet(n);
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            pool.shutdown();
            List<Encounter> all = new ArrayList<>(world.encounters());
            persons.forEach(p -> all.addAll(p.getValue()));
            findings.addAndGet(engine.indicators(Set.of(), all).size());
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: every rule over %,d settlements on %d threads: %.2f s, %,d findings%n", round, world.encounters(),
                    threads, seconds, findings.get());
            if (round == 3) {
                List<LabelledAnomalies.Score> scores = LabelledAnomalies.evaluate(engine, world);
                boolean perfect = scores.stream().allMatch(s -> s.falsePositives() == 0 && s.falseNegatives() == 0);
                System.out.println("labelled plants: " + (perfect ? "every rule found all its positives and nothing else" : "MISMATCH"));
                if (!perfect) {
                    System.out.print(LabelledAnomalies.table(scores));
                }
                System.out.printf(java.util.Locale.ROOT, "window_rules_seconds=%.2f settlements=%d lines=%d threads=%d%n", seconds,
                        world.encounters(), world.lines(), threads);
            }
        }
    }
}
