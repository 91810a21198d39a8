package org.yibao.server.console;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** The console's settlement search, a settlement's page with its lines, explanation and ledger, and the dashboard figures. */
@IntegrationTest
class SettlementPagesTest {

    @Autowired
    TestUsers users;
    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private JsonNode settle(String psn) {
        FsiClient his = fsi.as("H99010000004");
        String now = Visit.now();
        String mdtrtId = his.call("2201", Map.of("data", Map.of("psn_no", psn, "insutype", "390", "begntime", now,
                "mdtrt_cert_type", "02", "mdtrt_cert_no", "x", "ipt_otp_no", "C1"))).ok().output().get("data").get("mdtrt_id").asString();
        his.call("2204", Map.of("feedetail", java.util.List.of(Map.of("feedetl_sn", "1", "mdtrt_id", mdtrtId, "psn_no", psn,
                "fee_ocur_time", now, "med_list_codg", "XC09CAL100A001010101002", "det_item_fee_sumamt", "73.00", "cnt", "2",
                "pric", "36.50")))).ok();
        return his.call("2207", Map.of("data", Map.of("psn_no", psn, "mdtrt_id", mdtrtId, "med_type", "11", "medfee_sumamt", "73.00",
                "acct_used_flag", "0", "insutype", "390"))).ok().output().get("setlinfo");
    }

    private static String text(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).trim();
    }

    @Test
    void aSettlementIsFoundByPersonInstitutionAndDateAndItsPageShowsWhatItWrote() {
        String psn = jdbc.sql("""
                        select psn_no from person p where insutype = '390' and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%' order by psn_no limit 1 offset 500""")
                .query(String.class).single();
        String dashboard = users.readOnly().get("/").body();
        long todayBefore = Long.parseLong(text(dashboard, "settlements-today").replace(",", ""));

        JsonNode s = settle(psn);
        String setlId = s.get("setl_id").asString();
        String today = LocalDate.now(BusinessTime.ZONE).toString();
        assertThat(users.readOnly().get("/settlements?person=" + psn).body()).contains(setlId);
        assertThat(users.readOnly().get("/settlements?institution=H99010000004&from=" + today + "&to=" + today).body()).contains(setlId);
        assertThat(users.readOnly().get("/settlements?person=" + psn + "&to=" + LocalDate.now(BusinessTime.ZONE).minusDays(1)).body()).doesNotContain(setlId);
        // The person's page lists their latest settlements, linked to the settlement and to the full list.
        String personPage = users.readOnly().get("/persons/" + psn).body();
        assertThat(personPage).contains("id=\"recent-settlements\"", "/settlements/" + setlId, "/settlements?person=" + psn);

        String page = users.readOnly().get("/settlements/" + setlId).body();
        assertThat(new BigDecimal(text(page, "medfee"))).isEqualByComparingTo(s.get("medfee_sumamt").decimalValue());
        assertThat(new BigDecimal(text(page, "fund"))).isEqualByComparingTo(s.get("fund_pay_sumamt").decimalValue());
        assertThat(new BigDecimal(text(page, "cash"))).isEqualByComparingTo(s.get("psn_cash_pay").decimalValue());
        assertThat(page).contains("XC09CAL100A001010101002", "起付线", "借贷平衡", "定点机构医疗费");

        long todayAfter = Long.parseLong(text(users.readOnly().get("/").body(), "settlements-today").replace(",", ""));
        assertThat(todayAfter).isEqualTo(todayBefore + 1);

        FsiClient his = fsi.as("H99010000004");
        String reversal = his.call("2208", Map.of("data", Map.of("setl_id", setlId, "mdtrt_id", s.get("mdtrt_id").asString(),
                "psn_no", psn))).ok().output().get("setlinfo").get("setl_id").asString();
        // The reversed settlement and its mirror still show the lines the reversal released for settling again.
        assertThat(users.readOnly().get("/settlements/" + setlId).body()).contains("id=\"link-reversal\"", reversal,
                "XC09CAL100A001010101002");
        String mirror = users.readOnly().get("/settlements/" + reversal).body();
        assertThat(mirror).contains("id=\"link-original\"", setlId, "借贷平衡", "XC09CAL100A001010101002");
        assertThat(users.readOnly().get("/persons/" + psn).body()).contains("/settlements/" + reversal, "/settlements/" + setlId);
        assertThat(new BigDecimal(text(mirror, "medfee"))).isEqualByComparingTo(s.get("medfee_sumamt").decimalValue().negate());
        // A reversal nets out of today's count.
        assertThat(Long.parseLong(text(users.readOnly().get("/").body(), "settlements-today").replace(",", ""))).isEqualTo(todayBefore);

        assertThat(users.readOnly().get("/settlements/" + setlId + "?lang=en").body()).contains("Fund ledger postings", "balanced");
        assertThat(users.readOnly().get("/settlements/NO-SUCH").status()).isEqualTo(404);
        assertThat(users.anonymous().get("/settlements").status()).isIn(302, 401);
    }
}
