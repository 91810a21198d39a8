package org.yibao.server.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoHistory;

/**
 * The demo history (R-DEMO, DOMAIN §2) written in the background over the small test world: every
 * pooling region has 2023–2025, every settlement satisfies the §5 identities, the accumulators and the
 * ledger add up, inpatient stays have valid case records, and generation is deterministic and
 * resumable. Reads only, apart from re-running finished steps (which must write nothing).
 */
@IntegrationTest
class DemoHistoryTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoHistory history;

    @Autowired
    DemoHistoryRunner runner;

    @Autowired
    org.yibao.server.support.TestUsers users;

    private static final String HISTORY = "medins_setl_id like 'demo-history:%'";

    @BeforeEach
    void historyIsWritten() throws InterruptedException {
        org.yibao.server.support.DemoHistoryWritten.await(history);
    }

    @Test
    void everyPoolingRegionHasSettlementsInEachOfTheThreeYears() {
        List<String> covered = jdbc.sql("select distinct insured_admdvs || '/' || year from settlement where " + HISTORY + " order by 1")
                .query(String.class).list();
        assertThat(covered).containsExactly("980100/2023", "980100/2024", "980100/2025", "990100/2023", "990100/2024",
                "990100/2025", "990200/2023", "990200/2024", "990200/2025");
        assertThat(history.progress().unitsDone()).isEqualTo(9);
        assertThat(history.progress().settlements())
                .isEqualTo(jdbc.sql("select count(*) from settlement where " + HISTORY).query(Long.class).single());
        // Both kinds, and the county's institutions are part of 990100.
        assertThat(jdbc.sql("select count(distinct kind) from visit where created_msgid = 'demo-history'").query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("""
                        select count(*) from settlement s join institution i on i.fixmedins_code = s.fixmedins_code
                        where s.medins_setl_id like 'demo-history:%' and i.admdvs = '990121'""").query(Long.class).single())
                .isPositive();
    }

    @Test
    void historyLeavesTheNamedCastAndTodayAlone() {
        assertThat(jdbc.sql("select count(*) from settlement where " + HISTORY + " and substr(psn_no, 7)::bigint < 1000")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from settlement where " + HISTORY + " and (year not between 2023 and 2025 or extract(year from setl_time) <> year)")
                .query(Long.class).single()).isZero();
        // No personal account moved: history pays no account.
        assertThat(jdbc.sql("select count(*) from settlement where " + HISTORY + " and acct_pay <> 0").query(Long.class).single()).isZero();
    }

    @Test
    void everyHistoricalSettlementSatisfiesTheSettlementIdentities() {
        long broken = jdbc.sql("""
                        select count(*) from settlement s where s.medins_setl_id like 'demo-history:%' and not (
                            s.medfee_sumamt = s.fulamt_ownpay_amt + s.overlmt_selfpay + s.preselfpay_amt + s.inscp_scp_amt
                            and s.fund_pay_sumamt = s.hifp_pay + s.cvlserv_pay + s.hifes_pay + s.hifmi_pay + s.hifob_pay + s.maf_pay + s.oth_pay
                            and s.psn_part_amt = s.medfee_sumamt - s.fund_pay_sumamt - s.hosp_part_amt
                            and s.psn_part_amt = s.acct_pay + s.psn_cash_pay
                            and s.medfee_sumamt = (select sum(f.det_item_fee_sumamt) from fee_line f where f.setl_id = s.setl_id)
                            and s.fund_pay_sumamt = (select coalesce(sum(d.fund_payamt), 0) from settlement_fund d
                                                     where d.setl_id = s.setl_id and d.fund_pay_type not in ('310200', '999996')))""")
                .query(Long.class).single();
        assertThat(broken).isZero();
        assertThat(jdbc.sql("select count(*) from settlement where " + HISTORY + " and fund_pay_sumamt > 0").query(Long.class).single())
                .isPositive();
    }

    @Test
    void accumulatorsOfHistoryYearsEqualTheSumOfTheirSettlements() {
        long differing = jdbc.sql("""
                        with recomputed as (
                            select s.psn_no, s.insured_admdvs admdvs, s.year, a.cum_key, sum(a.amount) amount
                            from settlement_accumulation a join settlement s on s.setl_id = a.setl_id
                            where s.year between 2023 and 2025 group by 1, 2, 3, 4)
                        select count(*) from recomputed r full join (select * from accumulator where year between 2023 and 2025 and amount <> 0) c
                          on c.psn_no = r.psn_no and c.admdvs = r.admdvs and c.year = r.year and c.cum_key = r.cum_key
                        where c.amount is distinct from r.amount""")
                .query(Long.class).single();
        assertThat(differing).isZero();
        assertThat(jdbc.sql("select count(*) from accumulator where year = 2024").query(Long.class).single()).isPositive();
    }

    @Test
    void everyLedgerPostingBalancesAndEverySettlementHasOne() {
        assertThat(jdbc.sql("select count(*) from (select posting_id from ledger_entry group by posting_id having sum(amount) <> 0) x")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from settlement s where s.medins_setl_id like 'demo-history:%'
                          and (select count(*) from ledger_posting p where p.source_type = 'SETTLEMENT' and p.source_id = s.setl_id) <> 1""")
                .query(Long.class).single()).isZero();
        // The institution's receivable is credited with exactly the medical fees.
        assertThat(jdbc.sql("""
                        select count(*) from settlement s join ledger_posting p on p.source_type = 'SETTLEMENT' and p.source_id = s.setl_id
                        where s.medins_setl_id like 'demo-history:%' and -s.medfee_sumamt <> (select coalesce(sum(e.amount), 0) from ledger_entry e
                            where e.posting_id = p.id and e.account = 'INSTITUTION_RECEIVABLE')""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void everyInpatientSettlementHasACaseRecordWithKnownCodes() {
        long inpatient = jdbc.sql("select count(*) from settlement where " + HISTORY + " and clr_type = '21'").query(Long.class).single();
        assertThat(inpatient).isPositive();
        assertThat(jdbc.sql("""
                        select count(*) from settlement s join case_record c on c.setl_id = s.setl_id and c.mdtrt_id = s.mdtrt_id
                        where s.medins_setl_id like 'demo-history:%' and s.clr_type = '21'""").query(Long.class).single())
                .isEqualTo(inpatient);
        assertThat(jdbc.sql("""
                        select count(*) from case_record c, jsonb_array_elements(c.record -> 'diseinfo') d
                        where c.uploaded_msgid = 'demo-history' and not exists (select 1 from disease x where x.code = d ->> 'diag_code')""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from case_record c, jsonb_array_elements(c.record -> 'oprninfo') o
                        where c.uploaded_msgid = 'demo-history' and not exists (select 1 from procedure_code x where x.code = o ->> 'oprn_oprt_code')""")
                .query(Long.class).single()).isZero();
        // The main diagnosis comes first, and stays are dated and counted.
        assertThat(jdbc.sql("""
                        select count(*) from case_record c where c.uploaded_msgid = 'demo-history' and (
                            c.record -> 'diseinfo' -> 0 ->> 'maindiag_flag' <> '1'
                            or (c.record -> 'setlinfo' ->> 'act_ipt_days')::int < 1
                            or c.record -> 'setlinfo' ->> 'adm_time' is null or c.record -> 'setlinfo' ->> 'dscg_way' is null)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from case_record where uploaded_msgid = 'demo-history' and jsonb_array_length(record -> 'oprninfo') > 0")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        List<HistoryGenerator.HistoryPerson> persons = runner.persons("990200", "", 200);
        HistoryGenerator.Batch first = runner.generator("990200", 2024).generate(persons, Map.of());
        HistoryGenerator.Batch second = runner.generator("990200", 2024).generate(persons, Map.of());
        assertThat(second.settlements()).isEqualTo(first.settlements());
        assertThat(second.cases()).isEqualTo(first.cases());
        assertThat(first.settlements()).isNotEmpty();
        // And it is what was stored for those persons.
        String last = persons.get(persons.size() - 1).psnNo();
        var stored = jdbc.sql("""
                        select count(*), coalesce(sum(medfee_sumamt), 0) from settlement
                        where medins_setl_id like 'demo-history:%' and insured_admdvs = '990200' and year = 2024 and psn_no <= ?""")
                .param(last).query((rs, n) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)}).single();
        assertThat(stored[0]).isEqualTo((long) first.settlements().size());
        assertThat((java.math.BigDecimal) stored[1]).isEqualByComparingTo(first.medfeeSum().toBigDecimal());
    }

    @Test
    void runningAFinishedRegionYearAgainWritesNothing() {
        long before = jdbc.sql("select count(*) from settlement where " + HISTORY).query(Long.class).single();
        long postings = jdbc.sql("select count(*) from ledger_posting").query(Long.class).single();
        assertThat(runner.step("990100", 2023)).isFalse();
        runner.plan();
        assertThat(runner.step("980100", 2025)).isFalse();
        assertThat(jdbc.sql("select count(*) from settlement where " + HISTORY).query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from demo_history_progress").query(Long.class).single()).isEqualTo(9);
        // Live settlements may post meanwhile; none of the new postings is history.
        assertThat(jdbc.sql("select count(*) from ledger_posting where id > ? and memo like '%（历史）'").param(postings)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theDashboardSaysTheHistoryIsDone() {
        String page = users.readOnly().get("/").body();
        assertThat(page).contains("id=\"demo-history\"").contains("data-state=\"DONE\"")
                .contains("历史数据已生成").doesNotContain("??dashboard.history");
    }
}
