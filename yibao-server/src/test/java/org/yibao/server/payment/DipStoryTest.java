package org.yibao.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.security.StaffRole;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.LaterYears;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestAgreements;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-PAY-3 through a year at two hospitals of 邻江市 (990200, paid by DIP; 2033, used by no other clock test):
 * the budget set by an administrator, stays settled and their case records uploaded through the national
 * interface, the catalogue built from them (comprehensive groups, scores), refused before the year ends,
 * run on 2034-01-05: the point value and every case to the fen (both deviation bands, both levels, a case
 * with a blocking QC finding paid by items), the adjustment posted once and in balance and cleared with
 * December's statement as kind DIP; roles, bad input, the console and the institution portal.
 */
@ClockControlledTest
class DipStoryTest {

    static final String REGION = DemoCast.LINJIANG_CITY;
    static final String BASE = "/api/admin/dip/" + REGION + "/2033";
    static final String L3 = DemoCast.LINJIANG_HOSPITAL;
    static final String BED = "001103000010000";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private int patients;

    /** A settled stay: its visit and what the settlement said. */
    record Stay(String mdtrtId, String fixmedinsCode, BigDecimal medfee, BigDecimal hifp) {}

    /** 2033 has no shipped policy: the administrator loads 990200's 2030 terms as 2033's through the policy API. */
    private void policyOf2033() {
        LaterYears.policy(users, REGION, 2033);
    }

    /** Another hospital of 990200, made level 2 from 2033 through the institution API (the demo draws levels at random). */
    private String levelTwoHospital() {
        String code = jdbc.sql("""
                select fixmedins_code from institution where admdvs = ? and kind = 'HOSPITAL' and fixmedins_code <> ? and valid_to is null
                order by fixmedins_code limit 1""").params(REGION, L3).query(String.class).single();
        JsonNode now = users.readOnly().get("/api/admin/institutions/" + code + "?asOf=2033-01-01").json();
        if (now.path("level").asInt() == 2) {
            return code;
        }
        Map<String, Object> body = new HashMap<>(Map.of("fixmedins_code", code, "name", now.get("name").asString(), "admdvs", REGION,
                "level", 2, "kind", "HOSPITAL", "address", now.hasNonNull("address") ? now.get("address").asString() : "邻江市", "effectiveFrom", "2033-01-01"));
        for (String flag : List.of("designated", "xr_inpatient", "xr_outpatient", "xr_chronic")) {
            body.put(flag, now.path(flag).asBoolean(flag.equals("designated")));
        }
        if (now.hasNonNull("alliance_code")) {
            body.put("alliance_code", now.get("alliance_code").asString());
        }
        var put = users.admin().put("/api/admin/institutions/" + code, body);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return code;
    }

    private TestPersons.Registered patient(String name) {
        TestPersons persons = new TestPersons(users, jdbc);
        Map<String, Object> body = persons.body(name, LocalDate.of(1970, 5, 6), "390", "1501");
        body.put("insuplc_admdvs", REGION);
        body.put("residence_admdvs", REGION);
        return persons.register(body);
    }

