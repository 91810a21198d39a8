package org.yibao.server.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.platform.security.StaffRole;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.TestAgreements;
import org.yibao.server.support.LaterYears;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-XR-4 in 2034 (used by no other clock test), 示范市 (990100) persons filed long-term in 远山 (980100)
 * and treated at 远山市人民医院 through the national interface: January–March size the prepaid fund;
 * April's settlements (one reversed in April, one reversed in May) and May's make two statements whose
 * totals are the settlements', issued once after the month, confirmed by both sides (the second of May's
 * in a real browser), each settled against the prepaid fund by exactly its amount, with the top-up alert
 * below 70% and both regions' ledgers in balance. Bad input and lower roles change nothing.
 */
@ClockControlledTest
class CrossRegionClearingStoryTest {

    static final String INSURED = "990100";
    static final String TREATMENT = "980100";
    static final String HOSPITAL = DemoCast.YUANSHAN_HOSPITAL;
    static final String CONSULTATION = "001101000010000";
    static final String API = "/api/admin/xr-clearing";
    static final String TOP_UP = API + "/prepaid-funds/" + INSURED + "/" + TREATMENT + "/top-up";
    static final String[] ACCOUNTS = {
        INSURED + "/XR_PAYABLE/" + TREATMENT, INSURED + "/XR_PREPAID/" + TREATMENT, INSURED + "/XR_REMITTANCE/" + TREATMENT,
        TREATMENT + "/XR_RECEIVABLE/" + INSURED, TREATMENT + "/XR_PREPAID_HELD/" + INSURED, TREATMENT + "/XR_REMITTANCE/" + INSURED};

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    YibaoProperties properties;

    /**
     * 2034 has no shipped policy or agreement: the administrator loads 990100's 2030 terms as 2034's and
     * 远山市人民医院 signs a 2034 agreement (once per context: either test may run first).
     */
    private void prepare2034() {
        LaterYears.policy(users, INSURED, 2034);
        TestAgreements.inForce(users, HOSPITAL, LocalDate.of(2034, 6, 1));
    }

    private TestPersons.Registered filed(TestPersons.Registered p) {
        var filed = users.clerk().post("/api/admin/persons/" + p.psnNo() + "/xr-filings",
                Map.of("category", "LONG_TERM_RESIDENT", "mdtrtarea_admdvs", TREATMENT));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return p;
    }

    private JsonNode outpatient(TestPersons.Registered p, String insutype, boolean acct) {
        Visit v = new Visit(fsi.as(HOSPITAL), p.psnNo(), insutype);
        v.register().ok();
        v.line(CONSULTATION, "10", "25.00").upload("2204").ok();
        return v.settle("2207", "11", acct).ok().output().get("setlinfo");
    }

    private void reverse(JsonNode s, TestPersons.Registered p) {
        assertThat(fsi.as(HOSPITAL).call("2208", Map.of("data", Map.of("setl_id", s.get("setl_id").asString(), "mdtrt_id",
                s.get("mdtrt_id").asString(), "psn_no", p.psnNo()))).infcode()).isZero();
    }

    /** What the insured region pays for a settlement: its funds and the personal account. */
    private static BigDecimal payments(JsonNode s) {
        return s.get("fund_pay_sumamt").decimalValue().add(s.get("acct_pay").decimalValue());
    }

