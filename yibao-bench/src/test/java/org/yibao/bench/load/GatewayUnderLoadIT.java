package org.yibao.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The settlement gateway under the load of {@code bench/gateway.sh} (issue 4), on whatever machine runs the
 * tests: the packaged platform on its embedded PostgreSQL (fsync and synchronous_commit on) with the demo
 * world, 8 closed-loop HIS workers sending signed visits (2201 + 2204 with 10 lines + 2207) over HTTP, the
 * same 90 s warm-up and 60 s window. Every call must be answered {@code infcode} 0. No speed is asserted:
 * the test prints the machine and the figure line, so that CI's log carries the figure of the CI machine,
 * which the target names.
 */
class GatewayUnderLoadIT {

    private static final Path JAR = Path.of("..", "yibao-server", "target", "yibao-server.jar");
    /** The lines this test prints, kept for the build to print once more at its end. */
    private static final Path REPORT = Path.of("target", "gateway-under-load.txt");

    private Process platform;
    private Path dataDir;

    @Test
    void everyVisitOfASustainedLoadIsSettled() throws Exception {
        assertThat(JAR).as("the packaged platform (./mvnw verify packages yibao-server before this module's tests)").exists();
        dataDir = Files.createTempDirectory("yibao-gateway-load");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "gateway-under-load-platform.log");
        Files.createDirectories(log.getParent());
        // As bench/platform.sh starts it.
        platform = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms1g", "-Xmx2g", "-XX:+UseParallelGC",
                "-jar", JAR.toString(), "--server.port=" + port, "--yibao.data-dir=" + dataDir,
                "--yibao.demo.history.enabled=false", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitHealthy(port, log);

        int warmup = Integer.getInteger("yibao.gateway-load.warmup", 90);
        int duration = Integer.getInteger("yibao.gateway-load.duration", 60);
        GatewayLoad load = new GatewayLoad();
        new CommandLine(load).parseArgs("--url", "http://localhost:" + port, "--data-dir", dataDir.toString(),
                "--warmup", Integer.toString(warmup), "--duration", Integer.toString(duration));
        // CPU of the platform's JVM, its PostgreSQL and this JVM (the load) over the measured window, as bench/gateway-cpu.sh reads it.
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(0).trim());
        long[][] ticks = new long[2][];
        Thread meter = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
                ticks[0] = cpuTicks(postmaster);
                Thread.sleep(TimeUnit.SECONDS.toMillis(duration - 1));
                ticks[1] = cpuTicks(postmaster);
            } catch (InterruptedException | IOException e) {
                // no CPU figures
            }
        }, "cpu-meter");
        meter.setDaemon(true);
        meter.start();
        GatewayLoad.Result result = load.run();
        meter.join(5_000);

        List<String> report = new ArrayList<>();
        report.add("gateway under load (bench/gateway.sh's load) on " + machine() + ", " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.add(result.latencies());
        if (ticks[1] != null && result.visits() > 0) {
            double msPerTick = 1000.0 / 100; // USER_HZ
            double visits = result.visitsPerSecond() * (duration - 1);
            report.add(String.format("cpu_ms_per_visit platform=%.2f postgres=%.2f load=%.2f total=%.2f",
                    (ticks[1][0] - ticks[0][0]) * msPerTick / visits, (ticks[1][1] - ticks[0][1]) * msPerTick / visits,
                    (ticks[1][2] - ticks[0][2]) * msPerTick / visits,
                    ((ticks[1][0] + ticks[1][1] + ticks[1][2]) - (ticks[0][0] + ticks[0][1] + ticks[0][2])) * msPerTick / visits));
        }
        report.add(result.figure());
        report.forEach(System.out::println);
        // Printed again by the build after failsafe's verdict (yibao-bench/pom.xml, which also deletes it before the tests),
        // as the log's last lines before the reactor summary.
        Files.write(REPORT, report);
        assertThat(result.errors()).as("calls not answered infcode 0 in the measured window").isZero();
        assertThat(result.visits()).as("visits settled in the measured window").isPositive();
        assertThat(result.requests()).as("three calls a visit").isGreaterThanOrEqualTo(3 * result.visits());
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        if (platform != null) {
            platform.destroy();
            if (!platform.waitFor(60, TimeUnit.SECONDS)) {
                platform.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void awaitHealthy(int port, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            assertThat(platform.isAlive()).as("platform process (log " + log.toAbsolutePath() + ")").isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("platform did not start in 300 s, see " + log.toAbsolutePath());
    }

    /**
     * CPU ticks (user + system) of the platform's JVM, of its PostgreSQL processes and of this JVM. PostgreSQL's are the
     * postmaster's own, its ended children's (cutime + cstime: an autovacuum worker that comes and goes in the window) and
     * its live children's.
     */
    private long[] cpuTicks(long postmaster) throws IOException {
        long pg = ticks(postmaster, true);
        for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
            pg += ticks(child.pid(), false);
        }
        return new long[] {ticks(platform.pid(), false), pg, ticks(ProcessHandle.current().pid(), false)};
    }

    private static long ticks(long pid, boolean withEndedChildren) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return 0;
        }
        String s;
        try {
            s = Files.readString(stat);
        } catch (IOException e) {
            return 0; // the process ended
        }
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        long own = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime: fields 14 and 15 of the line
        return withEndedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own; // cutime, cstime: 16 and 17
    }

    /** Cores, CPU model, memory and JVM of this machine, as bench/gateway.sh prints them. */
    private static String machine() throws IOException {
        String model = "?";
        long memKb = 0;
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            model = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        }
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.exists(meminfo)) {
            List<String> lines = Files.readAllLines(meminfo);
            memKb = lines.stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        }
        return String.format("%d cores (%s), %d GiB, Java %s, kernel %s", Runtime.getRuntime().availableProcessors(), model,
                Math.round(memKb / 1048576.0), System.getProperty("java.version"), System.getProperty("os.version"));
    }
}
