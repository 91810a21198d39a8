package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's stories through the national interface: 孙伟, referred up by his contracted community centre
 * to the city hospital of his "1+1+1" contract, gets +0.15 on his ratio in place of the +0.05 of an
 * ordinary referral up (DOMAIN §4.2); 王芳, bound to 张敏's account, pays her outpatient drugs from it
 * but never her health check, a non-disease item (R-INS-1, §4.3 step 7). Every settlement is reversed
 * at the end so that the shared demo persons are left as they were.
 */
@IntegrationTest
class FamilyRightsStoryTest {

    static final String ZHANG_MIN = DemoCast.ZHANG_MIN;
    static final String WANG_FANG = DemoCast.WANG_FANG;
    static final String SUN_WEI = DemoCast.SUN_WEI;
    static final String SUN_WEIS_CENTRE = DemoCast.EAST_COMMUNITY_CENTRE;
    static final String CITY_HOSPITAL = DemoCast.FIRST_PEOPLES_HOSPITAL;
    static final String HEALTH_CHECK = "003101000010000";
    static final String DRUG = "XC09CAL100A001010101002";

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private static BigDecimal money(JsonNode s, String field) {
        return s.get(field).decimalValue();
    }

    private BigDecimal balance(String psnNo) {
        return jdbc.sql("select balance from personal_account where psn_no = ?").param(psnNo).query(BigDecimal.class).single();
    }

    private JsonNode outpatient(Visit v, boolean acctUsed, java.util.function.Consumer<Visit> lines) {
        v.register().ok();
        lines.accept(v);
        v.upload("2204").ok();
        JsonNode out = v.settle("2207", "11", acctUsed).ok().output();
        WorkedExamplesGatewayTest.assertIdentities(out.get("setlinfo"), out.get("setldetail"));
        return out.get("setlinfo");
    }

    private static void doctorAndDrug(Visit v) {
        v.line("001101000010000", "1", "25.00").line(DRUG, "2", "36.50");
    }

    @Test
    void sunWeiReferredUpInsideHisOnePlusOnePlusOneContractGetsFifteenPointsMore() {
        Visit control = new Visit(fsi.as(CITY_HOSPITAL), SUN_WEI, "310");
        JsonNode unreferred = outpatient(control, false, FamilyRightsStoryTest::doctorAndDrug);
        BigDecimal base = money(unreferred, "pool_prop_selfpay");

        FsiClient centre = fsi.as(SUN_WEIS_CENTRE);
        String serial = centre.call("2501", Map.of("refmedin", Map.of("psn_no", SUN_WEI, "insutype", "310", "diag_code", "I10.x00",
                        "reflin_medins_no", CITY_HOSPITAL, "refl_type", "3", "hosp_agre_refl_flag", "1", "refl_rea", "血压控制不佳")))
                .ok().output().get("result").get("trt_dcla_detl_sn").asString();
        Visit referred = new Visit(fsi.as(CITY_HOSPITAL), SUN_WEI, "310");
        referred.register().ok();
        assertThat(jdbc.sql("select consumed_by_mdtrt_id from referral where trt_dcla_detl_sn = ?").param(serial).query(String.class).single())
                .isEqualTo(referred.mdtrtId);
        doctorAndDrug(referred);
        referred.upload("2204").ok();
        FsiClient.Reply settled = referred.settle("2207", "11", false).ok();
        JsonNode s = settled.output().get("setlinfo");
        assertThat(money(s, "pool_prop_selfpay")).isEqualByComparingTo(base.add(new BigDecimal("0.15")));
        assertThat(settled.text()).contains("家庭医生1+1+1签约上转").doesNotContain("上转诊");

        referred.reverse("2208", s.get("setl_id").asString()).ok();
        control.reverse("2208", unreferred.get("setl_id").asString()).ok();
    }

    @Test
    void wangFangPaysHerDrugsFromZhangMinsAccountButNeverHerHealthCheck() {
        BigDecimal zhangBefore = balance(ZHANG_MIN);
        Visit v = new Visit(fsi.as(DemoCast.CENTRAL_HOSPITAL), WANG_FANG, "390");
        JsonNode s = outpatient(v, true, visit -> visit.line(DRUG, "2", "36.50").line(HEALTH_CHECK, "1", "300.00"));

        BigDecimal mutualAid = money(s, "acct_mulaid_pay");
        // The health check (丙类, non-disease, not free: 王芳 has no family-doctor contract) stays hers in cash.
        assertThat(money(s, "hosp_part_amt")).isEqualByComparingTo("0.00");
        assertThat(money(s, "psn_cash_pay")).isEqualByComparingTo("300.00");
        assertThat(mutualAid).isPositive().isEqualByComparingTo(money(s, "psn_part_amt").subtract(new BigDecimal("300.00")));
        assertThat(money(s, "acct_pay")).isEqualByComparingTo(mutualAid);
        assertThat(balance(ZHANG_MIN)).isEqualByComparingTo(zhangBefore.subtract(mutualAid));
        assertThat(jdbc.sql("select binder_psn_no || ' ' || amount from settlement_mutual_aid where setl_id = ?")
                .param(s.get("setl_id").asString()).query(String.class).list())
                .containsExactly(ZHANG_MIN + " " + mutualAid.setScale(2));

        v.reverse("2208", s.get("setl_id").asString()).ok();
        assertThat(balance(ZHANG_MIN)).isEqualByComparingTo(zhangBefore);
    }
}
