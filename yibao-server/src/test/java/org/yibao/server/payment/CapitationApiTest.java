package org.yibao.server.payment;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.familydoctor.FamilyDoctors;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-PAY-6 on the demo world's contracts: last month paid once it is over, one twelfth of 100 yuan per
 * contract in force at its end, 5% less for a centre below 60% hypertension management the year before
 * (read from the family-doctor figures), each payment posted in balance; a second run pays nothing again;
 * the current month is refused; only administrators pay.
 */
@IntegrationTest
class CapitationApiTest {

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FamilyDoctors familyDoctors;

    private long postings() {
        return jdbc.sql("select count(*) from ledger_posting where source_type = 'CAPITATION'").query(Long.class).single();
    }

    @Test
    void lastMonthIsPaidOncePerCentreWithTheCutFromLastYearsManagementRate() {
        YearMonth month = YearMonth.now(BusinessTime.ZONE).minusMonths(1);
        String base = "/api/admin/capitation/" + month;
        JsonNode preview = users.readOnly().get(base).json();
        assertThat(preview.size()).as("the demo world has family-doctor contracts").isPositive();
        for (JsonNode r : preview) {
            assertThat(r.get("paid").asBoolean()).isFalse();
        }

        long before = postings();
        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly())) {
            assertThat(who.post(base + "/run", Map.of()).status()).isEqualTo(403);
        }
        assertThat(postings()).isEqualTo(before);
        var current = users.admin().post("/api/admin/capitation/" + YearMonth.now(BusinessTime.ZONE) + "/run", Map.of());
        assertThat(current.status()).as(current.body()).isEqualTo(409);
        assertThat(users.admin().post("/api/admin/capitation/2026-13/run", Map.of()).status()).isEqualTo(400);

        var run = users.admin().post(base + "/run", Map.of());
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        int paid = 0;
        boolean anyCut = false;
        for (JsonNode r : run.json()) {
            assertThat(r.get("paid").asBoolean()).isTrue();
            JsonNode p = r.get("payment");
            long contracts = p.get("contracts").asLong();
            BigDecimal gross = BigDecimal.valueOf(contracts * 100L).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
            assertThat(p.get("gross").decimalValue()).isEqualByComparingTo(gross);
            BigDecimal rate = familyDoctors.managementRate(r.get("fixmedins_code").asString(), month.getYear() - 1).rate();
            boolean cut = rate != null && rate.compareTo(new BigDecimal("0.60")) < 0;
            assertThat(p.get("cut_applied").asBoolean()).as(r.get("fixmedins_code").asString()).isEqualTo(cut);
            // No evaluation of last year is final: the basis is the computed rate, stored with the payment.
            assertThat(r.get("quota_basis").asString()).isEqualTo("MANAGEMENT_RATE");
            assertThat(r.get("quota_adjustment").decimalValue()).isEqualByComparingTo(cut ? "-0.05" : "0");
            anyCut |= cut;
            BigDecimal net = cut ? gross.subtract(gross.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP)) : gross;
            assertThat(p.get("net").decimalValue()).isEqualByComparingTo(net);
            if (net.signum() != 0) {
                long posting = r.get("ledger_posting_id").asLong();
                assertThat(jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(posting).query(BigDecimal.class)
                        .single()).isEqualByComparingTo("0");
                assertThat(jdbc.sql("select amount from ledger_entry where posting_id = ? and account = 'INSTITUTION_RECEIVABLE'")
                        .param(posting).query(BigDecimal.class).single()).isEqualByComparingTo(net.negate());
                paid++;
            }
        }
        assertThat(postings()).isEqualTo(before + paid);
        assertThat(anyCut).as("a demo centre managed under 60% of its hypertension patients last year").isTrue();

        // Again: nothing is paid twice.
        var again = users.admin().post(base + "/run", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(postings()).isEqualTo(before + paid);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'capitation' and entity_key like ?")
                .param("%/" + month).query(Long.class).single()).isEqualTo(run.json().size());

        String page = users.readOnly().get("/capitation?month=" + month).body();
        assertThat(page).contains("capitation-rows", "已支付").doesNotContain("capitation-run-form");
    }
}
