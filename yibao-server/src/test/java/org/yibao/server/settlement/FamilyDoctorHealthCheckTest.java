package org.yibao.server.settlement;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClients;
import tools.jackson.databind.JsonNode;

/**
 * R-INS-4 and §4.3 step 8 through the national interface (2201, 2204, 2207): 孙伟's yearly health check
 * (健康体检 003101000010000) at his contracted centre is borne by the centre (hosp_part_amt) and costs him
 * nothing; the same check at a hospital of his 1+1+1 contract, or a second one at the centre in the same
 * year, is his to pay. The settlements are reversed at the end, latest first, which gives the free check back.
 */
@IntegrationTest
class FamilyDoctorHealthCheckTest {

    static final String SUN_WEI = "99010000000000000006";
    static final String HEALTH_CHECK = "003101000010000";

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private JsonNode healthCheck(String institution, String price) {
        Visit v = new Visit(fsi.as(institution), SUN_WEI, "310");
        v.register().ok();
        v.line(HEALTH_CHECK, "1", price).upload("2204").ok();
        JsonNode out = v.settle("2207", "11", false).ok().output();
        JsonNode s = out.get("setlinfo");
        WorkedExamplesGatewayTest.assertIdentities(s, out.get("setldetail"));
        visits.add(0, v);
        settlements.add(0, s.get("setl_id").asString());
        return s;
    }

    private final java.util.List<Visit> visits = new java.util.ArrayList<>();
    private final java.util.List<String> settlements = new java.util.ArrayList<>();

    private boolean freeCheckUsed() {
        return jdbc.sql("select coalesce(sum(amount), 0) > 0 from accumulator where psn_no = ? and year = ? and cum_key = 'free_check_used'")
                .params(SUN_WEI, java.time.LocalDate.now(BusinessTime.ZONE).getYear()).query(Boolean.class).single();
    }

    @Test
    void sunWeisYearlyHealthCheckAtHisCentreIsFreeOnceAYear() {
        assertThat(freeCheckUsed()).as("孙伟 has not had his free check this year").isFalse();

        JsonNode atHospital = healthCheck("H99010000002", "300.00");
        WorkedExamplesGatewayTest.assertMoney(atHospital, "hosp_part_amt", "0.00");
        WorkedExamplesGatewayTest.assertMoney(atHospital, "psn_part_amt", "300.00");

        JsonNode free = healthCheck("H99010000003", "300.00");
        WorkedExamplesGatewayTest.assertMoney(free, "medfee_sumamt", "300.00");
        WorkedExamplesGatewayTest.assertMoney(free, "hosp_part_amt", "300.00");
        WorkedExamplesGatewayTest.assertMoney(free, "fund_pay_sumamt", "0.00");
        WorkedExamplesGatewayTest.assertMoney(free, "psn_part_amt", "0.00");
        WorkedExamplesGatewayTest.assertMoney(free, "psn_cash_pay", "0.00");
        WorkedExamplesGatewayTest.assertMoney(free, "acct_pay", "0.00");
        assertThat(free.get("setl_proc_info").asString()).contains("家庭医生签约免费年度体检");
        assertThat(freeCheckUsed()).isTrue();

        JsonNode second = healthCheck("H99010000003", "300.00");
        WorkedExamplesGatewayTest.assertMoney(second, "hosp_part_amt", "0.00");
        WorkedExamplesGatewayTest.assertMoney(second, "psn_part_amt", "300.00");
        WorkedExamplesGatewayTest.assertMoney(second, "psn_cash_pay", "300.00");

        for (int i = 0; i < visits.size(); i++) {
            visits.get(i).reverse("2208", settlements.get(i)).ok();
        }
        assertThat(freeCheckUsed()).as("reversing gives the free check back").isFalse();
    }
}
