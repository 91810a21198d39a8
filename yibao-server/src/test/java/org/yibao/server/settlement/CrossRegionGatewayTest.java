package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClients;
import tools.jackson.databind.JsonNode;

/**
 * Multi-region from the start (issue 4; DOMAIN R-XR-2/R-XR-3): the treatment region's catalogue, the
 * insured region's policy and ledger, the filing's band; an unfiled non-emergency visit refused with
 * what to do.
 */
@IntegrationTest
class CrossRegionGatewayTest {

    static final String ZHOU_TING = "99010000000000000007";

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aResettledRetireeSettlesInYuanshanUnderHerHomePolicyWithTheLongTermBand() {
        BigDecimal before = jdbc.sql("select balance from personal_account where psn_no = ?").param(ZHOU_TING)
                .query(BigDecimal.class).single();
        Visit v = new Visit(fsi.as("H98010000001"), ZHOU_TING, "310");
        v.register().ok();
        // 980100's catalogue caps the consultation at 25.00 (990100: 20.00): nothing above the cap here.
        v.line("001101000010000", "1", "25.00").upload("2204").ok();
        assertThat(v.uploadResult.get(0).get("overlmt_amt").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode s = v.settle("2207", "11", true).ok().output().get("setlinfo");
        // 990100's retiree terms at level 3: ratio 0.70, long-term filing band 0.
        assertThat(s.get("pool_prop_selfpay").decimalValue()).isEqualByComparingTo("0.70");
        assertThat(s.get("clr_optins").asString()).isEqualTo("990100");
        String setlId = s.get("setl_id").asString();
        assertThat(jdbc.sql("select insured_admdvs || '/' || treatment_admdvs from settlement where setl_id = ?").param(setlId)
                .query(String.class).single()).isEqualTo("990100/980100");
        // R-XR-4: posted in both regions' ledgers, each in balance: 990100's payable, 980100's receivable.
        assertThat(jdbc.sql("select source_type || '/' || admdvs from ledger_posting where source_id = ? order by id").param(setlId)
                .query(String.class).list()).containsExactly("SETTLEMENT/990100", "XR_SETTLEMENT/980100");
        BigDecimal owed = s.get("fund_pay_sumamt").decimalValue().add(s.get("acct_pay").decimalValue());
        assertThat(jdbc.sql("""
                        select e.amount from ledger_entry e join ledger_posting p on p.id = e.posting_id
                        where p.source_id = ? and e.account = 'XR_PAYABLE' and e.sub_account = '980100'""")
                .param(setlId).query(BigDecimal.class).single()).isEqualByComparingTo(owed.negate());
        assertThat(jdbc.sql("""
                        select e.amount from ledger_entry e join ledger_posting p on p.id = e.posting_id
                        where p.source_id = ? and e.account = 'XR_RECEIVABLE' and e.sub_account = '990100'""")
                .param(setlId).query(BigDecimal.class).single()).isEqualByComparingTo(owed);
        v.reverse("2208", setlId).ok();
        // The reversal mirrors both postings.
        assertThat(jdbc.sql("""
                        select count(*) from ledger_posting r join ledger_posting o on o.id = r.reverses_posting_id
                        where o.source_id = ?""").param(setlId).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select balance from personal_account where psn_no = ?").param(ZHOU_TING)
                .query(BigDecimal.class).single()).isEqualByComparingTo(before);
    }

    @Test
    void anUnfiledVisitToAnotherProvinceIsRefusedWithHowToFile() {
        Visit v = new Visit(fsi.as("H98010000001"), "99010000000000000001", "310");
        v.register().ok();
        v.line("001101000010000", "1", "25.00").upload("2204").ok();
        assertThat(v.settle("2207", "11", true).refused().errMsg()).contains("备案");
        assertThat(jdbc.sql("select count(*) from settlement where mdtrt_id = ?").param(v.mdtrtId).query(Long.class).single()).isZero();
    }
}
