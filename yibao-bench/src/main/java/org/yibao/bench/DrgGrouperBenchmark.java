package org.yibao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.yibao.engine.drg.DrgCase;
import org.yibao.engine.drg.DrgCaseLine;
import org.yibao.engine.drg.DrgGrouper;
import org.yibao.engine.drg.DrgTables;
import org.yibao.engine.drg.GrouperVersion;

/**
 * The CHS-DRG grouper on the 1,000 cases of shared/data/chs-drg-1.1/samples.csv (every MDC, surgical and
 * medical, newborns, CC/MCC, 0000 and CHECK_FAILED), single-threaded; one operation is one case, so the
 * score is cases per second on one core.
 *
 * <ul>
 *   <li>{@code group}: cases already read, grouped (DRG, MDC, ADRG, status; no explanation).</li>
 *   <li>{@code parseAndGroup}: each input line parsed and grouped, as {@code ./yibao group} does minus file I/O.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class DrgGrouperBenchmark {

    private static final int CASES = 1000;

    /** Relative to the repository root, where bench/drg.sh runs. */
    @Param("../shared/data/chs-drg-1.1/samples.csv")
    public String samples;

    private DrgGrouper grouper;
    private String[] lines;
    private DrgCase[] cases;

    @Setup
    public void setUp() throws IOException {
        grouper = new DrgGrouper(DrgTables.load(GrouperVersion.CHS_DRG_1_1));
        List<String> all = Files.readAllLines(Path.of(samples));
        lines = all.subList(1, CASES + 1).toArray(new String[0]);
        cases = new DrgCase[CASES];
        for (int i = 0; i < CASES; i++) {
            cases[i] = DrgCaseLine.parse(lines[i], i + 2);
        }
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public void group(Blackhole bh) {
        for (DrgCase c : cases) {
            bh.consume(grouper.group(c));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public void parseAndGroup(Blackhole bh) {
        for (int i = 0; i < CASES; i++) {
            bh.consume(grouper.group(DrgCaseLine.parse(lines[i], i + 2)));
        }
    }
}
