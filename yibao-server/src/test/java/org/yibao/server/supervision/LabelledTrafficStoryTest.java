package org.yibao.server.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.engine.identity.CertificateNumbers;
import org.yibao.engine.supervision.Encounter;
import org.yibao.engine.supervision.LabelledAnomalies;
import org.yibao.engine.supervision.Line;
import org.yibao.engine.supervision.Patient;
import org.yibao.engine.supervision.SupervisionEngine;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.gateway.InstitutionKeyService;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.LaterYears;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's labelled anomaly generator through the real platform, in 2038 (used by no other clock test):
 * the generator's world — one positive and one negative example of every rule of the demo knowledge base
 * among a few dozen clean background persons — is placed on the demo city alliance of 990100
 * (H99010000003 level 1, H99010000002 level 2, H99010000001 level 3), a level-2 hospital outside it and the
 * indicator examples' own institutions that this test registers (codes H99010038…, and H99012138… in the
 * county 990121, whose institutions are peers of each other only), and 邻江市人民医院 H99020000001 for the
 * stays in another city (the persons file a temporary cross-region filing first). Persons of the same sex
 * and birth date are registered with psn_no 99010038…, then the year is replayed day by day through the
 * signed national interface: outpatient 2201 → 2204 (each fee line with its day, quantity, price, days
 * supplied and CT result {@code memo exam_rslt=1|0}) → 2207; inpatient 2401 → 2301 each day's lines → 2402 →
 * 2304. On 31 December the run after settlement analyses the year for 990100 and 990200 as the
 * administrator; every stored warning is mapped back to its plant (the visit for line, visit and person
 * rules, the institution for indicators) and scored as the engine scores the generator in memory.
 *
 * <p>Two places where the interface shapes the replay, both faithful to how such traffic reaches the fund:
 * <ul>
 *   <li>An outpatient refund (the frequency rule's negative: a consultation charged, refunded and charged
 *   again) is not a negative line at 2204 — the platform refuses one without {@code init_feedetl_sn} and
 *   tells the HIS to cancel with 2205 — so it is replayed as upload, 2205 cancel of that batch, upload again.</li>
 *   <li>The platform refuses a second open admission of one person (2401: 已有未结算的住院), so the stay in
 *   another city that overlaps a stay at home (the concurrent-care positive) reaches it the only way it can:
 *   admitted on the day the home stay is settled with its real, earlier admission time and its earlier
 *   days' fee lines uploaded late. A transfer on the discharge day (the negative) needs no such wait.</li>
 * </ul>
 */
@ClockControlledTest
class LabelledTrafficStoryTest {

    static final int YEAR = 2038;
    static final LocalDate START = LocalDate.of(YEAR, 1, 1);
    static final long SEED = 20380101L;
    static final String REGION = "990100";
    static final String COUNTY = "990121";
    static final String OTHER_CITY = "H99020000001";
    static final String OTHER_CITY_REGION = "990200";
    static final String ALONE = "H99010038001";
    static final String INSUTYPE = "390";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KnowledgeBaseInForce knowledge;
    @Autowired
    InstitutionKeyService keys;

    /** The demo mapping of the generator's institutions (DOMAIN.md §2) with this test's own for what the demo lacks. */
    static LabelledAnomalies.Placement placement(String cityAlliance) {
        return new LabelledAnomalies.Placement(REGION, cityAlliance, "H99010000003", "H99010000002", "H99010000001", ALONE,
                OTHER_CITY, OTHER_CITY_REGION, 3,
                // Length of stay: in the county 990121, the positive example's group at level 2, the negative's at level 1.
                (positive, n) -> {
                    String prefix = "H99012138" + (positive ? "1" : "2") + n;
                    return new LabelledAnomalies.PeerGroup(COUNTY, positive ? 2 : 1, prefix + "0", prefix + "1", prefix + "2");
                },
                (positive, n) -> "H99010038" + (positive ? "2" : "3") + n + "0");
    }

    private final Map<String, FsiClient> clients = new HashMap<>();
    private final Map<String, String> psnOf = new HashMap<>();
    private final Map<String, String> mdtrtOf = new HashMap<>();
    private final Map<String, String> openStayOf = new HashMap<>();