    private static BigDecimal sum(JsonNode... settlements) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode s : settlements) {
            total = total.add(payments(s));
        }
        return total;
    }

    private static BigDecimal medfee(JsonNode... settlements) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode s : settlements) {
            total = total.add(s.get("medfee_sumamt").decimalValue());
        }
        return total;
    }

    /** The cross-region accounts of the pair in both ledgers ("region/account/sub-account" → balance). */
    private Map<String, BigDecimal> ledger() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String key : ACCOUNTS) {
            String[] k = key.split("/");
            out.put(key, jdbc.sql("""
                            select coalesce(sum(e.amount), 0) from ledger_entry e join ledger_posting p on p.id = e.posting_id
                            where p.admdvs = ? and e.account = ? and e.sub_account = ?""")
                    .params(k[0], k[1], k[2]).query(BigDecimal.class).single());
        }
        return out;
    }

    private BigDecimal moved(Map<String, BigDecimal> from, String account) {
        return ledger().get(account).subtract(from.get(account));
    }

    private JsonNode fund() {
        for (JsonNode f : users.readOnly().get(API + "/prepaid-funds").json()) {
            if (f.get("insured_admdvs").asString().equals(INSURED) && f.get("treatment_admdvs").asString().equals(TREATMENT)) {
                return f;
            }
        }
        throw new AssertionError("no prepaid fund row for " + INSURED + "/" + TREATMENT);
    }

    private JsonNode statement(String month) {
        var r = users.readOnly().get(API + "/" + month + "/" + INSURED + "/" + TREATMENT);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode line(JsonNode statement, String kind) {
        for (JsonNode l : statement.get("lines")) {
            if (l.get("kind").asString().equals(kind)) {
                return l;
            }
        }
        return null;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Rows of every R-XR-4 table, its ledger postings and audit entries: what bad input and refused roles must leave alone. */
    private List<Long> state() {
        return List.of(count("select count(*) from xr_prepaid_fund"), count("select count(*) from xr_prepaid_topup"),
                count("select count(*) from xr_topup_request"), count("select count(*) from xr_clearing_statement"),
                count("select count(*) from xr_clearing_statement where insured_confirmed_at is not null or treatment_confirmed_at is not null"),
                // (only R-XR-4's own postings: the demo history may still be loading its settlements in the background)
                count("select count(*) from ledger_posting where source_type in ('XR_PREPAID', 'XR_CLEARING')"),
                count("select count(*) from audit_log where entity_type in ('xr_prepaid_fund', 'xr_clearing_statement')"));
    }

    @Test
    void aMonthOfCrossRegionCareIsClearedAgainstThePrepaidFundAndBothLedgersBalance() throws IOException {
        clock.setDay(LocalDate.of(2034, 1, 5));
        prepare2034();
        TestPersons persons = new TestPersons(users, jdbc);
        TestPersons.Registered resident = filed(persons.resident("异地清算居民", LocalDate.of(1961, 3, 3)));
        TestPersons.Registered employee = filed(persons.employee("异地清算职工", LocalDate.of(1975, 4, 4), "3000.00"));
        Map<String, BigDecimal> start = ledger();

        // January–March: the payments the fund is sized from.
        BigDecimal basis = BigDecimal.ZERO;
        for (int month = 1; month <= 3; month++) {
            clock.setDay(LocalDate.of(2034, month, 10));
            basis = basis.add(payments(outpatient(resident, "390", false)));
        }
        assertThat(basis.signum()).isPositive();
        // Every settlement posted in both ledgers: 980100's receivable is 990100's payable.
        assertThat(moved(start, TREATMENT + "/XR_RECEIVABLE/" + INSURED)).isEqualByComparingTo(basis);
        assertThat(moved(start, INSURED + "/XR_PAYABLE/" + TREATMENT)).isEqualByComparingTo(basis.negate());

        // 1 April: sized at 2 × the monthly average of January–March, rounded up to 1,000 yuan, and paid in.
        clock.setDay(LocalDate.of(2034, 4, 1));
        BigDecimal size = basis.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(3000), 0, RoundingMode.CEILING)
                .multiply(BigDecimal.valueOf(1000));
        List<Long> untouched = state();
        assertThat(users.clerk().post(TOP_UP, Map.of()).status()).isEqualTo(403);
        assertThat(state()).isEqualTo(untouched);
        BigDecimal balanceBefore = fund().get("balance").decimalValue();
        assertThat(users.readOnly().get("/analytics?region=" + INSURED + "&year=2034").body()).contains("id=\"analytics-xr-alerts\"")
                .doesNotContain("id=\"analytics-xr-" + INSURED + "-" + TREATMENT + "\"");
        var topUp = users.admin().post(TOP_UP, Map.of());
        assertThat(topUp.status()).as(topUp.body()).isEqualTo(200);
        assertThat(topUp.json().get("basis_amount").decimalValue()).isEqualByComparingTo(basis);
        assertThat(topUp.json().get("basis_from").asString()).isEqualTo("2034-01-01");
        assertThat(topUp.json().get("fund").get("size").decimalValue()).isEqualByComparingTo(size);
        BigDecimal paidIn = size.subtract(balanceBefore);
        assertThat(topUp.json().get("amount").decimalValue()).isEqualByComparingTo(paidIn);
        assertThat(fund().get("balance").decimalValue()).isEqualByComparingTo(size);
        assertThat(fund().get("alert").asBoolean()).isFalse();
        // Idempotent: a second top-up finds nothing to pay.
        List<Long> afterTopUp = state();
        assertThat(users.admin().post(TOP_UP, Map.of()).json().get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(state()).isEqualTo(afterTopUp);
        assertThat(moved(start, INSURED + "/XR_PREPAID/" + TREATMENT)).isEqualByComparingTo(paidIn);
        assertThat(moved(start, TREATMENT + "/XR_PREPAID_HELD/" + INSURED)).isEqualByComparingTo(paidIn.negate());
        assertThat(moved(start, INSURED + "/XR_REMITTANCE/" + TREATMENT)).isEqualByComparingTo(paidIn.negate());
        assertThat(moved(start, TREATMENT + "/XR_REMITTANCE/" + INSURED)).isEqualByComparingTo(paidIn);

        // April: four settlements, the third reversed in April, the fourth in May.
        clock.setDay(LocalDate.of(2034, 4, 8));
        JsonNode a1 = outpatient(resident, "390", false);
        JsonNode a2 = outpatient(employee, "310", true);
        assertThat(a2.get("acct_pay").decimalValue().signum()).as("the personal account pays in 远山 too").isPositive();
        clock.setDay(LocalDate.of(2034, 4, 15));
        JsonNode a3 = outpatient(resident, "390", false);
        reverse(a3, resident);
        clock.setDay(LocalDate.of(2034, 4, 25));
        JsonNode a4 = outpatient(resident, "390", false);

        // Not before the month is over; nothing to confirm before it is issued.
        clock.setDay(LocalDate.of(2034, 4, 30));
        untouched = state();
        var early = users.admin().post(API + "/2034-04/issue", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("errors").get(0).get("rule").asString()).isEqualTo("not_over");
        var unissued = users.admin().post(API + "/2034-04/" + INSURED + "/" + TREATMENT + "/confirm", Map.of("admdvs", INSURED));
        assertThat(unissued.status()).isEqualTo(409);
        assertThat(unissued.json().get("errors").get(0).get("rule").asString()).isEqualTo("not_issued");
        assertThat(state()).isEqualTo(untouched);

        // May: April's fourth settlement reversed (carried into May's statement), one more settlement.
        clock.setDay(LocalDate.of(2034, 5, 5));
        reverse(a4, resident);
        JsonNode m1 = outpatient(employee, "310", true);

        // The institution's own monthly clearing (R-PAY-7) pays it from 980100's ledger, where its receivable is.
        JsonNode institutionLine = users.readOnly().get("/api/admin/clearing/2034-04/" + HOSPITAL).json().get("lines").get(0);
        assertThat(institutionLine.get("setl_optins").asString()).isEqualTo(INSURED);
        assertThat(institutionLine.get("pooling_admdvs").asString()).isEqualTo(TREATMENT);

        // April's statement: the totals are the settlements'.
        assertThat(users.clerk().post(API + "/2034-04/issue", Map.of()).status()).isEqualTo(403);
        var issued = users.admin().post(API + "/2034-04/issue", Map.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        JsonNode april = statement("2034-04");
        assertThat(april.get("state").asString()).isEqualTo("ISSUED");
        assertThat(line(april, "SETTLED").get("settlements").asLong()).isEqualTo(4);
        assertThat(line(april, "SETTLED").get("fund_pay_sumamt").decimalValue())
                .isEqualByComparingTo(a1.get("fund_pay_sumamt").decimalValue().add(a2.get("fund_pay_sumamt").decimalValue())
                        .add(a3.get("fund_pay_sumamt").decimalValue()).add(a4.get("fund_pay_sumamt").decimalValue()));
        assertThat(line(april, "SETTLED").get("acct_pay").decimalValue()).isEqualByComparingTo(a2.get("acct_pay").decimalValue());
        assertThat(line(april, "REVERSED").get("settlements").asLong()).isEqualTo(1);
        assertThat(line(april, "REVERSED").get("medfee_sumamt").decimalValue()).isEqualByComparingTo(medfee(a3).negate());
        assertThat(line(april, "CARRIED_REVERSAL")).isNull();
        BigDecimal aprilCleared = sum(a1, a2, a4);
        assertThat(april.get("cleared_amount").decimalValue()).isEqualByComparingTo(aprilCleared);
        assertThat(april.get("medfee_sumamt").decimalValue()).isEqualByComparingTo(medfee(a1, a2, a4));
        // A second issue changes nothing.
        List<Long> afterIssue = state();
        assertThat(users.admin().post(API + "/2034-04/issue", Map.of()).status()).isEqualTo(200);
        assertThat(state()).isEqualTo(afterIssue);

        // The console offers the decisions to administrators only.
        String pair = INSURED + "-" + TREATMENT;
        assertThat(users.admin().get("/xr-clearing?month=2034-04").body())
                .contains("id=\"xr-confirm-insured-" + pair + "\"", "id=\"xr-confirm-treatment-" + pair + "\"", "id=\"xr-topup-" + pair + "\"");
        assertThat(users.readOnly().get("/xr-clearing?month=2034-04").body())
                .contains("id=\"xr-statement-" + pair + "\"", "id=\"xr-fund-" + pair + "\"").doesNotContain("xr-confirm-", "xr-topup-");

        // Confirmed by both sides; administrators only; the first confirmation moves no money.
        String confirmApril = API + "/2034-04/" + INSURED + "/" + TREATMENT + "/confirm";
        assertThat(users.clerk().post(confirmApril, Map.of("admdvs", INSURED)).status()).isEqualTo(403);
        var wrongSide = users.admin().post(confirmApril, Map.of("admdvs", "990200"));
        assertThat(wrongSide.status()).isEqualTo(400);
        assertThat(wrongSide.json().get("errors").get(0).get("field").asString()).isEqualTo("admdvs");
        assertThat(state()).isEqualTo(afterIssue);
        var insuredSide = users.admin().post(confirmApril, Map.of("admdvs", INSURED));
        assertThat(insuredSide.status()).as(insuredSide.body()).isEqualTo(200);
        assertThat(insuredSide.json().get("state").asString()).isEqualTo("CONFIRMING");
        assertThat(insuredSide.json().get("insured_confirmation").get("confirmed_at").isNull()).isFalse();
        assertThat(fund().get("balance").decimalValue()).isEqualByComparingTo(size);
        List<Long> confirmedOnce = state();
        assertThat(users.admin().post(confirmApril, Map.of("admdvs", INSURED)).json().get("state").asString()).isEqualTo("CONFIRMING");
        assertThat(state()).isEqualTo(confirmedOnce);
        // Two sides, two people: the administrator who confirmed for 990100 cannot also confirm for 980100.
        var sameUser = users.admin().post(confirmApril, Map.of("admdvs", TREATMENT));
        assertThat(sameUser.status()).isEqualTo(409);
        assertThat(sameUser.json().get("errors").get(0).get("rule").asString()).isEqualTo("same_user");
        assertThat(state()).isEqualTo(confirmedOnce);
        var treatmentSide = users.client("xr-admin", StaffRole.ADMIN).post(confirmApril, Map.of("admdvs", TREATMENT));
        assertThat(treatmentSide.status()).as(treatmentSide.body()).isEqualTo(200);
        assertThat(treatmentSide.json().get("state").asString()).isEqualTo("SETTLED");

        // Settled against the prepaid fund by exactly the cleared amount, in both ledgers.
        JsonNode afterApril = fund();
        BigDecimal balance = size.subtract(aprilCleared);
        assertThat(afterApril.get("balance").decimalValue()).isEqualByComparingTo(balance);
        assertThat(moved(start, INSURED + "/XR_PREPAID/" + TREATMENT)).isEqualByComparingTo(paidIn.subtract(aprilCleared));
        assertThat(moved(start, TREATMENT + "/XR_PREPAID_HELD/" + INSURED)).isEqualByComparingTo(paidIn.subtract(aprilCleared).negate());
        for (String posting : List.of("insured_posting_id", "treatment_posting_id")) {
            long id = treatmentSide.json().get(posting).asLong();
            assertThat(count("select count(*) from ledger_entry where posting_id = ?", id)).isEqualTo(2);
            assertThat(jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(id).query(BigDecimal.class).single())
                    .isEqualByComparingTo("0");
        }
        // R-XR-4: below 70% of the size, an alert and a top-up request for what is missing.
        assertThat(balance.multiply(BigDecimal.valueOf(100))).as("the story's amounts take the fund below 70%")
                .isLessThan(size.multiply(BigDecimal.valueOf(70)));
        assertThat(afterApril.get("alert").asBoolean()).isTrue();
        assertThat(afterApril.get("top_up_request").get("requested_amount").decimalValue()).isEqualByComparingTo(size.subtract(balance));
        assertThat(afterApril.get("top_up_request").get("clearing_month").asString()).isEqualTo("2034-04");
        // The analytics page shows the alert too.
        assertThat(users.readOnly().get("/analytics?region=" + INSURED + "&year=2034").body())
                .contains("id=\"analytics-xr-" + INSURED + "-" + TREATMENT + "\"");
        assertThat(count("select count(*) from audit_log where entity_type = 'xr_clearing_statement' and entity_key = ?",
                INSURED + "/" + TREATMENT + "/2034-04")).isEqualTo(4);   // issue, two confirmations, settle

        // May's statement carries the reversal of April's settlement.
        clock.setDay(LocalDate.of(2034, 6, 2));
        assertThat(users.admin().post(API + "/2034-05/issue", Map.of()).status()).isEqualTo(200);
        JsonNode may = statement("2034-05");
        assertThat(line(may, "SETTLED").get("settlements").asLong()).isEqualTo(1);
        assertThat(line(may, "CARRIED_REVERSAL").get("settlements").asLong()).isEqualTo(1);
        assertThat(line(may, "CARRIED_REVERSAL").get("fund_pay_sumamt").decimalValue())
                .isEqualByComparingTo(a4.get("fund_pay_sumamt").decimalValue().negate());
        BigDecimal mayCleared = sum(m1).subtract(payments(a4));
        assertThat(may.get("cleared_amount").decimalValue()).isEqualByComparingTo(mayCleared);
        var mayInsured = users.admin().post(API + "/2034-05/" + INSURED + "/" + TREATMENT + "/confirm", Map.of("admdvs", INSURED));
        assertThat(mayInsured.status()).as(mayInsured.body()).isEqualTo(200);

        // The treatment side confirms in the console, in a real browser.
        confirmInTheBrowser("2034-05");
        JsonNode mayDone = statement("2034-05");
        assertThat(mayDone.get("state").asString()).isEqualTo("SETTLED");
        assertThat(mayDone.get("treatment_confirmation").get("confirmed_by").asString()).isEqualTo("xr-admin");
        assertThat(fund().get("balance").decimalValue()).isEqualByComparingTo(balance.subtract(mayCleared));

        // Both ledgers: the uncleared January–March are still owed, every posting of the story balances.
        assertThat(moved(start, TREATMENT + "/XR_RECEIVABLE/" + INSURED)).isEqualByComparingTo(basis);
        assertThat(moved(start, INSURED + "/XR_PAYABLE/" + TREATMENT)).isEqualByComparingTo(basis.negate());
        assertThat(moved(start, INSURED + "/XR_PREPAID/" + TREATMENT)).isEqualByComparingTo(paidIn.subtract(aprilCleared).subtract(mayCleared));
        Map<String, BigDecimal> end = ledger();
        for (int i = 0; i < 3; i++) {
            // Each account in one region mirrors its counterpart in the other.
            assertThat(end.get(ACCOUNTS[i]).subtract(start.get(ACCOUNTS[i])))
                    .isEqualByComparingTo(end.get(ACCOUNTS[i + 3]).subtract(start.get(ACCOUNTS[i + 3])).negate());
        }
        assertThat(count("select count(*) from (select posting_id from ledger_entry group by posting_id having sum(amount) <> 0) x")).isZero();
        // The treatment region pays its institution like a local one: the whole fee of the settlements on its receivable.
        assertThat(jdbc.sql("""
                        select coalesce(sum(e.amount), 0) from ledger_entry e join ledger_posting p on p.id = e.posting_id
                        where p.admdvs = ? and e.account = 'INSTITUTION_RECEIVABLE' and p.source_type = 'XR_SETTLEMENT'
                          and p.source_id = any(?)""")
                .params(TREATMENT, new String[] {a1.get("setl_id").asString(), a2.get("setl_id").asString(), m1.get("setl_id").asString()})
                .query(BigDecimal.class).single()).isEqualByComparingTo(medfee(a1, a2, m1).negate());

        // The .xlsx and the printable page carry the same cleared amount.
        byte[] xlsx = users.readOnly().download(API + "/2034-05/" + INSURED + "/" + TREATMENT + ".xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            Row last = rows.get(rows.size() - 1);
            assertThat(last.getCellText(0)).contains("本月清算金额");
            assertThat(last.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo(mayCleared);
        }
        String page = users.readOnly().get("/xr-clearing/2034-05/" + INSURED + "/" + TREATMENT).body();
        assertThat(page).contains("异地就医清算单", "id=\"statement-cleared\"", "已清算", "xr-admin");
        assertThat(users.readOnly().get("/xr-clearing/2034-05/" + INSURED + "/" + TREATMENT + "?lang=en").body())
                .contains("Cross-region clearing statement", "Reversals of earlier months");
    }

    private void confirmInTheBrowser(String month) throws IOException {
        users.client("xr-admin", StaffRole.ADMIN);
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1100)) {
            WebDriver browser = chromium.driver();
            String base = "http://localhost:" + users.port();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            chromium.signInToConsole(base, "xr-admin", TestUsers.PASSWORD);
            browser.get(base + "/xr-clearing?month=" + month);
            String pair = INSURED + "-" + TREATMENT;
            assertThat(browser.findElement(By.id("xr-confirmed-insured-" + pair)).getText()).contains(INSURED, "✓");
            assertThat(browser.findElement(By.id("xr-fund-" + pair)).findElement(By.className("xr-alert")).getText()).contains("70%");
            chromium.screenshot("xr-clearing-before-confirm");
            browser.findElement(By.id("xr-confirm-treatment-" + pair)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xr-confirmed-treatment-" + pair)));
            assertThat(browser.findElement(By.id("xr-confirmed-treatment-" + pair)).getText()).contains("就医地 " + TREATMENT, "xr-admin");
            assertThat(browser.findElement(By.id("xr-statement-" + pair)).findElement(By.className("xr-state")).getText()).isEqualTo("已清算");
            assertThat(browser.findElements(By.id("xr-confirm-treatment-" + pair))).isEmpty();
            chromium.screenshot("xr-clearing-settled");
        }
    }

    @Test
    void badInputAndLowerRolesAreRefusedAndChangeNothing() {
        clock.setDay(LocalDate.of(2034, 9, 3));
        prepare2034();
        List<Long> before = state();
        ApiClient admin = users.admin();

        record Refusal(String path, int status, String field, String rule) {}
        for (Refusal r : List.of(
                new Refusal(API + "/prepaid-funds/990100/990100/top-up", 400, "treatment_admdvs", "pair"),
                new Refusal(API + "/prepaid-funds/990100/123456/top-up", 400, "treatment_admdvs", "region"),
                new Refusal(API + "/prepaid-funds/99x100/980100/top-up", 400, "insured_admdvs", "region"),
                new Refusal(API + "/prepaid-funds/990121/980100/top-up", 400, "insured_admdvs", "pooling_region"),
                new Refusal(API + "/prepaid-funds/990100/990200/top-up", 409, "treatment_admdvs", "no_payments"),
                new Refusal(API + "/2034-09/issue", 409, "month", "not_over"),
                new Refusal(API + "/2034-13/issue", 400, "month", "format"),
                new Refusal(API + "/2034-08/990100/980100/confirm", 409, "month", "not_issued"),
                new Refusal(API + "/2034-08/990100/555555/confirm", 400, "treatment_admdvs", "region"))) {
            var reply = admin.post(r.path(), Map.of("admdvs", INSURED));
            assertThat(reply.status()).as(r.path() + " " + reply.body()).isEqualTo(r.status());
            assertThat(reply.json().get("errors").get(0).get("field").asString()).as(r.path()).isEqualTo(r.field());
            assertThat(reply.json().get("errors").get(0).get("rule").asString()).as(r.path()).isEqualTo(r.rule());
        }
        var noSide = admin.post(API + "/2034-08/990100/980100/confirm", Map.of());
        assertThat(noSide.status()).isEqualTo(400);
        assertThat(noSide.json().get("errors").get(0).get("message").asString()).contains("990100", "980100");
        assertThat(users.readOnly().get(API + "/2034-08/990100/777777").status()).isEqualTo(400);
        assertThat(users.readOnly().get(API + "/2034-08/990100/980100").status()).isEqualTo(200);

        // Staff below administrator read but do not decide; anonymous callers, institutions and insured persons do not reach the API.
        for (ApiClient lower : List.of(users.clerk(), users.auditor(), users.readOnly())) {
            assertThat(lower.post(TOP_UP, Map.of()).status()).isEqualTo(403);
            assertThat(lower.post(API + "/2034-08/issue", Map.of()).status()).isEqualTo(403);
            assertThat(lower.post(API + "/2034-08/990100/980100/confirm", Map.of("admdvs", INSURED)).status()).isEqualTo(403);
            assertThat(lower.get(API + "/prepaid-funds").status()).isEqualTo(200);
        }
        assertThat(users.readOnly().get("/xr-clearing?month=2034-08").body()).contains("chart-xr-filings").doesNotContain("id=\"xr-issue\"");
        assertThat(users.anonymous().get(API + "/prepaid-funds").status()).isEqualTo(401);
        // An anonymous post is refused before authentication (no CSRF token, no credentials).
        assertThat(users.anonymous().post(TOP_UP, Map.of()).status()).isIn(401, 403);
        var login = InstitutionPortalLogins.create(users, HOSPITAL, "xr-inst-" + System.nanoTime() % 1_000_000, "INST_ADMIN");
        assertThat(ApiClient.as(users.port(), login.username(), login.password()).get(API + "/prepaid-funds").status()).isEqualTo(401);
        assertThat(ApiClient.as(users.port(), login.username(), login.password()).post(TOP_UP, Map.of()).status()).isIn(401, 403);
        assertThat(InstitutionPortalLogins.signedIn(users.port(), login).get(API + "/prepaid-funds").status()).isEqualTo(401);
        assertThat(DemoPortalUsers.signedIn(users.port(), properties, DemoPortalUsers.ZHANG_MIN_CERTNO).get(API + "/prepaid-funds").status())
                .isEqualTo(401);
        assertThat(state()).isEqualTo(before);
    }
}
