package org.yibao.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.Finding;
import org.yibao.engine.supervision.KnowledgeBase;
import org.yibao.engine.supervision.Line;
import org.yibao.engine.supervision.Patient;
import org.yibao.engine.supervision.Stage;
import org.yibao.engine.supervision.SupervisionEngine;

/**
 * The engine part of 3102 (R-SUP-1, issue 7: p99 under 20 ms for an encounter with 50 orders), one
 * thread: every 事中 rule of the demo knowledge base on a 10-day stay with 50 orders (bed days,
 * nursing, drugs with days supplied, CTs, a surgery with a separately charged suture, a duplicate
 * pair) against 8 earlier visits of the person (a previous stay, outpatient visits, pharmacy refills).
 * Scored as time per encounter (with its percentiles) and encounters per second.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class SupervisionBenchmark {

    private static final LocalDate ADM = LocalDate.of(2026, 5, 4);
    private SupervisionEngine engine;
    private Patient patient;
    private Encounter stay;
    private List<Encounter> history;
    private Set<String> lineRules;

    @Setup
    public void setUp() {
        engine = new SupervisionEngine(KnowledgeBase.demo());
        lineRules = engine.ruleIds(org.yibao.engine.supervision.Shape.LINE);
        patient = new Patient("99010000000000000002", "1", LocalDate.of(1958, 6, 20), null);
        List<Line> lines = new ArrayList<>();
        String[] daily = {"001103000010000", "001102000010000", "1300000004" + "60000", "XJ01DCT013B002010101003"};
        for (int day = 0; day < 10; day++) {
            for (String code : daily) {
                lines.add(Line.of("L" + lines.size(), code, ADM.plusDays(day), "1", "30.00"));
            }
        }
        lines.add(Line.of("L" + lines.size(), "002101000010000", ADM, "1", "180.00").withExamResult(Boolean.TRUE));
        lines.add(Line.of("L" + lines.size(), "1130000005" + "00000", ADM.plusDays(1), "1", "420.00"));
        lines.add(Line.of("L" + lines.size(), "003102000010000", ADM.plusDays(2), "1", "1200.00"));
        lines.add(Line.of("L" + lines.size(), "1240000006" + "00000", ADM.plusDays(2), "1", "80.00"));
        lines.add(Line.of("L" + lines.size(), "001101000010000", ADM.plusDays(3), "1", "20.00"));
        lines.add(Line.of("L" + lines.size(), "XA10BAE054A001010101001", ADM.plusDays(9), "2", "30.00").withDaysSupplied(28));
        lines.add(Line.of("L" + lines.size(), "XJ01CAG015B000000044001", ADM.plusDays(9), "1", "12.00").withDaysSupplied(10));
        lines.add(Line.of("L" + lines.size(), "C0102030400001010101001", ADM.plusDays(4), "2", "7.00"));
        lines.add(Line.of("L" + lines.size(), "C0102030400001010101001", ADM.plusDays(5), "2", "7.00"));
        lines.add(Line.of("L" + lines.size(), "XC09CAL100A001010101002", ADM.plusDays(9), "1", "25.00").withDaysSupplied(28));
        if (lines.size() != 50) {
            throw new IllegalStateException("expected 50 orders, built " + lines.size());
        }
        stay = new Encounter("BENCH-STAY", patient.id(), "H99010000002", 2, "A990100001", "990100", true, ADM, ADM.plusDays(9),
                List.of("K35.800"), lines);
        history = new ArrayList<>();
        history.add(new Encounter("H1", patient.id(), "H99010000002", 2, "A990100001", "990100", true, ADM.minusDays(30),
                ADM.minusDays(20), List.of("J18.900"), List.of(Line.of("h1", "001103000010000", ADM.minusDays(25), "1", "60.00"))));
        for (int i = 0; i < 7; i++) {
            LocalDate d = ADM.minusDays(12L * (i + 1));
            history.add(new Encounter("O" + i, patient.id(), i % 2 == 0 ? "H99010000003" : "P99010000001", i % 2 == 0 ? 1 : null,
                    i % 2 == 0 ? "A990100001" : null, "990100", false, d, d, List.of("E11.900"),
                    List.of(Line.of("o" + i, "XA10BAE054A001010101001", d, "2", "30.00").withDaysSupplied(28),
                            Line.of("c" + i, "002101000010000", d, "1", "180.00"))));
        }
        List<Finding> findings = encounter50();
        if (findings.isEmpty()) {
            throw new IllegalStateException("the benchmark stay should break rules");
        }
    }

    /**
     * The per-line rules alone (限性别/限年龄/限级别/超天数, shape LINE) after settlement on the 50 lines of the stay:
     * one operation is 50 line checks, each line looked up in every per-line rule's table.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Finding> lineRules50() {
        return engine.analyse(Stage.POST, null, lineRules, patient, stay, List.of());
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime, Mode.Throughput})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Finding> encounter50() {
        return engine.analyse(Stage.DURING, "4", Set.of(), patient, stay, history);
    }
}
