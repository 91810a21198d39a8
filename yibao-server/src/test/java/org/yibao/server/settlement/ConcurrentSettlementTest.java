package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4 "Concurrency": 200 settlements of one resident at once, paid partly from one mutual-aid
 * binder who settles visits of his own at the same time. No cap and no balance may be overrun: the
 * settlements are serialised per person and binder.
 */
@IntegrationTest
class ConcurrentSettlementTest {

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredConcurrentSettlementsNeverOverrunTheCapOrTheBindersBalance() throws Exception {
        String member = jdbc.sql("""
                        select psn_no from person p where insutype = '390' and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%'
                          and not exists (select 1 from mutual_aid_binding b where b.member_psn_no = p.psn_no)
                          and not exists (select 1 from person_identity i where i.psn_no = p.psn_no)
                        order by psn_no desc limit 1""").query(String.class).single();
        String binder = jdbc.sql("""
                        select p.psn_no from person p join personal_account a on a.psn_no = p.psn_no
                        where p.insutype = '310' and p.insured_admdvs = '990100' and p.valid_to is null and p.status = 'NORMAL'
                          and p.psn_no not like '9901000000000000000%'
                          and not exists (select 1 from mutual_aid_binding b where b.member_psn_no = p.psn_no or b.binder_psn_no = p.psn_no)
                        order by p.psn_no desc limit 1""").query(String.class).single();
        jdbc.sql("""
                        insert into mutual_aid_binding (binder_psn_no, member_psn_no, relation, bound_at, valid_from, valid_to)
                        values (?, ?, 'PARENT', now(), date '2025-01-01', date '2030-12-31')""").params(binder, member).update();
        jdbc.sql("update personal_account set balance = 1000.00 where psn_no = ?").param(binder).update();

        FsiClient centre = fsi.as("H99010000004");
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            Visit v = new Visit(centre, i < 200 ? member : binder, i < 200 ? "390" : "310");
            v.register().ok();
            v.line("001101000010000", "1", "20.00").line("XC09CAL100A001010101002", "2", "36.50").upload("2204").ok();
            visits.add(v);
        }

        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<JsonNode> settled = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (Visit v : visits) {
            futures.add(pool.submit(() -> {
                start.await();
                settled.add(v.settle("2207", "11", true).ok().output().get("setlinfo"));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(settled).hasSize(220);
        BigDecimal memberFund = BigDecimal.ZERO;
        BigDecimal fromBinder = BigDecimal.ZERO;
        for (JsonNode s : settled) {
            WorkedExamplesGatewayTest.assertIdentities(s, centre.call("5203", java.util.Map.of("data", java.util.Map.of(
                    "psn_no", s.get("psn_no").asString(), "setl_id", s.get("setl_id").asString()))).ok().output().get("setldetail"));
            if (s.get("psn_no").asString().equals(member)) {
                memberFund = memberFund.add(s.get("hifp_pay").decimalValue());
                fromBinder = fromBinder.add(s.get("acct_mulaid_pay").decimalValue());
            } else {
                fromBinder = fromBinder.add(s.get("acct_pay").decimalValue());
            }
        }
        // The resident's outpatient cap is 1,000.00 (policy 990100/2026): reached, never passed.
        assertThat(memberFund).isEqualByComparingTo("1000.00");
        BigDecimal accumulated = jdbc.sql("select amount from accumulator where psn_no = ? and cum_key = 'outpatient_fund_paid'"
                        + " and year = ?")
                .params(member, java.time.LocalDate.now(org.yibao.server.platform.BusinessTime.ZONE).getYear()).query(BigDecimal.class).single();
        assertThat(accumulated).isEqualByComparingTo(memberFund);
        // The binder's 1,000.00 was spent exactly once, down to zero and never below.
        BigDecimal balance = jdbc.sql("select balance from personal_account where psn_no = ?").param(binder).query(BigDecimal.class).single();
        assertThat(fromBinder).isEqualByComparingTo("1000.00");
        assertThat(balance).isEqualByComparingTo("0.00");
        BigDecimal entries = jdbc.sql("select coalesce(sum(amount), 0) from personal_account_entry where psn_no = ? and source_type = 'SETTLEMENT'")
                .param(binder).query(BigDecimal.class).single();
        assertThat(entries).isEqualByComparingTo("-1000.00");
        assertThat(jdbc.sql("select count(*) from (select posting_id from ledger_entry group by posting_id having sum(amount) <> 0) x")
                .query(Long.class).single()).isZero();
    }
}
