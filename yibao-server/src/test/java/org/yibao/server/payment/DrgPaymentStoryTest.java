package org.yibao.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.LaterYears;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.TestAgreements;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-PAY-2 and R-PAY-4 through May 2032 (used by no other clock test) at 示范市第一人民医院 (level 3) and
 * 示范市中心医院 (level 2): pneumonia stays (ES35, published RW 0.3825) settled through the national
 * interface with their 4101 case records — a normal case at each level, a high and a low outlier, a case
 * record failing a blocking check (listed in the 4101 reply, paid by items), one corrected by 4101A (paid
 * by DRG), a stay without a case record. June: only administrators run May, once; per-case results,
 * per-hospital totals and the ledger adjustment in balance; May's clearing statement carries the DRG
 * adjustment (payable = settlements + adjustments); each hospital sees only its own cases.
 */
@ClockControlledTest
class DrgPaymentStoryTest {

    static final String L3 = DemoCast.FIRST_PEOPLES_HOSPITAL;
    static final String L2 = DemoCast.CENTRAL_HOSPITAL;
    static final DateTimeFormatter TIME = DrgStays.TIME;
    static final BigDecimal RW_ES35 = new BigDecimal("0.3825");
    static final BigDecimal BASE_390 = new BigDecimal("9649.24");
    static final BigDecimal BASE_310 = new BigDecimal("12252.70");

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

    private DrgStays drg() {
        return new DrgStays(fsi, jdbc, users);
    }

    private JsonNode stay(String institution, TestPersons.Registered p, String insutype, int drugs) {
        return drg().stay(institution, p, insutype, drugs);
    }

    private Map<String, Object> caseRecord(JsonNode settlement, boolean withSex) {
        return drg().caseRecord(settlement, withSex);
    }

    private JsonNode upload(String institution, String infno, Map<String, Object> record) {
        return drg().upload(institution, infno, record);
    }

    private void policyFor2032() {
        LaterYears.policy(users, "990100", 2032);
    }

    private static BigDecimal standard(BigDecimal base, BigDecimal coefficient) {
        return base.multiply(RW_ES35).multiply(coefficient).setScale(2, RoundingMode.HALF_UP);
    }

    private JsonNode monthWhenDone(String path) {
        return drg().monthWhenDone(path);
    }

    private static JsonNode byKey(JsonNode array, String field, String value) {
        return DrgStays.byKey(array, field, value);
    }

