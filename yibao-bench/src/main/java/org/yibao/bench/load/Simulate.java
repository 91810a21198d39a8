package org.yibao.bench.load;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./yibao simulate}: realistic traffic from the demo population through the real national
 * interface, signed as each institution's HIS would: general and chronic outpatient visits, stays with
 * their case records (4101), pharmacy purchases, some reversals and replays. A progress bar while it
 * runs, a summary at the end. With {@code --labelled}, the labelled anomaly generator's traffic and its
 * per-rule score instead ({@link LabelledTraffic}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Drive realistic traffic through the national interface.")
public final class Simulate implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--url", defaultValue = "http://localhost:8080") String url;
    @Option(names = "--data-dir", defaultValue = "./var") Path dataDir;
    @Option(names = "--days", defaultValue = "7", description = "days' worth of visits (sent now: settlement is real time)") int days;
    @Option(names = "--visits-per-day", defaultValue = "200") int visitsPerDay;
    @Option(names = "--seed", defaultValue = "20261123") long seed;
    @Option(names = "--workers", defaultValue = "8") int workers;
    @Option(names = "--labelled", description = "instead: issue 7's labelled anomaly generator, a positive and a negative example of every "
            + "rule replayed through the interface, the run after settlement, precision and recall per rule (LabelledTraffic). New persons "
            + "each time; the level-2 hospital outside the alliance (H99010039001) is registered by the first such run and reused. "
            + "Exit 1 unless every rule finds all its positives and nothing else.") boolean labelled;
    @Option(names = "--examples", defaultValue = "1", description = "with --labelled: positive (and as many negative) examples per rule") int examples;

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong medfee = new AtomicLong();
    private final AtomicLong fund = new AtomicLong();
    private final AtomicLong account = new AtomicLong();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Simulate()).execute(args));
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public Integer call() throws Exception {
        if (labelled) {
            return new LabelledTraffic(HisClient.httpClient(2), url, dataDir, seed, examples).run();
        }
        CloseableHttpClient http = HisClient.httpClient(workers + 2);
        List<DemoPopulation.Key> hospitals = DemoPopulation.keys(dataDir, "990100");
        List<DemoPopulation.Key> pharmacies = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("institution-keys.tsv"))) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[0].startsWith("P990100")) {
                pharmacies.add(new DemoPopulation.Key(f[0], f[1], f[2]));
            }
        }
        List<DemoPopulation.Person> persons = DemoPopulation.persons(http, url, dataDir, "990100", 3000);
        List<DemoPopulation.Person> chronic = chronicPatients(http, persons.subList(0, Math.min(400, persons.size())));
        int total = days * visitsPerDay;
        System.out.printf("Simulating %d days × %d visits in 990100: %d hospitals, %d pharmacies, %d persons (%d with a recognised chronic disease)%n",
                days, visitsPerDay, hospitals.size(), pharmacies.size(), persons.size(), chronic.size());
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int i = 0; i < total; i++) {
            long visitSeed = seed * 1_000_003L + i;
            pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(visitSeed);
                try {
                    int dice = r.nextInt(100);
                    DemoPopulation.Key key = hospitals.get(r.nextInt(hospitals.size()));
                    HisClient his = new HisClient(http, url, key.fixmedinsCode(), key.accessKey(), key.secret());
                    if (dice < 10 && !pharmacies.isEmpty()) {
                        pharmacy(http, pharmacies.get(r.nextInt(pharmacies.size())), employee(persons, r), r);
                    } else if (dice < 25 && !chronic.isEmpty()) {
                        outpatient(his, chronic.get(r.nextInt(chronic.size())), "14", r);
                    } else if (dice < 33) {
                        stay(his, persons.get(r.nextInt(persons.size())), r);
                    } else {
                        outpatient(his, persons.get(r.nextInt(persons.size())), "11", r);
                    }
                } catch (Visits.Failed e) {
                    count("refused: " + e.getMessage().replaceAll("[0-9A-Z]{12,}", "…").substring(0, Math.min(60, e.getMessage().length())));
                } catch (Exception e) {
                    count("error: " + e.getClass().getSimpleName());
                }
                progress(done.incrementAndGet(), total, start);
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        System.err.println();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nDone in %.1f s (%.0f visits/s).%n", seconds, total / seconds);
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("  %-60s %8d%n", e.getKey(), e.getValue().get()));
        System.out.printf("  medical fees %s, funds paid %s, personal accounts paid %s (yuan, settlements net of reversals)%n",
                yuan(medfee.get()), yuan(fund.get()), yuan(account.get()));
        System.out.println("Open the console (/settlements, the dashboard) to see them.");
        return counts.keySet().stream().anyMatch(k -> k.startsWith("error")) ? 1 : 0;
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private void settled(JsonNode setlinfo, int sign) {
        medfee.addAndGet(sign * setlinfo.get("medfee_sumamt").decimalValue().movePointRight(2).longValue());
        fund.addAndGet(sign * setlinfo.get("fund_pay_sumamt").decimalValue().movePointRight(2).longValue());
        account.addAndGet(sign * setlinfo.get("acct_pay").decimalValue().movePointRight(2).longValue());
    }

    private static final Visits.Recorder NONE = (infno, reply) -> { };

    private void outpatient(HisClient his, DemoPopulation.Person p, String medType, SplittableRandom r) throws Exception {
        String mdtrtId = Visits.register(his, p, NONE);
        if ("14".equals(medType)) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("mdtrt_id", mdtrtId);
            info.put("psn_no", p.psnNo());
            info.put("med_type", "14");
            info.put("dise_codg", chronicCodes.get(p.psnNo()));
            check("2203", his.call("2203", p.admdvs(), Map.of("mdtrtinfo", info)));
        }
        JsonNode result = Visits.upload(his, p, mdtrtId, 2 + r.nextInt(8), r, NONE);
        JsonNode setlinfo = Visits.settle(his, "2207", p, mdtrtId, medType, result, NONE);
        settled(setlinfo, 1);
        count("14".equals(medType) ? "chronic outpatient settlements" : "general outpatient settlements");
        afterwards(his, p, mdtrtId, "2208", setlinfo, r);
    }

    /** Some settlements are reversed (the patient changes their mind), some requests replayed (a lost reply). */
    private void afterwards(HisClient his, DemoPopulation.Person p, String mdtrtId, String reversal, JsonNode setlinfo, SplittableRandom r)
            throws Exception {
        if (r.nextInt(100) < 3) {
            JsonNode mirror = check(reversal, his.call(reversal, p.admdvs(), Map.of("data", Map.of("setl_id",
                    setlinfo.get("setl_id").asString(), "mdtrt_id", mdtrtId, "psn_no", p.psnNo())))).output().get("setlinfo");
            settled(mirror, 1);
            count("reversals");
        } else if (r.nextInt(100) < 2) {
            byte[] body = his.body("5203", his.newMsgid(), p.admdvs(), Map.of("data", Map.of("psn_no", p.psnNo(),
                    "setl_id", setlinfo.get("setl_id").asString())));
            HisClient.Reply first = check("5203", his.send(body));
            HisClient.Reply again = his.send(body);
            count(java.util.Arrays.equals(first.raw(), again.raw()) ? "replays answered byte for byte" : "error: replay differs");
        }
    }

    private void stay(HisClient his, DemoPopulation.Person p, SplittableRandom r) throws Exception {
        String mdtrtId;
        try {
            mdtrtId = Visits.admit(his, p, HisClient.localNow().minusDays(3 + r.nextInt(5)).format(TIME), "IP" + System.nanoTime(),
                    List.of("K35.800"), NONE);
        } catch (Visits.Failed e) {
            count("admission refused (already in hospital)");
            return;
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        String[][] items = {{"003102000010000", "1", "1200.00"}, {"001103000010000", "5", "60.00"}, {"001102000010000", "5", "30.00"},
                {"XJ01DCT013B002010101003", "10", "55.00"}, {"C0102030400001010101001", "10", "12.00"}};
        String time = HisClient.localNow().minusDays(2).format(TIME);
        for (int i = 0; i < items.length; i++) {
            BigDecimal cnt = new BigDecimal(items[i][1]);
            BigDecimal pric = new BigDecimal(items[i][2]);
            lines.add(Visits.feeLine(mdtrtId, p, null, new Visits.Fee(String.valueOf(i + 1), items[i][0], time, cnt, pric,
                    cnt.multiply(pric).setScale(2), null, null)));
        }
        JsonNode result = Visits.upload(his, "2301", p, lines, NONE);
        Visits.discharge(his, p, mdtrtId, HisClient.localNow().minusHours(1).format(TIME), NONE);
        JsonNode setlinfo = Visits.settle(his, "2304", p, mdtrtId, "21", result, NONE);
        settled(setlinfo, 1);
        count("inpatient settlements");
        Map<String, Object> record = Map.of("setlinfo", Map.of("psn_no", p.psnNo(), "mdtrt_id", mdtrtId,
                        "setl_id", setlinfo.get("setl_id").asString(), "dscg_way", "1", "act_ipt_days", 5),
                "diseinfo", List.of(Map.of("diag_type", "1", "diag_code", "K35.800", "diag_name", "急性阑尾炎", "maindiag_flag", "1")));
        check("4101", his.call("4101", p.admdvs(), record));
        count("case records (4101)");
        afterwards(his, p, mdtrtId, "2305", setlinfo, r);
    }

    private void pharmacy(CloseableHttpClient http, DemoPopulation.Key key, DemoPopulation.Person p, SplittableRandom r) throws Exception {
        HisClient his = new HisClient(http, url, key.fixmedinsCode(), key.accessKey(), key.secret());
        String mdtrtId = Visits.register(his, p, NONE);
        JsonNode result = Visits.upload(his, p, mdtrtId, 1 + r.nextInt(3), r, NONE);
        JsonNode setlinfo = Visits.settle(his, "2207", p, mdtrtId, "41", result, NONE);
        settled(setlinfo, 1);
        count("pharmacy purchases");
    }

    private static DemoPopulation.Person employee(List<DemoPopulation.Person> persons, SplittableRandom r) {
        for (int i = 0; i < 50; i++) {
            DemoPopulation.Person p = persons.get(r.nextInt(persons.size()));
            if ("310".equals(p.insutype())) {
                return p;
            }
        }
        return persons.get(0);
    }

    private static HisClient.Reply check(String infno, HisClient.Reply reply) throws Visits.Failed {
        if (!reply.ok()) {
            throw new Visits.Failed(infno, reply);
        }
        return reply;
    }

    private final Map<String, String> chronicCodes = new ConcurrentHashMap<>();

    /** Persons with a recognised chronic disease, from the admin API's person files. */
    private List<DemoPopulation.Person> chronicPatients(CloseableHttpClient http, List<DemoPopulation.Person> candidates) throws Exception {
        String auth = DemoPopulation.adminAuthorization(dataDir);
        List<DemoPopulation.Person> found = new ArrayList<>();
        for (DemoPopulation.Person p : candidates) {
            JsonNode recognitions = DemoPopulation.admin(http, url + "/api/admin/persons/" + p.psnNo(), auth).path("chronic_recognitions");
            for (JsonNode rec : recognitions) {
                if (rec.path("cancelled_at").isNull() || rec.path("cancelled_at").isMissingNode()) {
                    chronicCodes.put(p.psnNo(), rec.get("dise_codg").asString());
                    found.add(p);
                    break;
                }
            }
        }
        return found;
    }

    private static void progress(long done, long total, long start) {
        if (done % 10 != 0 && done != total) {
            return;
        }
        bar(done, total, start);
    }

    /** The progress bar on standard error: {@code done} of {@code total} visits since {@code start} (nanoTime). */
    static void bar(long done, long total, long start) {
        int width = 40;
        int filled = (int) (width * done / total);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("\r[%s%s] %3d%% %d/%d visits, %.0f/s ", "#".repeat(filled), " ".repeat(width - filled),
                done * 100 / total, done, total, done / Math.max(seconds, 0.001));
    }
}
