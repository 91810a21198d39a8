package org.yibao.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Settlements reversed after their DRG month was run, through May–July 2040 (used by no other clock test) at
 * 示范市第一人民医院 (level 3): three May pneumonia stays of residents (ES35, standard 3,690.83, cost 2,800.00,
 * each paid 890.83 beyond the items). June: May is run; then the hospital undoes one stay's settlement by 冲正
 * (2601) and leaves it, and reverses another by 2305 and settles it again with one more drug (cost 2,855.00). The
 * corrections round withdraws the first case's DRG money and pays the second on its new settlement, posting the
 * difference in balance; May's figures as corrected stand beside the run's (table, charts, analytics); May's clearing statement carries the
 * difference once; a second round pays nothing; June's run does not pay the stay settled again a second time.
 */
@ClockControlledTest
class DrgReversalStoryTest {

    static final String L3 = DemoCast.FIRST_PEOPLES_HOSPITAL;
    static final String PATH = "/api/admin/drg-payments/990100/2040-05";

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

    private static BigDecimal money(JsonNode n, String field) {
        return n.get(field).decimalValue();
    }

    @Test
    void aSettlementReversedAfterTheRunLosesItsDrgMoneyAndOneSettledAgainIsPaidOnItsNewSettlementOnce() throws java.io.IOException {
        DrgStays drg = DrgStays.inMay(2040, L3, clock, fsi, jdbc, users);
        TestPersons persons = new TestPersons(users, jdbc);
        TestPersons.Registered first = persons.resident("冲销居民", LocalDate.of(1952, 4, 5));
        TestPersons.Registered second = persons.resident("冲销居民乙", LocalDate.of(1961, 9, 10));
        TestPersons.Registered third = persons.resident("冲销居民丙", LocalDate.of(1970, 1, 20));

        clock.setDay(LocalDate.of(2040, 5, 12));
        DrgStays.Settled reversed = drg.settledStay(L3, first, "390", 40);       // 2,800.00: reversed, not settled again
        DrgStays.Settled again = drg.settledStay(L3, second, "390", 40);         // 2,800.00: reversed, settled again at 2,855.00
        DrgStays.Settled kept = drg.settledStay(L3, third, "390", 40);           // 2,800.00: stands
        for (DrgStays.Settled s : List.of(reversed, again, kept)) {
            assertThat(drg.upload(L3, "4101", drg.caseRecord(s.setlinfo(), true)).get("qc_rslt").asString()).isEqualTo("0");
        }

        clock.setDay(LocalDate.of(2040, 6, 3));
        assertThat(users.admin().post(PATH + "/run", Map.of()).status()).isEqualTo(202);
        JsonNode run = drg.monthWhenDone(PATH);
        assertThat(run.get("progress").get("state").asString()).isEqualTo("DONE");
        JsonNode atRun = run.get("institutions").get(0);
        // 3 × (3,690.83 − 2,800.00) = 2,672.49; as corrected, the same while no round has run.
        assertThat(money(atRun, "adjustment")).isEqualByComparingTo("2672.49");
        assertThat(money(atRun, "corrected_adjustment")).isEqualByComparingTo("2672.49");
        assertThat(atRun.get("corrected_cases").asInt()).isEqualTo(3);
        // Nothing reversed or corrected yet: nothing is paid.
        assertThat(users.admin().post(PATH + "/corrections", Map.of()).body()).contains("nothing_corrected");
        // Without a corrections round the charts show the run alone.
        assertThat(users.readOnly().get("/drg-payments?region=990100&month=2040-05").body()).contains("drg-data").doesNotContain("cmiCorrected");

        // The hospital reverses two settlements through the national interface, one by 冲正 (2601 on the 2304's msgid)
        // and one by 2305, and settles the second stay again.
        clock.set(LocalDate.of(2040, 6, 3).atTime(10, 0));
        JsonNode reversal = fsi.as(L3).call("2601", Map.of("data", Map.of("psn_no", reversed.setlinfo().get("psn_no").asString(),
                "omsgid", reversed.setlinfo().get("medins_setl_id").asString(), "oinfno", "2304"))).ok().output().get("setlinfo");
        assertThat(money(reversal, "hifp_pay")).isEqualByComparingTo(money(reversed.setlinfo(), "hifp_pay").negate());
        drg.reverse(again);
        DrgStays.Settled settledAgain = drg.settleAgain(again, 41);
        assertThat(money(settledAgain.setlinfo(), "medfee_sumamt")).isEqualByComparingTo("2855.00");

        var corrected = users.admin().post(PATH + "/corrections", Map.of());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode round = corrected.json();
        assertThat(round.get("round").asInt()).isEqualTo(1);
        assertThat(round.get("cases").asInt()).isEqualTo(2);
        // Withdrawn: −890.83; settled again: (3,690.83 − 2,855.00) − 890.83 = −55.00.
        assertThat(money(round, "difference")).isEqualByComparingTo("-945.83");
        long posting = round.get("institutions").get(0).get("ledger_posting_id").asLong();
        assertThat(drg.sum(posting)).isEqualByComparingTo("0");
        assertThat(drg.entry(posting, "BASIC_POOL", "390")).isEqualByComparingTo("-945.83");
        assertThat(drg.entry(posting, "INSTITUTION_RECEIVABLE", L3)).isEqualByComparingTo("945.83");

        JsonNode cases = users.readOnly().get(PATH + "/" + L3 + "/cases").json();
        assertThat(cases).hasSize(3);
        JsonNode gone = DrgStays.byKey(cases, "setl_id", reversed.setlId());
        assertThat(gone.get("round").asInt()).isEqualTo(1);
        assertThat(gone.get("reason").asString()).isEqualTo("REVERSED");
        assertThat(gone.get("reason_text").asString()).contains("结算已撤销");
        assertThat(gone.hasNonNull("current_setl_id")).isFalse();
        assertThat(money(gone, "drg_fund_pay")).isZero();
        assertThat(money(gone, "adjustment")).isZero();
        JsonNode paidAgain = DrgStays.byKey(cases, "setl_id", again.setlId());
        assertThat(paidAgain.get("round").asInt()).isEqualTo(1);
        assertThat(paidAgain.get("current_setl_id").asString()).isEqualTo(settledAgain.setlId());
        assertThat(paidAgain.get("reason").asString()).isEqualTo("NORMAL");
        assertThat(money(paidAgain, "cost")).isEqualByComparingTo("2855.00");
        BigDecimal hifpAgain = money(settledAgain.setlinfo(), "hifp_pay");
        assertThat(money(paidAgain, "item_fund_pay")).isEqualByComparingTo(hifpAgain);
        assertThat(money(paidAgain, "drg_fund_pay")).isEqualByComparingTo(new BigDecimal("835.83").add(hifpAgain));
        assertThat(money(paidAgain, "adjustment")).isEqualByComparingTo("835.83");
        assertThat(DrgStays.byKey(cases, "setl_id", kept.setlId()).get("round").asInt()).isZero();
        // The run's results stand as they were stored.
        assertThat(jdbc.sql("select sum(adjustment) from drg_payment_case where admdvs = '990100' and month = ?")
                .param(LocalDate.of(2040, 5, 1)).query(BigDecimal.class).single()).isEqualByComparingTo("2672.49");

        // May as it stands beside May as run, per hospital, to the fen.
        JsonNode hospital = users.readOnly().get(PATH).json().get("institutions").get(0);
        assertThat(hospital.get("cases").asInt()).isEqualTo(3);
        assertThat(money(hospital, "standard_total")).isEqualByComparingTo("11072.49");
        assertThat(money(hospital, "adjustment")).isEqualByComparingTo("2672.49");
        assertThat(hospital.get("corrected_cases").asInt()).isEqualTo(2);
        assertThat(hospital.get("corrected_drg_cases").asInt()).isEqualTo(2);
        assertThat(money(hospital, "corrected_cmi")).isEqualByComparingTo("0.3825");
        assertThat(money(hospital, "corrected_standard_total")).isEqualByComparingTo("7381.66");
        assertThat(money(hospital, "corrected_cost_total")).isEqualByComparingTo("5655.00");
        assertThat(money(hospital, "corrected_surplus")).isEqualByComparingTo("1726.66");
        assertThat(money(hospital, "corrected_adjustment")).isEqualByComparingTo("1726.66");
        BigDecimal items = hifpAgain.add(money(kept.setlinfo(), "hifp_pay"));
        assertThat(money(hospital, "corrected_item_fund_total")).isEqualByComparingTo(items);
        assertThat(money(hospital, "corrected_drg_fund_total")).isEqualByComparingTo(items.add(new BigDecimal("1726.66")));

        // The console shows May as corrected under May as run, in both languages; so does the hospital's portal.
        String page = users.readOnly().get("/drg-payments?region=990100&month=2040-05").body();
        assertThat(page).contains("drg-corrected-" + L3, "更正后", "1,726.66", "2,672.49", "7,381.66", "5,655.00");
        assertThat(users.readOnly().get("/drg-payments?region=990100&month=2040-05&lang=en").body()).contains("As corrected", "1,726.66");
        // Its charts show the hospital's CMI and surplus as corrected beside the run's.
        String script = page.substring(page.indexOf("id=\"drg-data\">") + "id=\"drg-data\">".length());
        JsonNode chart = tools.jackson.databind.json.JsonMapper.builder().build().readTree(script.substring(0, script.indexOf("</script>")));
        int at = chart.get("hospitals").valueStream().map(JsonNode::asString).toList().indexOf(hospital.get("name").asString());
        assertThat(at).isNotNegative();
        assertThat(chart.get("surplus").get(at).decimalValue()).isEqualByComparingTo(money(hospital, "surplus"));
        assertThat(chart.get("surplusCorrected").get(at).decimalValue()).isEqualByComparingTo("1726.66");
        assertThat(chart.get("cmi").get(at).decimalValue()).isEqualByComparingTo(money(hospital, "cmi"));
        assertThat(chart.get("cmiCorrected").get(at).decimalValue()).isEqualByComparingTo("0.3825");
        assertThat(page).contains("data-label-corrected=\"更正后\"");
        // The analytics page's year adds up the cases as they stand: two cases, their CMI and surplus.
        String analytics = users.readOnly().get("/analytics?region=990100&year=2040").body();
        assertThat(analytics).contains("1,726.66", "0.3825").doesNotContain("2,672.49");
        // In a browser, each chart draws the two series.
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1000)) {
            String base = "http://localhost:" + users.port();
            List<String> credentials = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));
            chromium.signInToConsole(base, credentials.get(0), credentials.get(1));
            chromium.driver().get(base + "/drg-payments?region=990100&month=2040-05");
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-drg-surplus canvas")));
            for (String id : List.of("chart-drg-cmi", "chart-drg-surplus")) {
                Object names = ((JavascriptExecutor) chromium.driver()).executeScript("return echarts.getInstanceByDom("
                        + "document.getElementById(arguments[0])).getOption().series.map(function (s) { return s.name; })", id);
                assertThat(names).asList().hasSize(2).last().asString().endsWith("更正后");
            }
        }
        assertThat(users.readOnly().get("/drg-payments/990100/2040-05/" + L3).body())
                .contains("drg-case-corrected-adjustment", "1,726.66", "结算已撤销", settledAgain.setlId());
        var portal = InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, L3))
                .get("/inst-portal/drg-payments?month=2040-05").body();
        assertThat(portal).contains("drg-as-corrected", "1,726.66", "2,672.49", "结算已撤销", settledAgain.setlId());

        // Once: nothing new, nothing paid.
        var twice = users.admin().post(PATH + "/corrections", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("nothing_corrected", "round 1");

        // May's clearing statement carries the difference once.
        List<JsonNode> corrections = drg.corrections("2040-05", L3);
        assertThat(corrections).hasSize(1);
        assertThat(money(corrections.get(0), "amount")).isEqualByComparingTo("-945.83");
        assertThat(users.admin().post("/api/admin/clearing/2040-05/issue", Map.of()).status()).isEqualTo(200);
        assertThat(drg.corrections("2040-05", L3)).hasSize(1);
        assertThat(drg.corrections("2040-06", L3)).isEmpty();

        // June's run leaves the stay settled again in June: May's round paid it.
        clock.setDay(LocalDate.of(2040, 7, 2));
        assertThat(users.admin().post("/api/admin/drg-payments/990100/2040-06/run", Map.of()).status()).isEqualTo(202);
        assertThat(drg.monthWhenDone("/api/admin/drg-payments/990100/2040-06").get("progress").get("state").asString()).isEqualTo("DONE");
        assertThat(users.readOnly().get("/api/admin/drg-payments/990100/2040-06/" + L3 + "/cases").body())
                .doesNotContain(settledAgain.setlId());
        assertThat(users.admin().post(PATH + "/corrections", Map.of()).status()).isEqualTo(409);
    }
}