    @Test
    void mayIsGroupedPaidOnceAdjustedInTheLedgerAndCleared() {
        clock.setDay(LocalDate.of(2032, 5, 4));
        policyFor2032();
        // The demo agreements end with 2030.
        TestAgreements.inForce(users, L3, LocalDate.of(2032, 5, 4));
        TestAgreements.inForce(users, L2, LocalDate.of(2032, 5, 4));
        TestPersons persons = new TestPersons(users, jdbc);
        TestPersons.Registered resident = persons.resident("DRG居民", LocalDate.of(1950, 2, 3));
        TestPersons.Registered other = persons.resident("DRG居民乙", LocalDate.of(1962, 7, 8));
        TestPersons.Registered employee = persons.employee("DRG职工", LocalDate.of(1972, 9, 10), "100.00");

        clock.setDay(LocalDate.of(2032, 5, 12));
        JsonNode normal = stay(L3, resident, "390", 40);                 // 2,800.00
        JsonNode atLevel2 = stay(L2, other, "390", 40);                  // 2,800.00 at level 2
        JsonNode high = stay(L3, employee, "310", 250);                  // 14,350.00 ≥ 3 × 4,686.66
        JsonNode low = stay(L3, other, "390", 10);                       // 1,150.00 ≤ 0.4 × 3,690.83
        JsonNode blocked = stay(L3, resident, "390", 40);
        JsonNode corrected = stay(L3, other, "390", 40);
        JsonNode unrecorded = stay(L3, employee, "310", 40);
        for (JsonNode s : List.of(normal, high, low)) {
            JsonNode reply = upload(L3, "4101", caseRecord(s, true));
            assertThat(reply.get("qc_rslt").asString()).as(reply.toString()).isEqualTo("0");
            assertThat(reply.get("qcinfo")).isEmpty();
        }
        upload(L2, "4101", caseRecord(atLevel2, true));

        // R-PAY-4: a record failing a blocking check is stored, and the reply says what to fix.
        JsonNode refusedNothing = upload(L3, "4101", caseRecord(blocked, false));
        assertThat(refusedNothing.get("qc_rslt").asString()).isEqualTo("2");
        JsonNode finding = byKey(refusedNothing.get("qcinfo"), "field", "setlinfo.gend");
        assertThat(finding.get("rule").asString()).isEqualTo("QC-REQ-1");
        assertThat(finding.get("severity").asString()).isEqualTo("阻断");
        assertThat(finding.get("message").asString()).contains("性别");
        assertThat(jdbc.sql("select qc_blocking from case_record where mdtrt_id = ?").param(blocked.get("mdtrt_id").asString())
                .query(Boolean.class).single()).isTrue();
        assertThat(upload(L3, "4101", caseRecord(corrected, false)).get("qc_rslt").asString()).isEqualTo("2");
        assertThat(upload(L3, "4101A", caseRecord(corrected, true)).get("qc_rslt").asString()).isEqualTo("0");
        // The gateway's own refusals stand: a malformed time is refused with its field and nothing is stored.
        Map<String, Object> malformed = new HashMap<>(caseRecord(unrecorded, true));
        Map<String, Object> badSetl = new LinkedHashMap<>(castMap(malformed.get("setlinfo")));
        badSetl.put("adm_time", "yesterday");
        malformed.put("setlinfo", badSetl);
        FsiClient his = fsi.as(L3);
        assertThat(his.call("4101", malformed).refused().errMsg()).contains("setlinfo.adm_time", "yyyy-MM-dd HH:mm:ss");
        badSetl.put("adm_time", clock.today().minusDays(5).atTime(8, 0).format(TIME));
        badSetl.put("brdy", "1950-13-40");
        assertThat(his.call("4101", malformed).refused().errMsg()).contains("setlinfo.brdy", "yyyy-MM-dd");
        assertThat(jdbc.sql("select count(*) from case_record where mdtrt_id = ?").param(unrecorded.get("mdtrt_id").asString())
                .query(Long.class).single()).isZero();

        String path = "/api/admin/drg-payments/990100/2032-05";
        // Not before the month is over.
        assertThat(users.admin().post(path + "/run", Map.of()).status()).isEqualTo(409);

        clock.setDay(LocalDate.of(2032, 6, 3));
        assertThat(users.readOnly().get(path).json().get("progress").get("state").asString()).isEqualTo("NOT_RUN");
        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly(), users.anonymous())) {
            assertThat(who.post(path + "/run", Map.of()).status()).isIn(401, 403);
        }
        assertThat(users.readOnly().get(path).json().get("progress").get("state").asString()).isEqualTo("NOT_RUN");
        // Bad input: a region that does not pay by DRG, a month that is not a month.
        var notDrg = users.readOnly().get("/api/admin/drg-payments/990200/2032-05");
        assertThat(notDrg.status()).isEqualTo(400);
        assertThat(notDrg.body()).contains("not_drg", "990100");
        assertThat(users.readOnly().get("/api/admin/drg-payments/990100/2032-5x").status()).isEqualTo(400);

        var started = users.admin().post(path + "/run", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode month = monthWhenDone(path);
        assertThat(month.get("progress").get("state").asString()).as(month.toString()).isEqualTo("DONE");
        assertThat(month.get("grouper_version").asString()).isEqualTo("chs-drg-1.1");
        assertThat(month.get("weights").asString()).isEqualTo("harbin-2024");
        assertThat(month.get("progress").get("total").asInt()).isEqualTo(7);

        JsonNode cases = users.readOnly().get(path + "/" + L3 + "/cases").json();
        assertThat(cases).hasSize(6);
        JsonNode n = byKey(cases, "setl_id", normal.get("setl_id").asString());
        BigDecimal std3 = standard(BASE_390, BigDecimal.ONE);
        assertThat(n.get("drg").asString()).isEqualTo("ES35");
        assertThat(n.get("rw_source").asString()).isEqualTo("PUBLISHED");
        assertThat(n.get("rw").decimalValue()).isEqualByComparingTo(RW_ES35);
        assertThat(n.get("method").asString()).isEqualTo("DRG");
        assertThat(n.get("standard").decimalValue()).isEqualByComparingTo(std3).isEqualByComparingTo("3690.83");
        BigDecimal hifp = normal.get("hifp_pay").decimalValue();
        assertThat(n.get("item_fund_pay").decimalValue()).isEqualByComparingTo(hifp);
        assertThat(n.get("drg_fund_pay").decimalValue()).isEqualByComparingTo(std3.subtract(new BigDecimal("2800.00")).add(hifp));
        assertThat(n.get("adjustment").decimalValue()).isEqualByComparingTo("890.83");
        assertThat(n.get("surplus").decimalValue()).isEqualByComparingTo("890.83");
        assertThat(byKey(cases, "setl_id", high.get("setl_id").asString()).get("reason").asString()).isEqualTo("HIGH_OUTLIER");
        assertThat(byKey(cases, "setl_id", high.get("setl_id").asString()).get("standard").decimalValue())
                .isEqualByComparingTo(standard(BASE_310, BigDecimal.ONE));
        assertThat(byKey(cases, "setl_id", low.get("setl_id").asString()).get("reason").asString()).isEqualTo("LOW_OUTLIER");
        JsonNode b = byKey(cases, "setl_id", blocked.get("setl_id").asString());
        assertThat(b.get("reason").asString()).isEqualTo("QC_BLOCKING");
        assertThat(b.get("drg_fund_pay").decimalValue()).isEqualByComparingTo(blocked.get("hifp_pay").decimalValue());
        assertThat(b.get("qc_findings").toString()).contains("setlinfo.gend");
        assertThat(byKey(cases, "setl_id", corrected.get("setl_id").asString()).get("reason").asString()).isEqualTo("NORMAL");
        assertThat(byKey(cases, "setl_id", unrecorded.get("setl_id").asString()).get("reason").asString()).isEqualTo("NO_CASE_RECORD");

        JsonNode l2 = users.readOnly().get(path + "/" + L2 + "/cases").json().get(0);
        assertThat(l2.get("standard").decimalValue()).isEqualByComparingTo(standard(BASE_390, new BigDecimal("0.90")))
                .isEqualByComparingTo("3321.75");
        assertThat(l2.get("adjustment").decimalValue()).isEqualByComparingTo("521.75");

        // Per hospital: the adjustment is the DRG − item-based fund payments, posted in balance.
        JsonNode h3 = byKey(month.get("institutions"), "fixmedins_code", L3);
        assertThat(h3.get("cases").asInt()).isEqualTo(6);
        assertThat(h3.get("drg_cases").asInt()).isEqualTo(2);
        assertThat(h3.get("adjustment").decimalValue()).isEqualByComparingTo("1781.66");
        assertThat(h3.get("surplus").decimalValue()).isEqualByComparingTo("1781.66");
        assertThat(h3.get("standard_total").decimalValue()).isEqualByComparingTo("7381.66");
        assertThat(h3.get("cost_total").decimalValue()).isEqualByComparingTo("5600.00");
        assertThat(h3.get("drg_fund_total").decimalValue().subtract(h3.get("item_fund_total").decimalValue()))
                .isEqualByComparingTo("1781.66");
        // CMI: every case but the one without a case record and the blocked one is weighted (ES35).
        assertThat(h3.get("cmi").decimalValue()).isEqualByComparingTo(RW_ES35);
        long posting = h3.get("ledger_posting_id").asLong();
        assertThat(jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(posting).query(BigDecimal.class).single())
                .isEqualByComparingTo("0");
        assertThat(jdbc.sql("select amount from ledger_entry where posting_id = ? and account = 'BASIC_POOL' and sub_account = '390'")
                .param(posting).query(BigDecimal.class).single()).isEqualByComparingTo("1781.66");
        assertThat(jdbc.sql("select amount from ledger_entry where posting_id = ? and account = 'INSTITUTION_RECEIVABLE' and sub_account = ?")
                .params(posting, L3).query(BigDecimal.class).single()).isEqualByComparingTo("-1781.66");

        // Once: a second run is refused and posts nothing.
        long postings = jdbc.sql("select count(*) from ledger_posting where source_type = 'DRG'").query(Long.class).single();
        var again = users.admin().post(path + "/run", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already_run");
        assertThat(jdbc.sql("select count(*) from ledger_posting where source_type = 'DRG'").query(Long.class).single()).isEqualTo(postings);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'drg_payment' and entity_key = '990100/2032-05'")
                .query(Long.class).single()).isEqualTo(1);

        // May's clearing statement carries the adjustment: payable = settlements + adjustments, paid out in balance.
        JsonNode preview = users.readOnly().get("/api/admin/clearing/2032-05/" + L3).json();
        JsonNode drg = byKey(preview.get("adjustments"), "kind", "DRG");
        assertThat(drg.get("amount").decimalValue()).isEqualByComparingTo("1781.66");
        BigDecimal settlements = preview.get("settlements_payable").decimalValue();
        assertThat(preview.get("payable").decimalValue()).isEqualByComparingTo(settlements.add(preview.get("adjustments_total").decimalValue()));
        assertThat(users.admin().post("/api/admin/clearing/2032-05/issue", Map.of()).status()).isEqualTo(200);
        JsonNode issued = users.readOnly().get("/api/admin/clearing/2032-05/" + L3).json();
        assertThat(issued.get("payable").decimalValue()).isEqualByComparingTo(preview.get("payable").decimalValue());
        long paidOut = issued.get("postings").get("990100").asLong();
        assertThat(jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(paidOut).query(BigDecimal.class).single())
                .isEqualByComparingTo("0");
        // The receivable of the hospital's month is settled: settlements credited it, DRG and clearing balanced it out.
        assertThat(users.readOnly().get("/api/admin/clearing/2032-06/" + L3).json().get("adjustments").toString()).doesNotContain("DRG");

        // Each hospital sees only its own cases.
        var mine = InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, L3))
                .get("/inst-portal/drg-payments?month=2032-05");
        assertThat(mine.body()).contains(normal.get("setl_id").asString(), "ES35").doesNotContain(atLevel2.get("setl_id").asString());
        var theirs = InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, L2))
                .get("/inst-portal/drg-payments?month=2032-05");
        assertThat(theirs.body()).contains(atLevel2.get("setl_id").asString()).doesNotContain(normal.get("setl_id").asString());

        // The console page: the hospitals with their CMI and surplus, and the cases with their reasons.
        String page = users.readOnly().get("/drg-payments?region=990100&month=2032-05").body();
        assertThat(page).contains("示范市第一人民医院", "0.3825", "1,781.66", "chart-drg-cmi");
        assertThat(page).doesNotContain("drg-run-button");
        String detail = users.readOnly().get("/drg-payments/990100/2032-05/" + L3).body();
        assertThat(detail).contains(high.get("setl_id").asString(), "高倍率病例", "结算清单质控未通过");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
