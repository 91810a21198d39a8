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
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestAgreements;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-PAY-5 through a whole year (2030, used by no other clock test) and its settle-up: the budget counts
 * the county's residents insured on 1 January; the actual is what the funds paid for them anywhere, not
 * for someone insured later; the running forecast; the settle-up only after the year, once, posted to
 * the ledger in balance; only administrators set terms and settle up; bad input changes nothing.
 */
@ClockControlledTest
class CountyBudgetStoryTest {

    static final String BASE = "/api/admin/county-budgets/" + DemoCast.COUNTY_ALLIANCE + "/2030";

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private TestPersons.Registered countyResident(String name, String validFrom) {
        TestPersons persons = new TestPersons(users, jdbc);
        Map<String, Object> body = persons.body(name, LocalDate.of(1960, 3, 4), "390", "1501");
        body.put("insuplc_admdvs", DemoCast.SHIFAN_COUNTY);
        body.put("residence_admdvs", DemoCast.SHIFAN_COUNTY);
        body.put("validFrom", validFrom);
        return persons.register(body);
    }

    /** An inpatient stay settled by 2304; returns what the basic pool, serious illness and large-amount funds paid. */
    private BigDecimal stay(String institution, TestPersons.Registered p) {
        Visit v = new Visit(fsi.as(institution).insuredIn(DemoCast.SHIFAN_COUNTY), p.psnNo(), "390");
        v.admit("21", "K35.800").ok();
        v.line("001103000010000", "10", "60.00").line("XJ01DCT013B002010101003", "20", "55.00").upload("2301").ok();
        v.discharge().ok();
        JsonNode s = v.settle("2304", "21", false).ok().output().get("setlinfo");
        BigDecimal paid = s.get("hifp_pay").decimalValue().add(s.get("hifmi_pay").decimalValue()).add(s.get("hifob_pay").decimalValue());
        assertThat(paid.signum()).as("the stay is paid by the funds").isPositive();
        // A county inside the pooling region shares its fund: the settlement is posted in 990100's ledger.
        assertThat(jdbc.sql("select admdvs from ledger_posting where source_type = 'SETTLEMENT' and source_id = ?")
                .param(s.get("setl_id").asString()).query(String.class).single()).isEqualTo("990100");
        return paid;
    }

    private JsonNode view() {
        var r = users.readOnly().get(BASE);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private long postings() {
        return jdbc.sql("select count(*) from ledger_posting where source_type = 'COUNTY_BUDGET'").query(Long.class).single();
    }

    @Test
    void aYearOfTheCountyBudgetFromTheFirstOfJanuaryToTheSettleUp() {
        clock.setDay(LocalDate.of(2030, 1, 2));
        // SanctionStoryTest (same database) may have terminated the county hospital's agreements in 2026 and
        // re-admitted it for one year only.
        TestAgreements.inForce(users, DemoCast.COUNTY_HOSPITAL, LocalDate.of(2030, 3, 10));
        long enrolledBefore = view().get("residents").asLong();
        TestPersons.Registered a = countyResident("预算测试甲", "2025-01-01");
        TestPersons.Registered b = countyResident("预算测试乙", "2025-01-01");
        TestPersons.Registered late = countyResident("预算测试丙", "2030-02-01");
        // Counted: those insured on 1 January; not one insured from February.
        assertThat(view().get("residents").asLong()).isEqualTo(enrolledBefore + 2);
        assertThat(view().get("terms_set").asBoolean()).isFalse();
        assertThat(view().get("budget").decimalValue()).isEqualByComparingTo(new BigDecimal("1200.00").multiply(BigDecimal.valueOf(enrolledBefore + 2)));

        // Terms: administrators only; bad input named and nothing changed.
        Map<String, Object> terms = Map.of("per_capita", "1.00", "surplus_retained", "0.60", "overspend_fund_share", "0.70");
        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly(), users.anonymous())) {
            assertThat(who.put(BASE + "/terms", terms).status()).isIn(401, 403);
        }
        var bad = users.admin().put(BASE + "/terms", Map.of("per_capita", "-5", "surplus_retained", "1.5", "overspend_fund_share", "0.70"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("per_capita", "surplus_retained");
        assertThat(view().get("terms_set").asBoolean()).isFalse();
        var set = users.admin().put(BASE + "/terms", terms);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        long residents = set.json().get("residents").asLong();
        assertThat(set.json().get("budget").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(residents));

        // Payments for an enrolled resident count inside and outside the community; the late one's do not.
        clock.setDay(LocalDate.of(2030, 3, 10));
        BigDecimal inside = stay(DemoCast.COUNTY_HOSPITAL, a);
        clock.setDay(LocalDate.of(2030, 4, 20));
        BigDecimal outside = stay("H99010000001", b);
        stay(DemoCast.COUNTY_HOSPITAL, late);
        clock.setDay(LocalDate.of(2030, 6, 30));
        JsonNode mid = view();
        BigDecimal actual = inside.add(outside);
        assertThat(mid.get("actual").decimalValue()).isEqualByComparingTo(actual);
        assertThat(mid.get("months")).hasSize(2);
        assertThat(mid.get("months").get(0).get("month").asInt()).isEqualTo(3);
        assertThat(mid.get("months").get(0).get("total").decimalValue()).isEqualByComparingTo(inside);
        // The running forecast on 30 June (day 181 of 365).
        assertThat(mid.get("forecast").decimalValue()).isEqualByComparingTo(
                actual.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(181), 2, java.math.RoundingMode.HALF_UP));

        // Not before the year is over.
        var early = users.admin().post(BASE + "/settle-up", Map.of());
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.body()).contains("not_over");