    /**
     * Admits, bills {@code bedDays} × 50.00 of bed fees, discharges, settles by 2304 and uploads the 4101 case
     * record; {@code withBirthDate = false} leaves out setlinfo.brdy (a blocking QC finding, QC-REQ-1).
     */
    private Stay stay(LocalDate day, String institution, String diagnosis, String procedure, int bedDays, boolean withBirthDate) {
        clock.setDay(day);
        TestPersons.Registered p = patient("邻江住院" + "甲乙丙丁戊己庚辛".charAt(++patients));
        FsiClient his = fsi.as(institution).insuredIn(REGION);
        Visit v = new Visit(his, p.psnNo(), "390");
        v.admit("21", diagnosis).ok();
        v.line(BED, String.valueOf(bedDays), "50.00").upload("2301").ok();
        v.discharge().ok();
        JsonNode s = v.settle("2304", "21", false).ok().output().get("setlinfo");
        LocalDateTime[] times = jdbc.sql("select begntime, endtime from visit where mdtrt_id = ?").param(v.mdtrtId)
                .query((rs, n) -> new LocalDateTime[] {rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2).toLocalDateTime()}).single();
        Map<String, Object> setlinfo = new LinkedHashMap<>();
        setlinfo.put("mdtrt_id", v.mdtrtId);
        setlinfo.put("setl_id", s.get("setl_id").asString());
        setlinfo.put("psn_no", p.psnNo());
        setlinfo.put("gend", jdbc.sql("select gend from person where psn_no = ? and valid_to is null").param(p.psnNo()).query(String.class).single());
        if (withBirthDate) {
            setlinfo.put("brdy", "1970-05-06");
        }
        setlinfo.put("adm_time", times[0].format(TIME));
        setlinfo.put("dscg_time", times[1].format(TIME));
        setlinfo.put("act_ipt_days", ChronoUnit.DAYS.between(times[0].toLocalDate(), times[1].toLocalDate()));
        setlinfo.put("dscg_way", "1");
        List<Map<String, Object>> oprn = procedure == null ? List.of() : List.of(Map.of("oprn_oprt_type", "1", "oprn_oprt_code", procedure,
                "oprn_oprt_name", "阑尾切除术", "oprn_oprt_begntime", times[0].plusDays(1).format(TIME),
                "oprn_oprt_endtime", times[0].plusDays(1).plusHours(1).format(TIME)));
        his.call("4101", Map.of("setlinfo", setlinfo, "diseinfo", List.of(Map.of("diag_type", "1", "diag_code", diagnosis,
                "diag_name", "诊断", "maindiag_flag", "1")), "oprninfo", oprn)).ok();
        BigDecimal medfee = s.get("medfee_sumamt").decimalValue();
        assertThat(medfee).isEqualByComparingTo(BigDecimal.valueOf(bedDays * 50L));
        return new Stay(v.mdtrtId, institution, medfee, s.get("hifp_pay").decimalValue());
    }

    private JsonNode overview() {
        var r = users.readOnly().get(BASE);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Clerks, auditors and read-only staff are refused (403), and so is a caller without credentials. */
    private void refusedBelowAdmin(String method, String path, Map<String, Object> body) {
        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly())) {
            var r = method.equals("PUT") ? who.put(path, body) : who.post(path, body);
            assertThat(r.status()).as(method + " " + path).isEqualTo(403);
        }
        // Without credentials: 401, or 403 when the CSRF check (no Basic header, no session) answers first.
        assertThat((method.equals("PUT") ? users.anonymous().put(path, body) : users.anonymous().post(path, body)).status()).isIn(401, 403);
    }

    /** An administrator runs the year from the console page in a real browser; the page comes back with the point value and the chart. */
    private void runInTheConsole() {
        users.client("dipadmin1", StaffRole.ADMIN);
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 1400)) {
            WebDriver browser = chromium.driver();
            String base = "http://localhost:" + users.port();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            chromium.signInToConsole(base, "dipadmin1", TestUsers.PASSWORD);
            browser.get(base + "/dip?region=" + REGION + "&year=2033");
            assertThat(browser.findElements(By.id("dip-point-value"))).isEmpty();
            assertThat(browser.findElement(By.id("dip-groups")).getText()).contains("K35/SURGICAL", "1315.7895", "综合病种");
            browser.findElement(By.id("dip-run-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dip-point-value")));
            assertThat(browser.findElement(By.id("dip-point-value")).getText()).isEqualTo("1.269502");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-dip canvas")));
            assertThat(browser.findElements(By.id("dip-run-form"))).isEmpty();
            chromium.screenshot("dip-2033");
            browser.findElement(By.cssSelector("#dip-inst-" + L3 + " a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dip-cases")));
            assertThat(browser.findElement(By.id("dip-cases")).getText()).contains("低倍率", "高倍率", "0.3333");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long dipPostings() {
        return jdbc.sql("select count(*) from ledger_posting where source_type = 'DIP'").query(Long.class).single();
    }

    private static JsonNode caseOf(JsonNode institutionYear, String mdtrtId) {
        for (JsonNode c : institutionYear.get("cases")) {
            if (c.get("mdtrt_id").asString().equals(mdtrtId)) {
                return c;
            }
        }
        throw new AssertionError("no case " + mdtrtId + " in " + institutionYear);
    }

    /** R-PAY-2's rule, as the fund pays it: payment − medfee + hifp, at least 0; the adjustment is that less hifp. */
    private static BigDecimal expectedAdjustment(Stay s, String payment) {
        BigDecimal fund = new BigDecimal(payment).subtract(s.medfee()).add(s.hifp()).max(BigDecimal.ZERO);
        return fund.subtract(s.hifp());
    }

    private static void assertCase(JsonNode c, Stay s, String group, String band, String factor, String coefficient, String points,
                                   String payment) {
        assertThat(c.get("paid_by").asString()).isEqualTo("DIP");
        assertThat(c.get("group_code").asString()).isEqualTo(group);
        assertThat(c.get("band").asString()).isEqualTo(band);
        assertThat(c.get("factor").decimalValue()).isEqualByComparingTo(factor);
        assertThat(c.get("coefficient").decimalValue()).isEqualByComparingTo(coefficient);
        assertThat(c.get("points").decimalValue()).isEqualByComparingTo(points);
        assertThat(c.get("payment").decimalValue()).isEqualByComparingTo(payment);
        assertThat(c.get("adjustment").decimalValue()).isEqualByComparingTo(expectedAdjustment(s, payment));
        assertThat(c.get("fund_payment").decimalValue()).isEqualByComparingTo(expectedAdjustment(s, payment).add(s.hifp()));
    }

    @Test
    void aDipYearFromTheBudgetToTheClearing() {
        clock.setDay(LocalDate.of(2033, 1, 2));
        policyOf2033();
        String l2 = levelTwoHospital();
        TestAgreements.activeIn(users, L3, 2033);
        TestAgreements.activeIn(users, l2, 2033);

        // The budget: administrators only; bad input is named and changes nothing.
        Map<String, Object> budget = Map.of("amount", "5000.00");
        refusedBelowAdmin("PUT", BASE + "/budget", budget);
        var negative = users.admin().put(BASE + "/budget", Map.of("amount", "-5"));
        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
        assertThat(negative.body()).contains("amount", "positive");
        var badYear = users.admin().put("/api/admin/dip/" + REGION + "/20x3/budget", budget);
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.body()).contains("year", "20x3");
        var outOfRange = users.admin().put("/api/admin/dip/" + REGION + "/1999/budget", budget);
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("year", "1999");
        var drgRegion = users.admin().put("/api/admin/dip/990100/2033/budget", budget);
        assertThat(drgRegion.status()).isEqualTo(400);
        assertThat(drgRegion.body()).contains("dip_region", "DRG");
        assertThat(overview().hasNonNull("budget")).as("nothing set by the refused requests").isFalse();
        // A year nobody prepared: refused with what to do first; no run, no posting.
        var unprepared = users.admin().post("/api/admin/dip/" + REGION + "/2032/run", Map.of());
        assertThat(unprepared.status()).as(unprepared.body()).isEqualTo(409);
        assertThat(unprepared.body()).contains("no_budget", "set the 2032 DIP budget");
        assertThat(users.readOnly().get("/api/admin/dip/" + REGION + "/2032/institutions/" + L3).status()).isEqualTo(404);
        assertThat(users.readOnly().get("/api/admin/dip/" + REGION + "/2032/catalogue").status()).isEqualTo(404);
        var set = users.admin().put(BASE + "/budget", budget);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("budget").get("amount").decimalValue()).isEqualByComparingTo("5000.00");

        // A year of stays: appendicitis with its operation (comprehensive group K35/SURGICAL) and pneumonia without one (J18/NONE).
        Stay a1 = stay(LocalDate.of(2033, 3, 1), L3, "K35.800", "47.0100", 10, true);    //  500.00
        Stay a2 = stay(LocalDate.of(2033, 3, 8), l2, "K35.800", "47.0100", 20, true);    // 1000.00
        Stay a3 = stay(LocalDate.of(2033, 4, 1), L3, "K35.800", "47.0100", 60, true);    // 3000.00
        Stay p1 = stay(LocalDate.of(2033, 5, 2), L3, "J18.900", null, 8, true);          //  400.00
        Stay p2 = stay(LocalDate.of(2033, 6, 1), l2, "J18.900", null, 16, true);         //  800.00
        Stay q1 = stay(LocalDate.of(2033, 7, 1), l2, "K35.800", "47.0100", 30, false);   // 1500.00, no birth date

        // The catalogue, built from this year's own cases (history_to 2033): administrators only.
        clock.setDay(LocalDate.of(2033, 12, 20));
        refusedBelowAdmin("POST", BASE + "/catalogue", Map.of("history_to", 2033));
        var future = users.admin().post(BASE + "/catalogue", Map.of("history_to", 2034));
        assertThat(future.status()).as(future.body()).isEqualTo(400);
        assertThat(future.body()).contains("history_to");
        var built = users.admin().post(BASE + "/catalogue", Map.of("history_to", 2033));
        assertThat(built.status()).as(built.body()).isEqualTo(200);
        JsonNode cat = built.json();
        assertThat(cat.get("history_from").asInt()).isEqualTo(2031);
        assertThat(cat.get("cases").asLong()).isEqualTo(5);
        assertThat(cat.get("excluded_cases").asLong()).isEqualTo(1);
        // All cases: (500 + 1000 + 3000 + 400 + 800) ÷ 5; K35/SURGICAL (500 + 1000 + 3000) ÷ 3; J18/NONE (400 + 800) ÷ 2.
        assertThat(cat.get("mean_cost").decimalValue()).isEqualByComparingTo("1140.00");
        assertThat(cat.get("groups")).hasSize(2);
        Map<String, JsonNode> groups = new HashMap<>();
        cat.get("groups").forEach(g -> groups.put(g.get("code").asString(), g));
        assertThat(groups.get("K35/SURGICAL").get("kind").asString()).isEqualTo("COMPREHENSIVE");
        assertThat(groups.get("K35/SURGICAL").get("cases").asLong()).isEqualTo(3);
        assertThat(groups.get("K35/SURGICAL").get("mean_cost").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(groups.get("K35/SURGICAL").get("score").decimalValue()).isEqualByComparingTo("1315.7895");
        assertThat(groups.get("J18/NONE").get("mean_cost").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(groups.get("J18/NONE").get("score").decimalValue()).isEqualByComparingTo("526.3158");

        assertThat(users.readOnly().get(BASE + "/progress").json().get("state").asString()).isEqualTo("IDLE");
        // Not before the year is over: the point value needs the whole year.
        assertThat(users.admin().post(BASE + "/run", Map.of()).body()).contains("not_over");
        clock.setDay(LocalDate.of(2034, 1, 5));
        long before = dipPostings();
        refusedBelowAdmin("POST", BASE + "/run", Map.of());
        assertThat(dipPostings()).as("a refused run posts nothing").isEqualTo(before);
        runInTheConsole();
        var ran = users.admin().post(BASE + "/run", Map.of());
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        JsonNode run = ran.json().get("run");
        // Points: A1 1315.7895 × 1.00 × 0.3333, A2 × 0.90, A3 × 1.00 × 1.0000, P1 526.3158, P2 × 0.90.
        assertThat(run.get("total_points").decimalValue()).isEqualByComparingTo("3938.5527");
        // 5000.00 ÷ 3938.5527, half-up to 6 decimals.
        assertThat(run.get("point_value").decimalValue()).isEqualByComparingTo("1.269502");
        assertThat(run.get("cases").asLong()).isEqualTo(6);
        assertThat(run.get("dip_cases").asLong()).isEqualTo(5);
        assertThat(run.get("item_cases").asLong()).isEqualTo(1);
        JsonNode progress = users.readOnly().get(BASE + "/progress").json();
        assertThat(progress.get("state").asString()).isEqualTo("DONE");
        assertThat(progress.get("done").asLong()).isEqualTo(6);
        assertThat(progress.get("total").asLong()).isEqualTo(6);

        JsonNode top = users.readOnly().get(BASE + "/institutions/" + L3).json();
        // 500 ≤ 0.5 × 1500: low, factor = the ratio 0.3333; 3000 = 2 × 1500: high, factor = 2.0000 − 1.
        assertCase(caseOf(top, a1.mdtrtId()), a1, "K35/SURGICAL", "LOW", "0.3333", "1.00", "438.5526", "556.74");
        assertCase(caseOf(top, a3.mdtrtId()), a3, "K35/SURGICAL", "HIGH", "1.0000", "1.00", "1315.7895", "1670.40");
        assertCase(caseOf(top, p1.mdtrtId()), p1, "J18/NONE", "NORMAL", "1", "1.00", "526.3158", "668.16");
        JsonNode second = users.readOnly().get(BASE + "/institutions/" + l2).json();
        assertCase(caseOf(second, a2.mdtrtId()), a2, "K35/SURGICAL", "NORMAL", "1", "0.90", "1184.2106", "1503.36");
        assertCase(caseOf(second, p2.mdtrtId()), p2, "J18/NONE", "NORMAL", "1", "0.90", "473.6842", "601.34");
        JsonNode byItems = caseOf(second, q1.mdtrtId());
        assertThat(byItems.get("paid_by").asString()).isEqualTo("ITEMS");
        assertThat(byItems.get("reason").asString()).contains("QC-REQ-1");
        assertThat(byItems.get("adjustment").decimalValue()).isEqualByComparingTo("0");
        assertThat(byItems.get("fund_payment").decimalValue()).isEqualByComparingTo(q1.hifp());

        // Per institution: the adjustment is the sum of its cases', posted once in 990200's ledger, in balance.
        BigDecimal topAdjustment = expectedAdjustment(a1, "556.74").add(expectedAdjustment(a3, "1670.40")).add(expectedAdjustment(p1, "668.16"));
        BigDecimal secondAdjustment = expectedAdjustment(a2, "1503.36").add(expectedAdjustment(p2, "601.34"));
        assertThat(top.get("result").get("adjustment").decimalValue()).isEqualByComparingTo(topAdjustment);
        assertThat(second.get("result").get("adjustment").decimalValue()).isEqualByComparingTo(secondAdjustment);
        assertThat(second.get("result").get("payment").decimalValue()).isEqualByComparingTo("2104.70");
        assertThat(dipPostings()).isEqualTo(before + 2);
        long posting = top.get("result").get("ledger_posting_id").asLong();
        assertThat(jdbc.sql("select admdvs from ledger_posting where id = ?").param(posting).query(String.class).single()).isEqualTo(REGION);
        assertThat(jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(posting).query(BigDecimal.class).single())
                .isEqualByComparingTo("0");
        assertThat(jdbc.sql("select amount from ledger_entry where posting_id = ? and account = 'INSTITUTION_RECEIVABLE' and sub_account = ?")
                .params(posting, L3).query(BigDecimal.class).single()).isEqualByComparingTo(topAdjustment.negate());
        assertThat(jdbc.sql("select amount from ledger_entry where posting_id = ? and account = 'BASIC_POOL' and sub_account = '390'")
                .param(posting).query(BigDecimal.class).single()).isEqualByComparingTo(topAdjustment);

        // The API's run after the console's changed nothing: the run is the console's; the budget and catalogue of a run year stay.
        assertThat(run.get("run_by").asString()).isEqualTo("dipadmin1");
        assertThat(dipPostings()).isEqualTo(before + 2);
        assertThat(users.admin().put(BASE + "/budget", Map.of("amount", "9000.00")).status()).isEqualTo(409);
        assertThat(users.admin().post(BASE + "/catalogue", Map.of("history_to", 2033)).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type in ('dip_budget', 'dip_catalogue', 'dip_run') and entity_key = ?")
                .param(REGION + "/2033").query(Long.class).single()).isEqualTo(3);

        // The monthly clearing picks the adjustment up once, as kind DIP, with December's statement.
        JsonNode preview = users.readOnly().get("/api/admin/clearing/2033-12/" + L3).json();
        JsonNode dipAdjustment = null;
        for (JsonNode a : preview.get("adjustments")) {
            if (a.get("kind").asString().equals("DIP")) {
                dipAdjustment = a;
            }
        }
        assertThat(dipAdjustment).as(preview.toString()).isNotNull();
        assertThat(dipAdjustment.get("source_id").asString()).isEqualTo(L3 + "/2033");
        assertThat(dipAdjustment.get("amount").decimalValue()).isEqualByComparingTo(topAdjustment);
        var issued = users.admin().post("/api/admin/clearing/2033-12/issue", Map.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        JsonNode statement = users.readOnly().get("/api/admin/clearing/2033-12/" + L3).json();
        assertThat(statement.get("issued").asBoolean()).isTrue();
        assertThat(statement.get("payable").decimalValue()).isEqualByComparingTo(statement.get("settlements_payable").decimalValue().add(topAdjustment));
        long clearing = statement.get("postings").get(REGION).asLong();
        assertThat(jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(clearing).query(BigDecimal.class).single())
                .isEqualByComparingTo("0");
        assertThat(users.readOnly().get("/api/admin/clearing/2034-01/" + L3).body()).doesNotContain("\"DIP\"");

        // The console: every staff role reads the page; only administrators see the forms.
        var page = users.readOnly().get("/dip?region=" + REGION + "&year=2033");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("按病种分值付费", "1.269502", "K35/SURGICAL", "1315.7895", "chart-dip", "dip-inst-" + L3)
                .doesNotContain("dip-budget-form", "dip-run-form", "dip-catalogue-form");
        assertThat(users.readOnly().get("/dip?region=" + REGION + "&year=2033&lang=en").body()).contains("Point value", "comprehensive");
        var drill = users.readOnly().get("/dip/" + REGION + "/2033/institutions/" + L3);
        assertThat(drill.status()).isEqualTo(200);
        assertThat(drill.body()).contains(a1.mdtrtId(), "0.3333", "低倍率", "556.74");
        assertThat(users.readOnly().post("/dip/" + REGION + "/2033/run", Map.of()).status()).isEqualTo(403);
        assertThat(users.admin().get("/dip?region=" + REGION + "&year=2034").body()).contains("dip-budget-form", "dip-not-over")
                .doesNotContain("dip-run-form");

        // The institution portal: the level-2 hospital sees its own cases, not the other hospital's.
        InstitutionPortalLogins.Login login = InstitutionPortalLogins.create(users, l2, "dip-" + l2.toLowerCase(), "INST_STAFF");
        PortalSession session = InstitutionPortalLogins.signedIn(users.port(), login);
        PortalSession.Page own = session.get("/inst-portal/dip");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains(a2.mdtrtId(), q1.mdtrtId(), "1.269502").doesNotContain(a1.mdtrtId(), p1.mdtrtId());
        assertThat(session.get("/inst-portal/dip?year=2033&fixmedins_code=" + L3).body()).doesNotContain(a1.mdtrtId());
        assertThat(session.get(BASE + "/institutions/" + L3).status()).isNotEqualTo(200);
    }
}
