package org.yibao.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.util.Timeout;
import org.yibao.engine.identity.CertificateNumbers;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.KnowledgeBase;
import org.yibao.engine.supervision.LabelledAnomalies;
import org.yibao.engine.supervision.Line;
import org.yibao.engine.supervision.Patient;
import org.yibao.engine.supervision.RuleDefinition;
import org.yibao.engine.supervision.Shape;
import org.yibao.engine.supervision.SupervisionEngine;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./yibao simulate --labelled}: issue 7's labelled anomaly generator ({@link LabelledAnomalies}) in live
 * traffic on a running platform, as {@code LabelledTrafficStoryTest} does under a test clock. The generator's
 * world (a positive and a negative example of every rule among clean background persons) is placed on the demo
 * city alliance of 990100 (H99010000003 level 1, H99010000002 level 2, H99010000001 level 3), on a level-2
 * hospital outside it that this command registers once through the admin API ({@link #ALONE}) and on 邻江市人民医院
 * H99020000001 for the stays in another city. Its year ends yesterday: every visit is sent today with its own,
 * earlier times, and settled today.
 *
 * <p>Each run registers new persons (the generator's sex and birth date; psn_no 99010039 + run tag + number),
 * so neither the demo history nor an earlier run touches the person rules; the hospital outside the alliance is
 * reused and gets a fresh key each run. Then: cross-region filings for the other city's stays, the replay in date
 * order through the signed national interface, the run after settlement of today's settlements for 990100 and
 * 990200 (polled to its end), the warnings read through the admin API and mapped back to the world's visits (a
 * warning about any other visit is not the generator's and does not count), and the per-rule table.
 *
 * <p>Not planted live: the institution indicators (ZB0001 length of stay, ZB0002 CT positive rate) compare an
 * institution with its same-level peers of the region, which on a live platform are the demo institutions with
 * years of history; the story test plants them on institutions of their own.
 */
final class LabelledTraffic {

    static final ZoneId ZONE = HisClient.ZONE;
    static final String REGION = "990100";
    static final String LEVEL1 = "H99010000003";
    static final String LEVEL2 = "H99010000002";
    static final String LEVEL3 = "H99010000001";
    static final String OTHER_CITY = "H99020000001";
    static final String OTHER_CITY_REGION = "990200";
    /** The level-2 hospital of 990100 outside the alliance, registered by the first labelled run. */
    static final String ALONE = "H99010039001";
    static final String INSUTYPE = "390";
    static final int BACKGROUND_PERSONS = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CloseableHttpClient http;
    private final String url;
    private final Path dataDir;
    private final AdminApi admin;
    private final AdminApi slowAdmin;
    private final long seed;
    private final int examples;
    private final String tag;
    private final Map<String, HisClient> clients = new HashMap<>();
    private final Map<String, DemoPopulation.Person> personOf = new HashMap<>();
    private final Map<String, String> mdtrtOf = new HashMap<>();
    private final Map<String, String> openStayOf = new HashMap<>();

    LabelledTraffic(CloseableHttpClient http, String url, Path dataDir, long seed, int examples) throws IOException {
        this.http = http;
        this.url = url;
        this.dataDir = dataDir;
        this.admin = new AdminApi(http, url, dataDir);
        this.slowAdmin = new AdminApi(HisClient.httpClient(2, Timeout.ofHours(2)), url, dataDir);
        this.seed = seed;
        this.examples = examples;
        this.tag = String.format("%06d", new SplittableRandom().nextInt(1_000_000));
    }

    /** Runs it all and prints the table; 0 when every rule found all its planted positives and nothing else. */
    int run() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        LocalDate start = today.minusYears(1);
        SupervisionEngine engine = new SupervisionEngine(KnowledgeBase.parse(file -> {
            try {
                return admin.text("/api/admin/supervision/knowledge/" + file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        Set<String> indicators = engine.ruleIds(Shape.INSTITUTION);
        List<RuleDefinition> rules = engine.rules().stream().filter(r -> !indicators.contains(r.id())).toList();

        LabelledAnomalies.World world = live(LabelledAnomalies.generate(seed, examples, BACKGROUND_PERSONS, start, placement()), indicators);
        List<Encounter> all = world.visits().values().stream().flatMap(List::stream).toList();
        LocalDate last = all.stream().flatMap(e -> Stream.concat(e.lines().stream().map(Line::serviceDate), Stream.ofNullable(e.dischargeDate())))
                .max(Comparator.naturalOrder()).orElseThrow();
        if (!last.isBefore(today)) {
            throw new IllegalStateException("the generated world ends " + last + ", not before today " + today);
        }
        System.out.printf("Labelled traffic, seed %d, %d example(s) per rule: %d persons, %d visits, %d lines, %d plants, %s – %s, sent and settled today%n",
                seed, examples, world.patients().size(), world.encounters(), world.lines(), world.plants().size(), start, last);

        institutions(start);
        persons(world, start);
        filings(world);
        LocalDate from = LocalDate.now(ZONE);
        replay(world, all, start, last);
        LocalDate to = LocalDate.now(ZONE);
        for (String region : List.of(REGION, OTHER_CITY_REGION)) {
            runAfterSettlement(region, from, to);
        }

        Map<String, String> encounterOf = new HashMap<>();
        mdtrtOf.forEach((encounter, mdtrt) -> encounterOf.put(mdtrt, encounter));
        List<LabelledAnomalies.Found> found = warnings(rules, from, to, encounterOf);
        List<LabelledAnomalies.Score> platform = LabelledAnomalies.score(rules, world, found);
        Set<String> scored = new LinkedHashSet<>(rules.stream().map(RuleDefinition::id).toList());
        List<LabelledAnomalies.Score> inMemory = LabelledAnomalies.evaluate(engine, world).stream().filter(s -> scored.contains(s.ruleId())).toList();

        System.out.println();
        System.out.println("Not planted live: " + String.join(", ", engine.rules().stream().filter(r -> indicators.contains(r.id()))
                .map(r -> r.id() + " " + r.nameZh()).toList()) + ". Institution indicators compare an institution with its same-level "
                + "peers of the region, on a live platform the demo institutions with years of history, so no example can be planted "
                + "on its own; LabelledTrafficStoryTest plants and scores them on institutions of their own.");
        System.out.println("Platform (stored warnings after the run, read through the admin API; " + found.size() + " on the world's visits):");
        System.out.print(LabelledAnomalies.table(platform));
        System.out.println(platform.equals(inMemory) ? "The engine in memory scores the same world the same."
                : "The engine in memory scores the same world differently:\n" + LabelledAnomalies.table(inMemory));
        int planted = platform.stream().mapToInt(LabelledAnomalies.Score::plantedPositives).sum();
        int truePositives = platform.stream().mapToInt(LabelledAnomalies.Score::truePositives).sum();
        int falsePositives = platform.stream().mapToInt(LabelledAnomalies.Score::falsePositives).sum();
        System.out.printf("labelled: rules=%d precision=%s recall=%s false_positives=%d%n", platform.size(),
                share(truePositives, truePositives + falsePositives), share(truePositives, planted), falsePositives);
        return truePositives == planted && falsePositives == 0 ? 0 : 1;
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "1.000" : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP).toPlainString();
    }

    // ---- the world on the live platform --------------------------------------------------------

    /** The demo alliance as the platform has it (levels checked), the hospital outside it, the other city. */
    private LabelledAnomalies.Placement placement() throws IOException {
        String alliance = null;
        for (String[] expected : new String[][] {{LEVEL1, "1"}, {LEVEL2, "2"}, {LEVEL3, "3"}}) {
            JsonNode i = admin.get("/api/admin/institutions/" + expected[0]);
            String code = i.path("alliance_code").asString(null);
            if (i.path("level").asInt() != Integer.parseInt(expected[1]) || code == null || (alliance != null && !alliance.equals(code))) {
                throw new IllegalStateException(expected[0] + " is not the demo alliance's level-" + expected[1] + " institution: " + i);
            }
            alliance = code;
        }
        int otherCityLevel = admin.get("/api/admin/institutions/" + OTHER_CITY).path("level").asInt(3);
        // The indicator examples' institutions are never registered: their visits are left out of the replay (see live()).
        return new LabelledAnomalies.Placement(REGION, alliance, LEVEL1, LEVEL2, LEVEL3, ALONE, OTHER_CITY, OTHER_CITY_REGION, otherCityLevel,
                (positive, n) -> new LabelledAnomalies.PeerGroup("INDICATOR", 2, "LOS" + positive + n, "LOSA" + positive + n, "LOSB" + positive + n),
                (positive, n) -> "CT" + positive + n);
    }

    /** The world without the indicator examples: their plants, visits and persons. */
    private static LabelledAnomalies.World live(LabelledAnomalies.World world, Set<String> indicators) {
        Set<String> placed = Set.of(LEVEL1, LEVEL2, LEVEL3, ALONE, OTHER_CITY);
        Map<String, List<Encounter>> visits = new LinkedHashMap<>();
        Map<String, Patient> patients = new LinkedHashMap<>();
        world.visits().forEach((person, list) -> {
            List<Encounter> kept = list.stream().filter(e -> placed.contains(e.institutionCode())).toList();
            if (!kept.isEmpty()) {
                visits.put(person, kept);
                patients.put(person, world.patients().get(person));
            }
        });
        List<LabelledAnomalies.Plant> plants = world.plants().stream().filter(p -> !indicators.contains(p.ruleId())).toList();
        return new LabelledAnomalies.World(patients, visits, plants);
    }

    /** Clients of the world's institutions: the demo keys, and for the hospital outside the alliance (registered once) a fresh key. */
    private void institutions(LocalDate start) throws IOException {
        for (DemoPopulation.Key k : DemoPopulation.keys(dataDir, "99")) {
            if (Set.of(LEVEL1, LEVEL2, LEVEL3, OTHER_CITY).contains(k.fixmedinsCode())) {
                clients.put(k.fixmedinsCode(), new HisClient(http, url, k.fixmedinsCode(), k.accessKey(), k.secret()));
            }
        }
        for (String code : List.of(LEVEL1, LEVEL2, LEVEL3, OTHER_CITY)) {
            if (!clients.containsKey(code)) {
                throw new IllegalStateException("no key for " + code + " in institution-keys.tsv");
            }
        }
        if (admin.probe("/api/admin/institutions/" + ALONE).status() == 404) {
            admin.post("/api/admin/institutions", Map.of("fixmedins_code", ALONE, "name", "标注样本二级医院", "admdvs", REGION, "level", 2,
                    "kind", "HOSPITAL", "address", "标注路1号", "validFrom", start.withDayOfYear(1).toString()), 201);
            System.out.println("Registered " + ALONE + " 标注样本二级医院 (level 2, outside the alliance)");
        }
        String agreements = "/api/admin/institutions/" + ALONE + "/agreements";
        if (!"ACTIVE".equals(admin.get(agreements + "/standing").path("state").asString())) {
            long id = admin.post(agreements, Map.of("reason", "标注样本 年度协议"), 201).get("id").asLong();
            admin.post(agreements + "/" + id + "/activate", Map.of(), 200);
        }
        DemoPopulation.Key key = admin.issueKey(ALONE);
        clients.put(ALONE, new HisClient(http, url, ALONE, key.accessKey(), key.secret()));
    }

    /** Registers each person of the world as a resident of 990100 of the generator's sex and birth date. */
    private void persons(LabelledAnomalies.World world, LocalDate start) throws IOException {
        SplittableRandom random = new SplittableRandom();
        int n = 0;
        for (Patient p : world.patients().values()) {
            String psnNo = "99010039" + tag + String.format("%06d", ++n);
            for (int attempt = 0; ; attempt++) {
                String certno;
                do {
                    certno = CertificateNumbers.withCheckCharacter(REGION + p.birthDate().toString().replace("-", "")
                            + String.format("%03d", random.nextInt(1000)));
                } while (!CertificateNumbers.sex(certno).equals(p.sex()));
                Map<String, Object> body = new HashMap<>(Map.of("psn_no", psnNo, "certno", certno, "psn_name", "标注" + p.id(),
                        "gend", p.sex(), "brdy", p.birthDate().toString(), "insutype", INSUTYPE, "psn_type", "1501",
                        "insuplc_admdvs", REGION, "residence_admdvs", REGION, "validFrom", start.withDayOfYear(1).toString()));
                HisClient.Answer a = admin.post("/api/admin/persons", body);
                if (a.status() == 201) {
                    personOf.put(p.id(), new DemoPopulation.Person(psnNo, INSUTYPE, certno, REGION));
                    break;
                }
                if (a.status() != 409 || attempt == 5) {
                    // 409: someone holds the certificate number already; another one is drawn.
                    throw new IOException("registering " + psnNo + " answered " + a.status() + ": " + new String(a.body(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** A person treated in the other city files a temporary cross-region filing (from today; it covers a stay settled today). */
    private void filings(LabelledAnomalies.World world) throws IOException {
        for (List<Encounter> visits : world.visits().values()) {
            if (visits.stream().anyMatch(e -> e.institutionCode().equals(OTHER_CITY))) {
                admin.post("/api/admin/persons/" + personOf.get(visits.get(0).patientId()).psnNo() + "/xr-filings",
                        Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", OTHER_CITY_REGION), 201);
            }
        }
    }

    // ---- the replay ----------------------------------------------------------------------------

    /** Every visit in date order as its HIS sends it, all today: stays day by day, outpatient visits on their day. */
    private void replay(LabelledAnomalies.World world, List<Encounter> all, LocalDate start, LocalDate last) throws Exception {
        List<Stay> stays = new ArrayList<>();
        Map<LocalDate, List<Encounter>> outpatients = new TreeMap<>();
        for (Encounter e : all) {
            if (e.inpatient()) {
                stays.add(new Stay(e));
            } else {
                outpatients.computeIfAbsent(e.admissionDate(), d -> new ArrayList<>()).add(e);
            }
        }
        stays.sort(Comparator.comparing((Stay s) -> s.e.admissionDate()).thenComparing(s -> s.e.id()));
        int total = world.encounters();
        int done = 0;
        long began = System.nanoTime();
        for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
            int before = done;
            boolean progress = true;
            while (progress) {
                progress = false;
                for (Stay s : stays) {
                    boolean wasSettled = s.settled;
                    progress |= s.step(day);
                    done += !wasSettled && s.settled ? 1 : 0;
                }
            }
            for (Encounter e : outpatients.getOrDefault(day, List.of())) {
                outpatient(e);
                done++;
            }
            if (done != before) {
                Simulate.bar(done, total, began);
            }
        }
        System.err.println();
        for (Stay s : stays) {
            if (!s.settled) {
                throw new IllegalStateException("the stay " + s.e.id() + " was never settled");
            }
        }
    }

    private static String at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).format(TIME);
    }

    private static final Visits.Recorder NONE = (infno, reply) -> { };

    /** A line of the world on the wire: its own day, quantity, price, sum, days supplied and CT result ({@code exam_rslt=1|0}). */
    private static Visits.Fee fee(Line l) {
        return new Visits.Fee(l.id(), l.itemCode(), at(l.serviceDate(), 9, 30), l.quantity().toBigDecimal(), l.unitPrice().toBigDecimal(),
                l.amount().toBigDecimal(), l.daysSupplied(), l.examResult() == null ? null : "exam_rslt=" + (l.examResult() ? "1" : "0"));
    }

    /** The upload results of the lines still charged, in the shape {@link Visits#settle} sums. */
    private static JsonNode charged(Map<String, JsonNode> results) {
        return HisClient.JSON.valueToTree(List.copyOf(results.values()));
    }

    private static void keep(Map<String, JsonNode> results, JsonNode uploaded) {
        for (JsonNode n : uploaded) {
            results.put(n.get("feedetl_sn").asString(), n);
        }
    }

    /**
     * 2201 → 2204, one batch per line → 2207, all with the visit's day. A refund (the frequency rule's negative) is
     * not a negative line at 2204, which the platform refuses without {@code init_feedetl_sn}, but what an HIS does:
     * 2205 cancels the batch of the line it refunds.
     */
    private void outpatient(Encounter e) throws Exception {
        HisClient his = clients.get(e.institutionCode());
        DemoPopulation.Person p = personOf.get(e.patientId());
        String mdtrtId = Visits.register(his, p, at(e.admissionDate(), 8, 30), "OP" + tag + e.id(), NONE);
        mdtrtOf.put(e.id(), mdtrtId);
        Map<String, JsonNode> results = new LinkedHashMap<>();
        Map<String, String> batchOf = new LinkedHashMap<>();
        for (Line l : e.lines()) {
            if (!l.quantity().isNegative()) {
                String batch = "B" + (batchOf.size() + 1);
                batchOf.put(l.id(), batch);
                keep(results, Visits.upload(his, "2204", p, List.of(Visits.feeLine(mdtrtId, p, batch, fee(l))), NONE));
                continue;
            }
            String refunded = batchOf.keySet().stream().filter(sn -> results.containsKey(sn) && itemOf(e, sn).equals(l.itemCode()))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException("the line " + l.id() + " refunds nothing charged before"));
            String batch = batchOf.get(refunded);
            Visits.cancel(his, p, mdtrtId, batch, NONE);
            batchOf.forEach((sn, of) -> {
                if (of.equals(batch)) {
                    results.remove(sn);
                }
            });
        }
        Visits.settle(his, "2207", p, mdtrtId, "11", charged(results), NONE);
    }

    private static String itemOf(Encounter e, String lineId) {
        return e.lines().stream().filter(l -> l.id().equals(lineId)).findFirst().orElseThrow().itemCode();
    }

    /**
     * A stay as its HIS drives it, one day at a time: admitted on its day (or, when the person is still in another
     * stay not settled, on the day that one is), each day's lines uploaded with 2301 (a late admission's earlier
     * days at once), discharged with 2402 on its day and settled with 2304 once its last line is uploaded.
     */
    private final class Stay {
        final Encounter e;
        final DemoPopulation.Person p;
        final HisClient his;
        final Map<String, JsonNode> results = new LinkedHashMap<>();
        final Set<String> uploaded = new java.util.HashSet<>();
        String mdtrtId;
        boolean discharged;
        boolean settled;

        Stay(Encounter e) {
            this.e = e;
            this.p = personOf.get(e.patientId());
            this.his = clients.get(e.institutionCode());
        }

        /** Moves the stay on to {@code day}; true when it was admitted or settled (another stay of the person may move on). */
        boolean step(LocalDate day) throws Exception {
            if (settled || e.admissionDate().isAfter(day) || (mdtrtId == null && openStayOf.containsKey(p.psnNo()))) {
                return false;
            }
            boolean admitted = mdtrtId == null;
            if (admitted) {
                mdtrtId = Visits.admit(his, p, at(e.admissionDate(), 8, 0), "IP" + tag + e.id(), e.diagnoses(), NONE);
                mdtrtOf.put(e.id(), mdtrtId);
                openStayOf.put(p.psnNo(), mdtrtId);
            }
            List<Map<String, Object>> due = e.lines().stream().filter(l -> !l.serviceDate().isAfter(day) && uploaded.add(l.id()))
                    .map(l -> Visits.feeLine(mdtrtId, p, null, fee(l))).toList();
            if (!due.isEmpty()) {
                keep(results, Visits.upload(his, "2301", p, due, NONE));
            }
            if (!discharged && !e.dischargeDate().isAfter(day)) {
                Visits.discharge(his, p, mdtrtId, at(e.dischargeDate(), 11, 0), NONE);
                discharged = true;
            }
            if (!discharged || uploaded.size() < e.lines().size()) {
                return admitted;
            }
            Visits.settle(his, "2304", p, mdtrtId, "21", charged(results), NONE);
            settled = true;
            openStayOf.remove(p.psnNo());
            return true;
        }
    }

    // ---- the run after settlement and its warnings --------------------------------------------

    /**
     * The run after settlement of the region's settlements of [from, to] — the run selects by settlement time, and
     * the backdated visits were all settled today — started through the admin API, which answers when the run
     * ends; meanwhile its progress is polled from the run list.
     */
    private void runAfterSettlement(String region, LocalDate from, LocalDate to) throws Exception {
        String list = "/api/admin/supervision/runs?admdvs=" + region;
        JsonNode before = admin.get(list);
        long after = before.isEmpty() ? 0 : before.get(0).get("id").asLong();
        CompletableFuture<JsonNode> finished = CompletableFuture.supplyAsync(() -> {
            try {
                return slowAdmin.post("/api/admin/supervision/runs", Map.of("admdvs", region, "from", from.toString(), "to", to.toString()), 200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long began = System.nanoTime();
        while (!finished.isDone()) {
            Thread.sleep(1000);
            for (JsonNode r : admin.get(list)) {
                if (r.get("id").asLong() > after && r.get("settlements_total").asInt() > 0) {
                    runProgress(region, r.get("settlements_done").asInt(), r.get("settlements_total").asInt(), began);
                }
            }
        }
        JsonNode run;
        try {
            run = finished.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        runProgress(region, run.get("settlements_done").asInt(), Math.max(1, run.get("settlements_total").asInt()), began);
        System.err.println();
        System.out.printf("Run after settlement %d for %s, %s – %s: %s, %d settlements, %d warnings%n", run.get("id").asLong(), region, from, to,
                run.get("state").asString(), run.get("settlements_total").asInt(), run.get("warnings_found").asInt());
        if (!"FINISHED".equals(run.get("state").asString())) {
            throw new IllegalStateException("the run after settlement for " + region + " ended " + run);
        }
    }

    private static void runProgress(String region, int done, int total, long began) {
        int width = 40;
        int filled = (int) ((long) width * done / Math.max(total, 1));
        System.err.printf("\rrun %s [%s%s] %3d%% %d/%d settlements, %.0f s ", region, "#".repeat(filled), " ".repeat(width - filled),
                done * 100L / Math.max(total, 1), done, total, (System.nanoTime() - began) / 1e9);
    }

    /**
     * The warnings of the period's months at the world's institutions, per rule (the list answers at most 500), kept
     * when they are about one of the world's visits: a warning about any other visit is not the generator's.
     */
    private List<LabelledAnomalies.Found> warnings(List<RuleDefinition> rules, LocalDate from, LocalDate to, Map<String, String> encounterOf)
            throws IOException {
        List<LabelledAnomalies.Found> found = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            for (String institution : List.of(LEVEL1, LEVEL2, LEVEL3, ALONE, OTHER_CITY)) {
                for (RuleDefinition rule : rules) {
                    JsonNode list = admin.get("/api/admin/supervision/warnings?institution=" + institution + "&rule=" + rule.id() + "&month=" + month);
                    if (list.size() >= 500) {
                        System.out.println("note: " + rule.id() + " at " + institution + " in " + month + " lists 500 warnings, the most one list answers");
                    }
                    for (JsonNode w : list) {
                        String encounter = encounterOf.get(w.path("mdtrt_id").asString(""));
                        if (encounter != null) {
                            found.add(new LabelledAnomalies.Found(w.get("rule_id").asString(), encounter));
                        }
                    }
                }
            }
        }
        return found;
    }
}
