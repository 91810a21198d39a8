package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.settlement.WorkedExamplesGatewayTest.assertMoney;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's rights over one policy year (2027) with a moving clock, through the national interface and
 * the staff API: 孙伟's free yearly health check and his changes of designated institution (two a year
 * in 990100, the third refused until the new year), 王芳's recognition and 陈静's referral with their
 * validity dates, and
 * 赵刚's benefit suspension, which refuses settlement until its end date and then lifts by itself.
 */
@ClockControlledTest
class InsuredRightsYearStoryTest {

    static final String HEALTH_CHECK = "003101000010000";
    static final String METFORMIN = "XA10BAE054A001010101001";

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private FsiClient.Reply choose(String institution) {
        return fsi.as(institution).call("2505", Map.of("data", Map.of("psn_no", DemoCast.SUN_WEI, "fixmedins_code", institution)));
    }

    private JsonNode healthCheck() {
        Visit v = new Visit(fsi.as(DemoCast.EAST_COMMUNITY_CENTRE), DemoCast.SUN_WEI, "310");
        v.register().ok();
        v.line(HEALTH_CHECK, "1", "300.00").upload("2204").ok();
        return v.settle("2207", "11", false).ok().output().get("setlinfo");
    }

    private FsiClient.Reply chronicCare() {
        Visit v = new Visit(fsi.as(DemoCast.EAST_COMMUNITY_CENTRE), DemoCast.WANG_FANG, "390");
        v.register().ok();
        v.visitInfo("14", "E11.900").ok();
        v.line(METFORMIN, "6", "42.30").upload("2204").ok();
        return v.settle("2207", "14", false);
    }

    private FsiClient.Reply outpatient(String psnNo, String insutype) {
        Visit v = new Visit(fsi.as(DemoCast.WEST_COMMUNITY_CENTRE), psnNo, insutype);
        v.register().ok();
        v.line("001101000010000", "1", "20.00").upload("2204").ok();
        return v.settle("2207", "11", false);
    }

    private JsonNode insuinfo(String psnNo, String certno) {
        return fsi.as(DemoCast.WEST_COMMUNITY_CENTRE).call("1101", Map.of("data", Map.of("psn_no", psnNo, "mdtrt_cert_type", "02",
                "mdtrt_cert_no", certno))).ok().output();
    }

