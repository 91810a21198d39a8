package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-INS-1 through the staff API and the national interface: a member with two binders is paid by them
 * in binding order (the first until its balance is spent, then the second), and an unbinding is
 * immediate: the next settlement no longer touches that account.
 */
@IntegrationTest
class MutualAidOrderTest {

    @Autowired
    TestUsers users;
    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private JsonNode settle(String psnNo) {
        Visit v = new Visit(fsi.as(DemoCast.WEST_COMMUNITY_CENTRE), psnNo, "390");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").line("XC09CAL100A001010101002", "4", "36.50").upload("2204").ok();
        return v.settle("2207", "11", true).ok().output().get("setlinfo");
    }

    private List<String> paidBy(JsonNode setlinfo) {
        return jdbc.sql("select binder_psn_no || ' ' || amount || ' ' || balance_after from settlement_mutual_aid where setl_id = ?"
                        + " order by balance_after desc").param(setlinfo.get("setl_id").asString()).query(String.class).list();
    }

    private long bind(TestPersons.Registered binder, TestPersons.Registered member, String relation) {
        var r = users.clerk().post("/api/admin/persons/" + binder.psnNo() + "/mutual-aid",
                Map.of("certno", member.certno(), "psn_name", member.name(), "relation", relation));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void twoBindersPayInBindingOrderAndAnUnbindingIsImmediate() {
        TestPersons persons = new TestPersons(users, jdbc);
        TestPersons.Registered mother = persons.employee("共济母亲", LocalDate.of(1980, 4, 2), "10.00");
        TestPersons.Registered father = persons.employee("共济父亲", LocalDate.of(1979, 8, 9), "500.00");
        TestPersons.Registered child = persons.resident("共济孩子", LocalDate.of(2012, 5, 20));
        bind(mother, child, "CHILD");
        long fathers = bind(father, child, "CHILD");

        JsonNode first = settle(child.psnNo());
        BigDecimal aid = first.get("acct_mulaid_pay").decimalValue();
        assertThat(aid).isGreaterThan(new BigDecimal("10.00"));
        // The mother, bound first, pays all she has; the father pays the rest.
        assertThat(paidBy(first)).containsExactly(
                father.psnNo() + " " + aid.subtract(new BigDecimal("10.00")).setScale(2) + " "
                        + new BigDecimal("500.00").subtract(aid.subtract(new BigDecimal("10.00"))).setScale(2),
                mother.psnNo() + " 10.00 0.00");
        assertThat(first.get("psn_cash_pay").decimalValue()).isEqualByComparingTo("0.00");

        var unbound = users.clerk().delete("/api/admin/persons/" + father.psnNo() + "/mutual-aid/" + fathers);
        assertThat(unbound.status()).as(unbound.body()).isBetween(200, 204);
        String fatherBalance = jdbc.sql("select balance::text from personal_account where psn_no = ?").param(father.psnNo())
                .query(String.class).single();
        JsonNode second = settle(child.psnNo());
        assertThat(second.get("acct_mulaid_pay").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(second.get("psn_cash_pay").decimalValue()).isEqualByComparingTo(second.get("psn_part_amt").decimalValue());
        assertThat(paidBy(second)).isEmpty();
        assertThat(jdbc.sql("select balance::text from personal_account where psn_no = ?").param(father.psnNo())
                .query(String.class).single()).isEqualTo(fatherBalance);
    }

    /**
     * A settlement guesses whom to lock from the facts remembered at registration and upload, and reads their balances
     * in its first round trip; a binding or unbinding made after the upload changes whom the settlement really uses.
     */
    @Test
    void aBindingOrUnbindingBetweenUploadAndSettlementIsWhatTheSettlementUses() {
        TestPersons persons = new TestPersons(users, jdbc);
        TestPersons.Registered mother = persons.employee("共济母亲乙", LocalDate.of(1950, 1, 2), "300.00");
        TestPersons.Registered son = persons.resident("共济儿子乙", LocalDate.of(2015, 3, 4));

        Visit v = new Visit(fsi.as(DemoCast.WEST_COMMUNITY_CENTRE), son.psnNo(), "390");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").line("XC09CAL100A001010101002", "4", "36.50").upload("2204").ok();
        long binding = bind(mother, son, "CHILD");
        JsonNode bound = v.settle("2207", "11", true).ok().output().get("setlinfo");
        BigDecimal aid = bound.get("acct_mulaid_pay").decimalValue();
        assertThat(aid).isPositive();
        assertThat(paidBy(bound)).containsExactly(mother.psnNo() + " " + aid.setScale(2) + " "
                + new BigDecimal("300.00").subtract(aid).setScale(2));

        Visit w = new Visit(fsi.as(DemoCast.WEST_COMMUNITY_CENTRE), son.psnNo(), "390");
        w.register().ok();
        w.line("001101000010000", "1", "20.00").upload("2204").ok();
        var unbound = users.clerk().delete("/api/admin/persons/" + mother.psnNo() + "/mutual-aid/" + binding);
        assertThat(unbound.status()).as(unbound.body()).isBetween(200, 204);
        JsonNode after = w.settle("2207", "11", true).ok().output().get("setlinfo");
        assertThat(after.get("acct_mulaid_pay").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(paidBy(after)).isEmpty();
        assertThat(jdbc.sql("select balance::text from personal_account where psn_no = ?").param(mother.psnNo())
                .query(String.class).single()).isEqualTo(new BigDecimal("300.00").subtract(aid).setScale(2).toPlainString());
    }
}
