package org.yibao.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * DRG corrections through May–June 2039 (used by no other clock test) at 示范市第一人民医院 (level 3): May's
 * pneumonia stays (ES35, standard 3,690.83 for residents at level 3, cost 2,800.00) — one with a clean case
 * record, one whose record fails a blocking check (paid by items), one without a case record. June: May is
 * run; then the hospital corrects the blocked record by 4101A through the signed national interface, and an
 * administrator's corrections round pays the case by DRG, posting the difference in balance; a second round
 * with nothing new pays nothing; a record sent late for the unrecorded stay makes a second round; May's
 * clearing statement carries each round's difference once.
 */
@ClockControlledTest
class DrgCorrectionStoryTest {

    static final String L3 = DemoCast.FIRST_PEOPLES_HOSPITAL;
    static final String PATH = "/api/admin/drg-payments/990100/2039-05";

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

    /** May 2039's postings of a source type (other DRG stories post corrections of their own months). */
    private long postings(String sourceType) {
        return jdbc.sql("select count(*) from ledger_posting where source_type = ? and source_id like ?").params(sourceType, "%/2039-05%")
                .query(Long.class).single();
    }

    @Test
    void aCaseCorrectedAfterItsMonthWasRunIsPaidByDrgInACorrectionsRoundOnceAndClearedOnce() {
        DrgStays drg = DrgStays.inMay(2039, L3, clock, fsi, jdbc, users);
        TestPersons persons = new TestPersons(users, jdbc);
        TestPersons.Registered resident = persons.resident("更正居民", LocalDate.of(1951, 3, 4));
        TestPersons.Registered other = persons.resident("更正居民乙", LocalDate.of(1963, 8, 9));

        clock.setDay(LocalDate.of(2039, 5, 12));
        JsonNode normal = drg.stay(L3, resident, "390", 40);             // 2,800.00
        JsonNode blocked = drg.stay(L3, other, "390", 40);               // 2,800.00, its record without the sex
        JsonNode late = drg.stay(L3, resident, "390", 40);               // 2,800.00, its record sent after the run
        assertThat(drg.upload(L3, "4101", drg.caseRecord(normal, true)).get("qc_rslt").asString()).isEqualTo("0");
        assertThat(drg.upload(L3, "4101", drg.caseRecord(blocked, false)).get("qc_rslt").asString()).isEqualTo("2");

        clock.setDay(LocalDate.of(2039, 6, 3));
        // Bad input: corrections of a month not run yet are refused, and say why.
        var notRun = users.admin().post(PATH + "/corrections", Map.of());
        assertThat(notRun.status()).isEqualTo(409);
        assertThat(notRun.body()).contains("not_run", "2039-05");
        assertThat(users.admin().post(PATH + "/run", Map.of()).status()).isEqualTo(202);
        assertThat(drg.monthWhenDone(PATH).get("progress").get("state").asString()).isEqualTo("DONE");
        JsonNode before = DrgStays.byKey(users.readOnly().get(PATH + "/" + L3 + "/cases").json(), "setl_id", blocked.get("setl_id").asString());
        BigDecimal hifp = blocked.get("hifp_pay").decimalValue();
        assertThat(before.get("reason").asString()).isEqualTo("QC_BLOCKING");
        assertThat(before.get("round").asInt()).isZero();
        assertThat(before.get("drg_fund_pay").decimalValue()).isEqualByComparingTo(hifp);
        // Nothing corrected yet: nothing is paid, and the answer says so.
        var nothingYet = users.admin().post(PATH + "/corrections", Map.of());
        assertThat(nothingYet.status()).isEqualTo(409);
        assertThat(nothingYet.body()).contains("nothing_corrected");
        assertThat(users.readOnly().get(PATH + "/corrections").json()).isEmpty();

        // The hospital's coder corrects the record through the national interface.
        clock.set(LocalDate.of(2039, 6, 3).atTime(10, 0));
        assertThat(drg.upload(L3, "4101A", drg.caseRecord(blocked, true)).get("qc_rslt").asString()).isEqualTo("0");

        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly(), users.anonymous())) {
            assertThat(who.post(PATH + "/corrections", Map.of()).status()).isIn(401, 403);
        }
        var notDrg = users.admin().post("/api/admin/drg-payments/990200/2039-05/corrections", Map.of());
        assertThat(notDrg.status()).isEqualTo(400);
        assertThat(notDrg.body()).contains("not_drg");
        assertThat(users.admin().post("/api/admin/drg-payments/990100/2039-5x/corrections", Map.of()).status()).isEqualTo(400);
        assertThat(postings("DRG_CORRECTION")).isZero();

        // The corrections round: the case is paid by DRG with May's weights, and the fund pays the difference.
        var corrected = users.admin().post(PATH + "/corrections", Map.of());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode round = corrected.json();
        assertThat(round.get("round").asInt()).isEqualTo(1);
        assertThat(round.get("cases").asInt()).isEqualTo(1);
        assertThat(round.get("run_by").asString()).isNotBlank();
        // 0.3825 × 9,649.24 = 3,690.83; the fund pays 3,690.83 − 2,800.00 + hifp, 890.83 more than by items.
        assertThat(round.get("difference").decimalValue()).isEqualByComparingTo("890.83");
        JsonNode hospital = round.get("institutions").get(0);
        assertThat(hospital.get("fixmedins_code").asString()).isEqualTo(L3);
        long posting = hospital.get("ledger_posting_id").asLong();
        assertThat(drg.sum(posting)).isEqualByComparingTo("0");
        assertThat(drg.entry(posting, "BASIC_POOL", "390")).isEqualByComparingTo("890.83");
        assertThat(drg.entry(posting, "INSTITUTION_RECEIVABLE", L3)).isEqualByComparingTo("-890.83");

        JsonNode cases = users.readOnly().get(PATH + "/" + L3 + "/cases").json();
        assertThat(cases).hasSize(3);
        JsonNode now = DrgStays.byKey(cases, "setl_id", blocked.get("setl_id").asString());
        assertThat(now.get("round").asInt()).isEqualTo(1);
        assertThat(now.get("replaces_round").asInt()).isZero();
        assertThat(now.get("method").asString()).isEqualTo("DRG");
        assertThat(now.get("drg").asString()).isEqualTo("ES35");
        assertThat(now.get("standard").decimalValue()).isEqualByComparingTo("3690.83");
        assertThat(now.get("drg_fund_pay").decimalValue()).isEqualByComparingTo(new BigDecimal("890.83").add(hifp));
        assertThat(now.get("previous_drg_fund_pay").decimalValue()).isEqualByComparingTo(hifp);
        assertThat(DrgStays.byKey(cases, "setl_id", normal.get("setl_id").asString()).get("round").asInt()).isZero();
        // The run's result stands as it was stored.
        assertThat(jdbc.sql("select reason from drg_payment_case where setl_id = ?").param(blocked.get("setl_id").asString())
                .query(String.class).single()).isEqualTo("QC_BLOCKING");

        // Once: a second round with nothing newly corrected pays nothing.
        var again = users.admin().post(PATH + "/corrections", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("nothing_corrected", "round 1");
        assertThat(postings("DRG_CORRECTION")).isEqualTo(1);

        // A record first sent after the run makes a second round, which pays only that case.
        clock.set(LocalDate.of(2039, 6, 4).atTime(11, 0));
        drg.upload(L3, "4101", drg.caseRecord(late, true));
        JsonNode second = users.admin().post(PATH + "/corrections", Map.of()).json();
        assertThat(second.get("round").asInt()).isEqualTo(2);
        assertThat(second.get("cases").asInt()).isEqualTo(1);
        assertThat(second.get("difference").decimalValue()).isEqualByComparingTo("890.83");
        JsonNode lateNow = DrgStays.byKey(users.readOnly().get(PATH + "/" + L3 + "/cases").json(), "setl_id", late.get("setl_id").asString());
        assertThat(lateNow.get("replaces_round").asInt()).isZero();
        assertThat(lateNow.get("reason").asString()).isEqualTo("NORMAL");
        assertThat(users.readOnly().get(PATH + "/corrections").json()).hasSize(2);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'drg_correction' and entity_key like '990100/2039-05/%'")
                .query(Long.class).single()).isEqualTo(2);

        // May's clearing statement carries each round's difference once.
        List<JsonNode> corrections = drg.corrections("2039-05", L3);
        assertThat(corrections).hasSize(2);
        assertThat(corrections).allSatisfy(a -> assertThat(a.get("amount").decimalValue()).isEqualByComparingTo("890.83"));
        assertThat(users.admin().post("/api/admin/clearing/2039-05/issue", Map.of()).status()).isEqualTo(200);
        assertThat(users.readOnly().get("/api/admin/clearing/2039-05/" + L3).json().get("adjustments").toString())
                .contains("DRG_CORRECTION", L3 + "/2039-05/1", L3 + "/2039-05/2");
        assertThat(users.readOnly().get("/api/admin/clearing/2039-06/" + L3).json().get("adjustments").toString())
                .doesNotContain("DRG_CORRECTION");

        // The hospital sees the case's new result in its portal.
        var portal = InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, L3))
                .get("/inst-portal/drg-payments?month=2039-05");
        assertThat(portal.body()).contains(blocked.get("setl_id").asString(), "第 1 轮更正");

        // The console: the rounds with who, when, cases and amounts; the button for administrators only.
        String page = users.admin().get("/drg-payments?region=990100&month=2039-05").body();
        assertThat(page).contains("drg-correction-table", "drg-corrections-button", "890.83");
        assertThat(users.readOnly().get("/drg-payments?region=990100&month=2039-05").body())
                .contains("drg-correction-table").doesNotContain("drg-corrections-button");
        assertThat(users.readOnly().get("/drg-payments?region=990100&month=2039-05&lang=en").body()).contains("Corrections");
        // The console's button: a clerk is refused; an administrator's round with nothing new shows why on the page.
        String form = "application/x-www-form-urlencoded";
        assertThat(users.clerk().send("POST", "/drg-payments/990100/2039-05/corrections", "", form).status()).isEqualTo(403);
        assertThat(users.admin().send("POST", "/drg-payments/990100/2039-05/corrections", "", form).status()).isEqualTo(302);
        assertThat(postings("DRG_CORRECTION")).isEqualTo(2);
    }
}