    @Test
    void everyRuleFindsItsPlantedPositivesAndNothingElseInTrafficThroughTheInterface() {
        clock.setDay(START);
        String alliance = jdbc.sql("select alliance_code from institution where fixmedins_code = 'H99010000001' and valid_to is null")
                .query(String.class).single();
        LabelledAnomalies.World world = LabelledAnomalies.generate(SEED, 1, 20, START, placement(alliance));
        List<Encounter> all = world.visits().values().stream().flatMap(List::stream).toList();
        LocalDate last = all.stream().flatMap(e -> java.util.stream.Stream.concat(e.lines().stream().map(Line::serviceDate),
                java.util.stream.Stream.ofNullable(e.dischargeDate()))).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(last).as("the whole world fits in %s", YEAR).isBeforeOrEqualTo(LocalDate.of(YEAR, 12, 31));

        LaterYears.policy(users, REGION, YEAR);
        LaterYears.policy(users, OTHER_CITY_REGION, YEAR);
        institutions(all);
        persons(world);
        replay(world, all, last);

        clock.set(LocalDate.of(YEAR, 12, 31).atTime(22, 0));
        for (String region : List.of(REGION, OTHER_CITY_REGION)) {
            var run = users.admin().post("/api/admin/supervision/runs", Map.of("admdvs", region, "from", START.toString(),
                    "to", LocalDate.of(YEAR, 12, 31).toString()));
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.json().get("state").asString()).isEqualTo("FINISHED");
        }
        Map<String, String> encounterOf = new HashMap<>();
        mdtrtOf.forEach((encounter, mdtrt) -> encounterOf.put(mdtrt, encounter));
        List<LabelledAnomalies.Found> found = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        jdbc.sql("""
                        select rule_id, mdtrt_id, fixmedins_code, content from supervision_warning
                        where admdvs in (?, ?) and month >= ? and month < ? order by id""")
                .params(REGION, OTHER_CITY_REGION, START, START.plusYears(1))
                .query((rs, n) -> {
                    String mdtrt = rs.getString(2);
                    String subject = mdtrt == null ? rs.getString(3) : encounterOf.getOrDefault(mdtrt, mdtrt);
                    found.add(new LabelledAnomalies.Found(rs.getString(1), subject));
                    unexpected.add(rs.getString(1) + " " + subject + " " + rs.getString(4));
                    return null;
                }).list();

