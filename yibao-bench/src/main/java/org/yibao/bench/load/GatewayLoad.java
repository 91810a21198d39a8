package org.yibao.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The settlement gateway's load: closed-loop workers each driving visits (2201 + 2204 with 10 lines +
 * 2207) for demo persons at demo institutions, signed, over real HTTP. Prints the figure line
 * {@code visits_per_second=… p50_ms=… p99_ms=… errors=…} (latency per request, after the warm-up).
 */
@Command(name = "gateway-load", mixinStandardHelpOptions = true, description = "Drive visits through the national interface.")
public final class GatewayLoad implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080") String url;
    @Option(names = "--data-dir", required = true, description = "the platform's data dir (keys, admin credentials)") Path dataDir;
    @Option(names = "--workers", defaultValue = "8", description = "closed-loop workers (HIS counters); 8 keeps both cores busy without queueing") int workers;
    @Option(names = "--warmup", defaultValue = "90", description = "seconds; long enough for the platform's JIT compilers to finish on 2 cores (bench/gateway.sh)") int warmup;
    @Option(names = "--duration", defaultValue = "60", description = "seconds measured") int duration;
    @Option(names = "--lines", defaultValue = "10") int lines;
    @Option(names = "--persons", defaultValue = "2000") int personCount;
    @Option(names = "--region", defaultValue = "990100") String region;
    @Option(names = "--floor", description = "send three 9001 sign-ins instead of each visit: the transport's own cost (signature, "
            + "JSON, one durable insert and the reply row per call), the floor under any visit") boolean floor;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayLoad()).execute(args));
    }

    /** What a run measured after its warm-up: latency per request, visits per second and calls not answered infcode 0. */
    public record Result(long requests, long visits, double visitsPerSecond, double p50Ms, double p90Ms, double p99Ms, double maxMs,
                         long errors) {
        /** The latency line printed above the figure line. */
        public String latencies() {
            return String.format("requests=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f", requests, p50Ms, p90Ms, p99Ms, maxMs);
        }

        /** The figure line, the last line of {@code bench/gateway.sh}. */
        public String figure() {
            return String.format("visits_per_second=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d", visitsPerSecond, p50Ms, p99Ms, errors);
        }
    }

    @Override
    public Integer call() throws Exception {
        Result r = run();
        System.out.println(r.latencies());
        System.out.println(r.figure());
        return 0;
    }

    /** Drives the load for the warm-up and the measured window and returns what the window measured. */
    public Result run() throws Exception {
        CloseableHttpClient http = HisClient.httpClient(workers + 1);
        List<DemoPopulation.Key> keys = DemoPopulation.keys(dataDir, region);
        List<DemoPopulation.Person> persons = DemoPopulation.persons(http, url, dataDir, region, personCount);
        System.out.printf("load: %d institutions, %d persons of %s, %d workers, %d s warm-up, %d s measured%n",
                keys.size(), persons.size(), region, workers, warmup, duration);
        List<HisClient> clients = new ArrayList<>();
        for (DemoPopulation.Key k : keys) {
            clients.add(new HisClient(http, url, k.fixmedinsCode(), k.accessKey(), k.secret()));
        }
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(30), 3);
        AtomicLong visits = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong firstError = new AtomicLong();
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(1000L + worker);
                // Each worker owns its persons: one person's visits are never concurrent here (the
                // concurrency of one person is a test of its own, ConcurrentSettlementTest).
                while (System.nanoTime() < end) {
                    DemoPopulation.Person p = persons.get((worker + workers * random.nextInt(Math.max(1, persons.size() / workers)))
                            % persons.size());
                    HisClient his = clients.get(random.nextInt(clients.size()));
                    boolean measured = System.nanoTime() >= measureFrom;
                    try {
                        Visits.Recorder recorder = (infno, reply) -> {
                            if (measured) {
                                latency.recordValue(Math.min(reply.nanos(), TimeUnit.SECONDS.toNanos(30)));
                            }
                        };
                        if (floor) {
                            for (int call = 0; call < 3; call++) {
                                Visits.signIn(his, recorder);
                            }
                        } else {
                            Visits.outpatient(his, p, lines, random, recorder);
                        }
                        if (measured && System.nanoTime() < end) {
                            visits.incrementAndGet();
                        }
                    } catch (Visits.Failed e) {
                        if (measured) {
                            errors.incrementAndGet();
                        }
                        if (firstError.getAndIncrement() < 5) {
                            System.out.println("error: " + e.getMessage());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (firstError.getAndIncrement() < 5) {
                            System.out.println("error: " + e);
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration + warmup + 120, TimeUnit.SECONDS);
        http.close();
        return new Result(latency.getTotalCount(), visits.get(), visits.get() / (double) duration,
                ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)), ms(latency.getValueAtPercentile(99)),
                ms(latency.getMaxValue()), errors.get());
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