        clock.setDay(LocalDate.of(2031, 1, 5));
        long before = postings();
        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly())) {
            assertThat(who.post(BASE + "/settle-up", Map.of()).status()).isEqualTo(403);
        }
        assertThat(postings()).isEqualTo(before);
        var settled = users.admin().post(BASE + "/settle-up", Map.of());
        assertThat(settled.status()).as(settled.body()).isEqualTo(200);
        JsonNode r = settled.json().get("settled").get("result");
        // Overspend: the budget is 1.00 per resident; the community bears 30% of the overspend, withheld.
        BigDecimal overspend = actual.subtract(BigDecimal.valueOf(residents));
        BigDecimal communityBears = overspend.multiply(new BigDecimal("0.30")).setScale(2, java.math.RoundingMode.HALF_UP);
        assertThat(r.get("overspend").decimalValue()).isEqualByComparingTo(overspend);
        assertThat(r.get("community_bears").decimalValue()).isEqualByComparingTo(communityBears);
        assertThat(r.get("fund_bears").decimalValue()).isEqualByComparingTo(overspend.subtract(communityBears));
        assertThat(r.get("adjustment").decimalValue()).isEqualByComparingTo(communityBears.negate());

        // One posting in the pooling region's ledger, in balance, charging the lead hospital's receivable.
        assertThat(postings()).isEqualTo(before + 1);
        long posting = settled.json().get("settled").get("ledger_posting_id").asLong();
        assertThat(jdbc.sql("select admdvs from ledger_posting where id = ?").param(posting).query(String.class).single()).isEqualTo("990100");
        assertThat(jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(posting).query(BigDecimal.class).single())
                .isEqualByComparingTo("0");
        assertThat(jdbc.sql("select amount from ledger_entry where posting_id = ? and account = 'INSTITUTION_RECEIVABLE' and sub_account = ?")
                .params(posting, DemoCast.COUNTY_HOSPITAL).query(BigDecimal.class).single()).isEqualByComparingTo(communityBears);

        // Asking again changes nothing; the terms of a settled year stay.
        var again = users.admin().post(BASE + "/settle-up", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("settled").get("ledger_posting_id").asLong()).isEqualTo(posting);
        assertThat(postings()).isEqualTo(before + 1);
        assertThat(users.admin().put(BASE + "/terms", terms).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'county_budget' and entity_key = ?")
                .param(DemoCast.COUNTY_ALLIANCE + "/2030").query(Long.class).single()).isEqualTo(2);

        // The console page: every staff role reads it; only administrators see the forms, and 2031 is not over yet.
        var page = users.readOnly().get("/county-budgets?alliance=" + DemoCast.COUNTY_ALLIANCE + "&year=2030");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("示范县医共体", "id=\"budget-settled\"", "chart-county-budget")
                .doesNotContain("budget-terms-form", "budget-settle-form");
        var next = users.admin().get("/county-budgets?alliance=" + DemoCast.COUNTY_ALLIANCE + "&year=2031");
        assertThat(next.body()).contains("budget-terms-form", "budget-not-over").doesNotContain("budget-settle-form");
        assertThat(users.readOnly().post("/county-budgets/" + DemoCast.COUNTY_ALLIANCE + "/2031/settle-up", Map.of()).status()).isEqualTo(403);
    }
}