    /** Staff suspend 赵刚's benefits from today until {@code until} (a new version of his person record). */
    private void suspendZhaoGang(LocalDate until) {
        JsonNode p = users.admin().get("/api/admin/persons/" + DemoCast.ZHAO_GANG).json();
        Map<String, Object> body = new LinkedHashMap<>();
        for (String f : new String[] {"certno", "psn_cert_type", "psn_name", "gend", "brdy", "naty", "insutype", "psn_type",
                "insuplc_admdvs", "residence_admdvs", "emp_name", "cvlserv_flag", "psn_insu_date"}) {
            if (p.hasNonNull(f)) {
                body.put(f, p.get(f).asString());
            }
        }
        body.put("status", "SUSPENDED");
        body.put("status_until", until.toString());
        var changed = users.admin().put("/api/admin/persons/" + DemoCast.ZHAO_GANG, body);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    @Test
    void aPolicyYearOfRights() {
        // 2027-01-04: 孙伟 chooses his community centre (a first choice is not a change) and has his free check there.
        clock.setDay(LocalDate.of(2027, 1, 4));
        choose(DemoCast.EAST_COMMUNITY_CENTRE).ok();
        JsonNode check = healthCheck();
        assertMoney(check, "hosp_part_amt", "300.00");
        assertMoney(check, "psn_part_amt", "0.00");
        // 王芳's diabetes is recognised at the central hospital for the first half of the year.
        Map<String, Object> recognition = new LinkedHashMap<>();
        recognition.put("psn_no", DemoCast.WANG_FANG);
        recognition.put("insutype", "390");
        recognition.put("opsp_dise_code", "E11.900");
        recognition.put("opsp_dise_name", "2型糖尿病");
        recognition.put("ide_fixmedins_no", DemoCast.CENTRAL_HOSPITAL);
        recognition.put("begndate", "2027-01-04");
        recognition.put("enddate", "2027-06-30");
        fsi.as(DemoCast.CENTRAL_HOSPITAL).call("2503", Map.of("data", recognition)).ok();
        // 陈静's centre refers her up to the city hospital for January only.
        String referral = fsi.as(DemoCast.EAST_COMMUNITY_CENTRE).call("2501", Map.of("refmedin", Map.of("psn_no", DemoCast.CHEN_JING,
                        "insutype", "390", "diag_code", "I10.x00", "reflin_medins_no", DemoCast.FIRST_PEOPLES_HOSPITAL, "refl_type", "3",
                        "hosp_agre_refl_flag", "1", "begndate", "2027-01-04", "enddate", "2027-01-31")))
                .ok().output().get("result").get("trt_dcla_detl_sn").asString();

        // 2027-03-01: the first change; 王芳's chronic care is settled at the centre.
        clock.setDay(LocalDate.of(2027, 3, 1));
        choose(DemoCast.CENTRAL_HOSPITAL).ok();
        assertThat(chronicCare().ok().output().get("setlinfo").get("med_type").asString()).isEqualTo("14");
        // 陈静's referral ran out in January: her visit to the city hospital now is not a referred one.
        Visit late = new Visit(fsi.as(DemoCast.FIRST_PEOPLES_HOSPITAL), DemoCast.CHEN_JING, "390");
        assertThat(late.register().ok().warnMsg()).isNull();
        late.line("001101000010000", "1", "25.00").upload("2204").ok();
        assertThat(late.settle("2207", "11", false).ok().text()).doesNotContain("上转诊", "家庭医生1+1+1签约上转");
        assertThat(jdbc.sql("select consumed_by_mdtrt_id from referral where trt_dcla_detl_sn = ?").param(referral)
                .query(String.class).optional().orElse(null)).isNull();

        // 2027-04-01: staff suspend 赵刚 until the end of April; mid-April he is shown suspended and refused.
        clock.setDay(LocalDate.of(2027, 4, 1));
        suspendZhaoGang(LocalDate.of(2027, 4, 30));
        clock.setDay(LocalDate.of(2027, 4, 15));
        JsonNode insu = insuinfo(DemoCast.ZHAO_GANG, "990100196601180417").get("insuinfo").get(0);
        assertThat(insu.get("psn_insu_stas").asString()).isEqualTo("2");
        assertThat(insu.get("paus_insu_date").asString()).isEqualTo("2027-04-30");
        assertThat(outpatient(DemoCast.ZHAO_GANG, "390").refused().errMsg()).contains("待遇暂停", "至 2027-04-30");
        // 2027-05-04: the suspension has ended by itself.
        clock.setDay(LocalDate.of(2027, 5, 4));
        assertThat(insuinfo(DemoCast.ZHAO_GANG, "990100196601180417").get("insuinfo").get(0).get("psn_insu_stas").asString())
                .isEqualTo("1");
        outpatient(DemoCast.ZHAO_GANG, "390").ok();

        // 2027-06-01: the second change.
        clock.setDay(LocalDate.of(2027, 6, 1));
        choose(DemoCast.FIRST_PEOPLES_HOSPITAL).ok();

        // 2027-07-01: 王芳's recognition has run out, so chronic care is refused and the message says how to renew it.
        clock.setDay(LocalDate.of(2027, 7, 1));
        assertThat(chronicCare().refused().errMsg()).contains("2503");

        // 2027-09-01: a third change this year is refused until the new year; a second check this year is his to pay.
        clock.setDay(LocalDate.of(2027, 9, 1));
        assertThat(choose(DemoCast.EAST_COMMUNITY_CENTRE).refused().errMsg()).contains("最多变更 2 次", "2028-01-01 起可再变更");
        assertThat(insuinfo(DemoCast.SUN_WEI, "990100196808110619").get("fixmedinsinfo").get(0).get("fixmedins_code").asString())
                .isEqualTo(DemoCast.FIRST_PEOPLES_HOSPITAL);
        assertMoney(healthCheck(), "psn_part_amt", "300.00");

        // 2028-01-03: a new calendar year: the change is accepted and the yearly check is free again.
        clock.setDay(LocalDate.of(2028, 1, 3));
        choose(DemoCast.EAST_COMMUNITY_CENTRE).ok();
        assertThat(insuinfo(DemoCast.SUN_WEI, "990100196808110619").get("fixmedinsinfo").get(0).get("fixmedins_code").asString())
                .isEqualTo(DemoCast.EAST_COMMUNITY_CENTRE);
        assertMoney(healthCheck(), "psn_part_amt", "0.00");
    }
}
