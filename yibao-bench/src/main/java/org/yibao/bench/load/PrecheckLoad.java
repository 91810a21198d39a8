package org.yibao.bench.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * 3102 事中分析 over the real interface (issue 7: p99 under 20 ms for an encounter with 50 orders):
 * closed-loop workers send signed 3102 calls, each a 10-day stay with 50 orders of demo items for a
 * demo person (so the person's stored visits are read), and record the round trip of each call.
 * Last line: {@code precheck_calls_per_second=<n> p50_ms=<n> p99_ms=<n> errors=<n>}.
 */
@Command(name = "precheck-load", mixinStandardHelpOptions = true)
public final class PrecheckLoad implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080") String url;
    @Option(names = "--data-dir", required = true, description = "the platform's data dir (keys, admin credentials)") Path dataDir;
    @Option(names = "--workers", defaultValue = "4", description = "closed-loop workers") int workers;
    @Option(names = "--warmup", defaultValue = "20", description = "seconds") int warmup;
    @Option(names = "--duration", defaultValue = "60", description = "seconds measured") int duration;
    @Option(names = "--persons", defaultValue = "500") int personCount;
    @Option(names = "--region", defaultValue = "990100") String region;

    private static final String[] DAILY = {"001103000010000", "001102000010000", "XJ01DCT013B002010101003", "C0102030400001010101001"};

    public static void main(String[] args) {
        System.exit(new CommandLine(new PrecheckLoad()).execute(args));
    }

    static Map<String, Object> input(String psnNo, String mdtrtId) {
        LocalDate adm = HisClient.localNow().toLocalDate().minusDays(10);
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            for (String code : DAILY) {
                orders.add(Map.of("rx_id", "RX" + orders.size(), "hilist_code", code, "cnt", "1", "pric", "30",
                        "sumamt", "30.00", "drord_begn_date", adm.plusDays(day) + " 08:00:00"));
            }
        }
        for (int i = 0; orders.size() < 50; i++) {
            orders.add(Map.of("rx_id", "RX" + orders.size(), "hilist_code", i % 2 == 0 ? "002101000010000" : "XA10BAE054A001010101001",
                    "cnt", "1", "pric", "180", "sumamt", "180.00", "prd_days", 28, "drord_begn_date", adm.plusDays(i) + " 09:00:00"));
        }
        Map<String, Object> encounter = new LinkedHashMap<>();
        encounter.put("mdtrt_id", mdtrtId);
        encounter.put("med_type", "21");
        encounter.put("adm_date", adm.toString());
        encounter.put("fsi_diagnose_dtos", List.of(Map.of("dise_codg", "K35.800", "maindise_flag", "1")));
        encounter.put("fsi_order_dtos", orders);
        Map<String, Object> patient = Map.of("patn_id", psnNo, "curr_mdtrt_id", mdtrtId, "fsi_encounter_dtos", List.of(encounter));
        return Map.of("data", Map.of("trig_scen", "4", "task_id", "LOAD", "patient_dtos", List.of(patient)));
    }

    @Override
    public Integer call() throws Exception {
        CloseableHttpClient http = HisClient.httpClient(workers + 1);
        List<DemoPopulation.Key> keys = DemoPopulation.keys(dataDir, region);
        List<DemoPopulation.Person> persons = DemoPopulation.persons(http, url, dataDir, region, personCount);
        List<HisClient> clients = new ArrayList<>();
        for (DemoPopulation.Key k : keys) {
            clients.add(new HisClient(http, url, k.fixmedinsCode(), k.accessKey(), k.secret()));
        }
        System.out.printf("precheck load: 3102 with 50 orders, %d institutions, %d persons, %d workers, %d s warm-up, %d s measured%n",
                clients.size(), persons.size(), workers, warmup, duration);
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(30), 3);
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            pool.submit(() -> {
                for (long n = worker; System.nanoTime() < end; n += workers) {
                    DemoPopulation.Person p = persons.get((int) (n % persons.size()));
                    HisClient his = clients.get((int) (n % clients.size()));
                    boolean measured = System.nanoTime() >= measureFrom;
                    try {
                        HisClient.Reply r = his.call("3102", p.admdvs(), input(p.psnNo(), "LOAD" + n));
                        if (measured && System.nanoTime() < end) {
                            latency.recordValue(Math.min(r.nanos(), TimeUnit.SECONDS.toNanos(30)));
                            calls.incrementAndGet();
                            if (!r.ok()) {
                                if (errors.getAndIncrement() < 5) {
                                    System.out.println("error: " + r.errMsg());
                                }
                            }
                        }
                    } catch (Exception e) {
                        if (errors.getAndIncrement() < 5) {
                            System.out.println("error: " + e);
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration + warmup + 120, TimeUnit.SECONDS);
        System.out.printf("precheck_calls_per_second=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d%n", calls.get() / (double) duration,
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6, errors.get());
        return 0;
    }
}
