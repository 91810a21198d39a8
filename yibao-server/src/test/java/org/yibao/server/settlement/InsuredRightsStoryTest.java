package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.settlement.WorkedExamplesGatewayTest.assertMoney;

import java.util.LinkedHashMap;
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
 * Filings made through the national interface change what settlement does: a chronic recognition
 * filed by one hospital (2503) lets a community centre settle chronic care (R-INS-3), and a referral
 * filed by the sending institution (2501) is consumed by the receiving one and raises the ratio (R-INS-5).
 */
@IntegrationTest
class InsuredRightsStoryTest {

    private static final String CENTRAL_HOSPITAL = "H99010000002"; // level 2
    private static final String EAST_CENTRE = "H99010000003";      // level 1, same alliance

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    @Test
    void wangFangsDiabetesRecognisedAtTheHospitalIsSettledAsChronicCareAtTheCommunityCentre() {
        String wangFang = DemoCast.WANG_FANG;
        assertThat(jdbc.sql("select count(*) from chronic_recognition where psn_no = ? and cancelled_at is null").param(wangFang)
                .query(Long.class).single()).as("the demo world recognises no chronic disease of 王芳").isZero();
        FsiClient centre = fsi.as(EAST_CENTRE);
        Visit v = new Visit(centre, wangFang, "390");
        v.register().ok();
        v.visitInfo("14", "E11.900").ok();
        v.line("XA10BAE054A001010101001", "6", "42.30").upload("2204").ok();
        // Without a recognition, chronic care cannot be settled.
        assertThat(v.settle("2207", "14", false).refused().errMsg()).contains("2503");

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("psn_no", wangFang);
        data.put("insutype", "390");
        data.put("opsp_dise_code", "E11.900");
        data.put("opsp_dise_name", "2型糖尿病");
        data.put("ide_fixmedins_no", CENTRAL_HOSPITAL);
        data.put("diag_dr_name", "内分泌科医生");
        String serial = fsi.as(CENTRAL_HOSPITAL).call("2503", Map.of("data", data)).ok().output().get("result")
                .get("trt_dcla_detl_sn").asString();

        FsiClient.Reply settled = v.settle("2207", "14", false).ok();
        JsonNode s = settled.output().get("setlinfo");
        assertMoney(s, "medfee_sumamt", "253.80");
        assertMoney(s, "act_pay_dedc", "0.00");
        assertThat(s.get("pool_prop_selfpay").decimalValue()).isEqualByComparingTo("0.60");
        assertMoney(s, "hifp_pay", "152.28");
        assertThat(s.get("med_type").asString()).isEqualTo("14");

        // Leave the fixture as it was: reverse, cancel the visit, cancel the recognition.
        v.reverse("2208", s.get("setl_id").asString()).ok();
        centre.call("2202", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "psn_no", wangFang))).ok();
        fsi.as(CENTRAL_HOSPITAL).call("2504", Map.of("data", Map.of("trt_dcla_detl_sn", serial, "psn_no", wangFang))).ok();
        assertThat(jdbc.sql("select count(*) from accumulator where psn_no = ? and amount <> 0").param(wangFang).query(Long.class).single())
                .isZero();
    }

    @Test
    void aReferralFiledBy2501IsConsumedByTheReceivingRegistrationAndExplainedInItsSettlement() {
        String psn = jdbc.sql("""
                        select psn_no from person p where insutype = '390' and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%'
                          and not exists (select 1 from mutual_aid_binding b where b.member_psn_no = p.psn_no)
                          and not exists (select 1 from person_identity i where i.psn_no = p.psn_no)
                          and not exists (select 1 from chronic_recognition c where c.psn_no = p.psn_no)
                        order by psn_no desc limit 1 offset 120""").query(String.class).single();
        FsiClient centre = fsi.as(EAST_CENTRE);
        String serial = centre.call("2501", Map.of("refmedin", Map.of("psn_no", psn, "insutype", "390", "diag_code", "I10.x00",
                "reflin_medins_no", CENTRAL_HOSPITAL, "refl_type", "3", "refl_rea", "血压控制不佳"))).ok().output().get("result")
                .get("trt_dcla_detl_sn").asString();

        // A registration refused (the insurance type is not the person's) leaves the referral unused.
        assertThat(new Visit(fsi.as(CENTRAL_HOSPITAL), psn, "310").register().refused().errMsg()).contains("insutype");
        assertThat(jdbc.sql("select consumed_by_mdtrt_id from referral where trt_dcla_detl_sn = ?").param(serial).query(String.class)
                .optional()).isEmpty();
        Visit v = new Visit(fsi.as(CENTRAL_HOSPITAL), psn, "390");
        // The registration's reply tells the HIS which referral it used.
        assertThat(v.register().ok().warnMsg()).contains("转诊备案 " + serial, EAST_CENTRE, "上转门诊");
        assertThat(jdbc.sql("select consumed_by_mdtrt_id from referral where trt_dcla_detl_sn = ?").param(serial).query(String.class).single())
                .isEqualTo(v.mdtrtId);
        // Used by a visit: the sender cannot cancel it, and is told which visit to cancel first.
        assertThat(centre.call("2502", Map.of("data", Map.of("trt_dcla_detl_sn", serial, "psn_no", psn))).refused().errMsg())
                .contains(v.mdtrtId, "2202");
        v.line("001101000010000", "1", "20.00").line("002101000010000", "1", "220.00").upload("2204").ok();
        FsiClient.Reply settled = v.settle("2207", "11", false).ok();
        JsonNode s = settled.output().get("setlinfo");
        // Resident at level 2: 0.60, plus 0.05 for the referral up from the community centre.
        assertThat(s.get("pool_prop_selfpay").decimalValue()).isEqualByComparingTo("0.65");
        assertThat(settled.text()).contains("上转诊");

        v.reverse("2208", s.get("setl_id").asString()).ok();
        fsi.as(CENTRAL_HOSPITAL).call("2202", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "psn_no", psn))).ok();
        // The cancelled visit frees the referral: now the sender can withdraw it.
        centre.call("2502", Map.of("data", Map.of("trt_dcla_detl_sn", serial, "psn_no", psn))).ok();
    }
}