        SupervisionEngine engine = knowledge.engine();
        List<LabelledAnomalies.Score> platform = LabelledAnomalies.score(engine.rules(), world, found);
        List<LabelledAnomalies.Score> inMemory = LabelledAnomalies.evaluate(engine, world);
        System.out.println("Labelled traffic through the interface, " + YEAR + ": " + world.patients().size() + " persons, "
                + world.encounters() + " visits, " + world.lines() + " lines, " + world.plants().size() + " plants, "
                + found.size() + " warnings stored\nplatform (stored warnings after the run):\n" + LabelledAnomalies.table(platform)
                + "engine in memory, same world:\n" + LabelledAnomalies.table(inMemory));
        assertThat(platform).extracting(LabelledAnomalies.Score::ruleId)
                .containsExactlyElementsOf(engine.rules().stream().map(r -> r.id()).toList());
        for (LabelledAnomalies.Score s : platform) {
            assertThat(List.of(s.plantedPositives(), s.plantedNegatives())).as(s.ruleId() + " planted").containsExactly(1, 1);
            assertThat(s.truePositives()).as(s.ruleId() + " found positives; warnings: " + unexpected).isEqualTo(1);
            assertThat(s.falsePositives()).as(s.ruleId() + " false positives; warnings: " + unexpected).isZero();
            assertThat(s.foundNegatives()).as(s.ruleId() + " planted negatives found").isZero();
        }
        assertThat(found).as("one warning per planted positive: %s", unexpected)
                .hasSize((int) world.plants().stream().filter(LabelledAnomalies.Plant::positive).count());
        assertThat(platform).isEqualTo(inMemory);
    }

    // ---- the world's institutions and persons --------------------------------------------------

    /** Registers the institutions the demo lacks, gives every one a 2038 agreement and an interface key where it has none. */
    private void institutions(List<Encounter> all) {
        Map<String, Encounter> byInstitution = new TreeMap<>();
        all.forEach(e -> byInstitution.putIfAbsent(e.institutionCode(), e));
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext();
        for (Encounter e : byInstitution.values()) {
            String code = e.institutionCode();
            boolean demo = jdbc.sql("select count(*) from institution where fixmedins_code = ?").param(code).query(Long.class).single() > 0;
            if (!demo) {
                var created = users.clerk().post("/api/admin/institutions", new HashMap<>(Map.of("fixmedins_code", code,
                        "name", "标注样本医院" + code, "admdvs", e.regionCode(), "level", e.institutionLevel(), "kind", "HOSPITAL",
                        "address", "标注路" + code.substring(8) + "号", "validFrom", START.toString())));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
            }
            LaterYears.agreement(users, code, YEAR);
            if (demo) {
                clients.put(code, fsi.as(code));
            } else {
                auth.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        "labelled-traffic", null, org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
                try {
                    InstitutionKeyService.IssuedKey key = keys.issue(code);
                    clients.put(code, new FsiClient(fsi.as("H99010000003"), key.accessKey(), key.secret()).forInstitution(code));
                } finally {
                    auth.setAuthentication(null);
                }
            }
        }
    }

    /** Registers each person of the world as a resident of 990100 of the generator's sex and birth date. */
    private void persons(LabelledAnomalies.World world) {
        TestPersons persons = new TestPersons(users, jdbc);
        String run = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        int n = 0;
        for (Patient p : world.patients().values()) {
            Map<String, Object> body;
            do {
                body = persons.body("标注" + p.id(), p.birthDate(), INSUTYPE, "1501");
            } while (!CertificateNumbers.sex((String) body.get("certno")).equals(p.sex()));
            body.put("psn_no", "99010038" + run + String.format("%06d", ++n));
            psnOf.put(p.id(), persons.register(body).psnNo());
        }
    }

    // ---- the replay ----------------------------------------------------------------------------

    private void replay(LabelledAnomalies.World world, List<Encounter> all, LocalDate last) {
        List<Stay> stays = new ArrayList<>();
        Map<LocalDate, List<Encounter>> outpatients = new TreeMap<>();
        Map<String, LocalDate> filings = new HashMap<>();
        for (Encounter e : all) {
            if (e.inpatient()) {
                stays.add(new Stay(e));
            } else {
                outpatients.computeIfAbsent(e.admissionDate(), d -> new ArrayList<>()).add(e);
            }
        }
        stays.sort(Comparator.comparing((Stay s) -> s.e.admissionDate()).thenComparing(s -> s.e.id()));
        // A person treated in the other city files a temporary cross-region filing on the day of their first visit.
        for (List<Encounter> visits : world.visits().values()) {
            if (visits.stream().anyMatch(e -> e.institutionCode().equals(OTHER_CITY))) {
                filings.put(visits.get(0).patientId(), visits.stream().map(Encounter::admissionDate).min(Comparator.naturalOrder()).orElseThrow());
            }
        }
        for (LocalDate day = START; !day.isAfter(last); day = day.plusDays(1)) {
            clock.set(day.atTime(20, 0));
            for (Map.Entry<String, LocalDate> f : filings.entrySet()) {
                if (f.getValue().equals(day)) {
                    var filed = users.clerk().post("/api/admin/persons/" + psnOf.get(f.getKey()) + "/xr-filings",
                            Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", OTHER_CITY_REGION));
                    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
                }
            }
            boolean progress = true;
            while (progress) {
                progress = false;
                for (Stay s : stays) {
                    progress |= s.step(day);
                }
            }
            for (Encounter e : outpatients.getOrDefault(day, List.of())) {
                outpatient(e);
            }
        }
        assertThat(stays).allSatisfy(s -> assertThat(s.settled).as(s.e.id()).isTrue());
    }

    private static String at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).format(TIME);
    }

    /** One fee line as an HIS uploads it: its day, quantity, price, sum, days supplied and CT result. */
    private Map<String, Object> feeLine(String mdtrtId, String psnNo, Line l, String batch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feedetl_sn", l.id());
        m.put("mdtrt_id", mdtrtId);
        m.put("psn_no", psnNo);
        if (batch != null) {
            m.put("chrg_bchno", batch);
        }
        m.put("fee_ocur_time", at(l.serviceDate(), 9, 30));
        m.put("med_list_codg", l.itemCode());
        m.put("medins_list_codg", "H-" + l.itemCode());
        m.put("det_item_fee_sumamt", l.amount().toBigDecimal());
        m.put("cnt", l.quantity().toBigDecimal());
        m.put("pric", l.unitPrice().toBigDecimal());
        m.put("hosp_appr_flag", "1");
        if (l.daysSupplied() != null) {
            m.put("prd_days", l.daysSupplied());
        }
        if (l.examResult() != null) {
            m.put("memo", "exam_rslt=" + (l.examResult() ? "1" : "0"));
        }
        return m;
    }

    /** The settlement input from the upload results of the lines still charged (DOMAIN §4.4: the client's sums). */
    private static Map<String, Object> settlement(String mdtrtId, String psnNo, String medType, Map<String, JsonNode> results) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("psn_no", psnNo);
        data.put("mdtrt_cert_type", "02");
        data.put("mdtrt_cert_no", "ID");
        data.put("med_type", medType);
        data.put("medfee_sumamt", sum(results, "det_item_fee_sumamt"));
        data.put("psn_setlway", "01");
        data.put("mdtrt_id", mdtrtId);
        data.put("chrg_bchno", "0000");
        data.put("acct_used_flag", "0");
        data.put("insutype", INSUTYPE);
        data.put("invono", "INV" + System.nanoTime());
        data.put("fulamt_ownpay_amt", sum(results, "fulamt_ownpay_amt"));
        data.put("overlmt_selfpay", sum(results, "overlmt_amt"));
        data.put("preselfpay_amt", sum(results, "preselfpay_amt"));
        data.put("inscp_scp_amt", sum(results, "inscp_scp_amt"));
        return data;
    }

    private static BigDecimal sum(Map<String, JsonNode> results, String field) {
        BigDecimal s = BigDecimal.ZERO;
        for (JsonNode n : results.values()) {
            s = s.add(n.get(field).decimalValue());
        }
        return s;
    }

    private static void keep(Map<String, JsonNode> results, FsiClient.Reply reply) {
        for (JsonNode n : reply.output().get("result")) {
            results.put(n.get("feedetl_sn").asString(), n);
        }
    }

    /** 2201 → 2204 (a refund as a 2205 cancel of the refunded line's batch) → 2207, all on the visit's day. */
    private void outpatient(Encounter e) {
        FsiClient his = clients.get(e.institutionCode());
        String psnNo = psnOf.get(e.patientId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("psn_no", psnNo);
        data.put("insutype", INSUTYPE);
        data.put("begntime", at(e.admissionDate(), 8, 30));
        data.put("mdtrt_cert_type", "02");
        data.put("mdtrt_cert_no", "ID");
        data.put("ipt_otp_no", "OP" + e.id());
        data.put("atddr_no", "D001");
        data.put("dr_name", "李医生");
        data.put("dept_code", "A03");
        data.put("dept_name", "内科");
        data.put("caty", "A03");
        String mdtrtId = his.call("2201", Map.of("data", data)).ok().output().get("data").get("mdtrt_id").asString();
        mdtrtOf.put(e.id(), mdtrtId);
        Map<String, JsonNode> results = new LinkedHashMap<>();
        Map<String, String> batchOf = new HashMap<>();
        int batch = 0;
        for (Line l : e.lines()) {
            if (l.quantity().isNegative()) {
                String refunded = null;
                for (Line earlier : e.lines()) {
                    if (earlier == l) {
                        break;
                    }
                    if (earlier.itemCode().equals(l.itemCode()) && results.containsKey(earlier.id())) {
                        refunded = earlier.id();
                    }
                }
                assertThat(refunded).as("the line %s refunds", l.id()).isNotNull();
                String b = batchOf.get(refunded);
                his.call("2205", Map.of("data", Map.of("mdtrt_id", mdtrtId, "chrg_bchno", b, "psn_no", psnNo))).ok();
                batchOf.forEach((sn, of) -> {
                    if (of.equals(b)) {
                        results.remove(sn);
                    }
                });
                continue;
            }
            String b = "B" + (++batch);
            batchOf.put(l.id(), b);
            keep(results, his.call("2204", Map.of("feedetail", List.of(feeLine(mdtrtId, psnNo, l, b)))).ok());
        }
        his.call("2207", Map.of("data", settlement(mdtrtId, psnNo, "11", results))).ok();
    }

    /** A stay as the HIS drives it, one day at a time. */
    private final class Stay {
        final Encounter e;
        final String psnNo;
        final FsiClient his;
        final LocalDate lastLine;
        final Map<String, JsonNode> results = new LinkedHashMap<>();
        final TreeSet<String> uploaded = new TreeSet<>();
        String mdtrtId;
        boolean discharged;
        boolean settled;

        Stay(Encounter e) {
            this.e = e;
            this.psnNo = psnOf.get(e.patientId());
            this.his = clients.get(e.institutionCode());
            this.lastLine = e.lines().stream().map(Line::serviceDate).max(Comparator.naturalOrder()).orElse(e.admissionDate());
        }

        /**
         * Does what the HIS does for this stay on {@code day}: admits (unless the person is in another stay still
         * unsettled), uploads the lines of the day (and of earlier days when admitted late), discharges on the discharge
         * day and settles once the last line is uploaded. True when it admitted or settled (another stay may move on).
         */
        boolean step(LocalDate day) {
            if (settled || e.admissionDate().isAfter(day)) {
                return false;
            }
            boolean moved = false;
            if (mdtrtId == null) {
                if (openStayOf.containsKey(psnNo)) {
                    return false;
                }
                admit();
                openStayOf.put(psnNo, mdtrtId);
                moved = true;
            }
            List<Map<String, Object>> due = new ArrayList<>();
            for (Line l : e.lines()) {
                if (!l.serviceDate().isAfter(day) && uploaded.add(l.id())) {
                    due.add(feeLine(mdtrtId, psnNo, l, null));
                }
            }
            if (!due.isEmpty()) {
                keep(results, his.call("2301", Map.of("feedetail", due)).ok());
            }
            if (!discharged && !e.dischargeDate().isAfter(day)) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("mdtrt_id", mdtrtId);
                info.put("psn_no", psnNo);
                info.put("insutype", INSUTYPE);
                info.put("endtime", at(e.dischargeDate(), 11, 0));
                info.put("dscg_way", "1");
                his.call("2402", Map.of("dscginfo", info)).ok();
                discharged = true;
            }
            if (discharged && !lastLine.isAfter(day)) {
                Map<String, Object> data = settlement(mdtrtId, psnNo, "21", results);
                data.put("mid_setl_flag", "0");
                his.call("2304", Map.of("data", data)).ok();
                settled = true;
                openStayOf.remove(psnNo);
                moved = true;
            }
            return moved;
        }

        private void admit() {
            String main = e.diagnoses().get(0);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("psn_no", psnNo);
            info.put("insutype", INSUTYPE);
            info.put("begntime", at(e.admissionDate(), 8, 0));
            info.put("mdtrt_cert_type", "02");
            info.put("mdtrt_cert_no", "ID");
            info.put("med_type", "21");
            info.put("ipt_no", "IP" + e.id());
            info.put("atddr_no", "D002");
            info.put("chfpdr_name", "王医生");
            info.put("adm_dept_codg", "A04");
            info.put("adm_dept_name", "内科");
            info.put("dise_codg", main);
            info.put("dise_name", "");
            List<Map<String, Object>> diseinfo = new ArrayList<>();
            int seq = 0;
            for (String d : e.diagnoses()) {
                diseinfo.add(Map.of("diag_type", "1", "maindiag_flag", seq == 0 ? "1" : "0", "diag_srt_no", ++seq, "diag_code", d,
                        "diag_name", "诊断"));
            }
            mdtrtId = his.call("2401", Map.of("mdtrtinfo", info, "diseinfo", diseinfo)).ok().output().get("result").get("mdtrt_id").asString();
            mdtrtOf.put(e.id(), mdtrtId);
        }
    }
}
