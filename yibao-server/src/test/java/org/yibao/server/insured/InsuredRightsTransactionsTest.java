package org.yibao.server.insured;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Conformance of the insured persons' filings through the national interface: 2501/2502 referrals
 * (R-INS-5), 2503/2504 chronic recognitions (R-INS-3), 2505/2506 designated institutions (R-INS-2).
 * Every refusal is specific and changes nothing; an institution cancels only what it filed.
 */
@IntegrationTest
class InsuredRightsTransactionsTest {

    // The demo world's institutions (DemoCast): levels 3, 2, 1 in the city alliance; level 1 outside it; a pharmacy.
    private static final String FIRST_HOSPITAL = DemoCast.FIRST_PEOPLES_HOSPITAL;
    private static final String CENTRAL_HOSPITAL = DemoCast.CENTRAL_HOSPITAL;
    private static final String EAST_CENTRE = DemoCast.EAST_COMMUNITY_CENTRE;
    private static final String WEST_CENTRE = DemoCast.WEST_COMMUNITY_CENTRE;
    private static final String PHARMACY = DemoCast.DEMO_PHARMACY;

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DesignatedInstitutions designatedInstitutions;

    /** Residents of the generated population no other test uses. */
    private String resident(int offset) {
        return jdbc.sql("""
                        select psn_no from person p where insutype = '390' and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%'
                        order by psn_no desc limit 1 offset ?""").param(100 + offset).query(String.class).single();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String rows(String table, String psnNo) {
        return jdbc.sql("select count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) from " + table + " x where psn_no = ?")
                .param(psnNo).query(String.class).single();
    }

    private static Map<String, Object> referral(String psnNo, String to, String reflType) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("psn_no", psnNo);
        r.put("insutype", "390");
        r.put("diag_code", "I10.x00");
        r.put("diag_name", "高血压");
        r.put("reflin_medins_no", to);
        r.put("refl_type", reflType);
        r.put("refl_rea", "需上级医院诊治");
        return r;
    }

    private static String serial(FsiClient.Reply reply) {
        return reply.ok().output().get("result").get("trt_dcla_detl_sn").asString();
    }

    // ---- 2501 / 2502 referral ----

    @Test
    void aReferralInsideTheAllianceIsFiledWithDefaultDatesAndCancelledBySender() {
        String psn = resident(0);
        FsiClient centre = fsi.as(EAST_CENTRE);
        String sn = serial(centre.call("2501", Map.of("refmedin", referral(psn, CENTRAL_HOSPITAL, "3"))));

        Map<String, Object> row = jdbc.sql("select from_fixmedins_code, to_fixmedins_code, refl_type, diag_code, begndate, enddate, "
                + "hosp_agre_refl_flag, channel, cancelled_at from referral where trt_dcla_detl_sn = ?").param(sn).query().singleRow();
        assertThat(row).containsEntry("from_fixmedins_code", EAST_CENTRE).containsEntry("to_fixmedins_code", CENTRAL_HOSPITAL)
                .containsEntry("refl_type", "3").containsEntry("diag_code", "I10.x00").containsEntry("hosp_agre_refl_flag", false)
                .containsEntry("channel", "FSI");
        assertThat(row.get("begndate").toString()).isEqualTo(today().toString());
        assertThat(row.get("enddate").toString()).isEqualTo(today().plusDays(90).toString());

        centre.call("2502", Map.of("data", Map.of("trt_dcla_detl_sn", sn, "psn_no", psn, "memo", "患者放弃转诊"))).ok();
        assertThat(jdbc.sql("select cancelled_at is not null and cancel_memo = '患者放弃转诊' from referral where trt_dcla_detl_sn = ?")
                .param(sn).query(Boolean.class).single()).isTrue();
        assertThat(centre.call("2502", Map.of("data", Map.of("trt_dcla_detl_sn", sn, "psn_no", psn))).refused().errMsg())
                .contains("已撤销");
    }

    @Test
    void referralsBreakingARuleAreRefusedSpecificallyAndStoreNothing() {
        String psn = resident(1);
        FsiClient centre = fsi.as(EAST_CENTRE);
        String before = rows("referral", psn);

        assertThat(centre.call("2501", Map.of("refmedin", referral(psn, EAST_CENTRE, "1"))).refused().errMsg())
                .contains("refmedin.reflin_medins_no", "转入机构不能是本机构");
        // 城东 is in the city alliance, 城西 in none: only with the hospital's agreement.
        assertThat(centre.call("2501", Map.of("refmedin", referral(psn, WEST_CENTRE, "2"))).refused().errMsg())
                .contains("不在同一医联体", "hosp_agre_refl_flag=1");
        assertThat(centre.call("2501", Map.of("refmedin", referral(psn, "H99010009999", "1"))).refused().errMsg())
                .contains("转入机构 H99010009999 不存在");
        assertThat(centre.call("2501", Map.of("refmedin", referral(psn, PHARMACY, "1"))).refused().errMsg()).contains("药店");
        Map<String, Object> backwards = referral(psn, CENTRAL_HOSPITAL, "1");
        backwards.put("begndate", today().plusDays(10).toString());
        backwards.put("enddate", today().plusDays(5).toString());
        assertThat(centre.call("2501", Map.of("refmedin", backwards)).refused().errMsg())
                .contains("refmedin.enddate", "早于开始日期");
        assertThat(centre.call("2501", Map.of("refmedin", referral(psn, CENTRAL_HOSPITAL, "4"))).refused().errMsg())
                .contains("refmedin.refl_type", "1、2、3");
        assertThat(centre.call("2501", Map.of("refmedin", referral("99010000000000009999", CENTRAL_HOSPITAL, "1"))).refused().errMsg())
                .contains("refmedin.psn_no", "不存在");
        assertThat(fsi.as(PHARMACY).call("2501", Map.of("refmedin", referral(psn, CENTRAL_HOSPITAL, "1"))).refused().errMsg())
                .contains("定点零售药店不能办理转院备案");
        assertThat(rows("referral", psn)).isEqualTo(before);

        // With the hospital's agreement the same referral outside the alliance is valid.
        Map<String, Object> agreed = referral(psn, WEST_CENTRE, "2");
        agreed.put("hosp_agre_refl_flag", "1");
        String sn = serial(centre.call("2501", Map.of("refmedin", agreed)));
        assertThat(jdbc.sql("select hosp_agre_refl_flag from referral where trt_dcla_detl_sn = ?").param(sn).query(Boolean.class).single())
                .isTrue();
        centre.call("2502", Map.of("data", Map.of("trt_dcla_detl_sn", sn, "psn_no", psn))).ok();
    }

    @Test
    void anotherInstitutionCannotCancelAReferralAndLearnsNothing() {
        String psn = resident(2);
        String sn = serial(fsi.as(EAST_CENTRE).call("2501", Map.of("refmedin", referral(psn, CENTRAL_HOSPITAL, "3"))));
        String before = rows("referral", psn);
        String name = jdbc.sql("select name from person where psn_no = ? and valid_to is null").param(psn).query(String.class).single();
        // Neither the receiving hospital nor a stranger: both are told it does not exist.
        for (String other : List.of(CENTRAL_HOSPITAL, WEST_CENTRE)) {
            FsiClient.Reply r = fsi.as(other).call("2502", Map.of("data", Map.of("trt_dcla_detl_sn", sn, "psn_no", psn))).refused();
            assertThat(r.errMsg()).contains("不存在").doesNotContain(name, CENTRAL_HOSPITAL);
        }
        assertThat(fsi.as(EAST_CENTRE).call("2502", Map.of("data", Map.of("trt_dcla_detl_sn", "R0000", "psn_no", psn))).refused()
                .errMsg()).contains("不存在");
        assertThat(rows("referral", psn)).isEqualTo(before);
        fsi.as(EAST_CENTRE).call("2502", Map.of("data", Map.of("trt_dcla_detl_sn", sn, "psn_no", psn))).ok();
    }

    // ---- 2503 / 2504 chronic recognition ----

    private static Map<String, Object> recognition(String psnNo, String code) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("psn_no", psnNo);
        d.put("insutype", "390");
        d.put("opsp_dise_code", code);
        d.put("opsp_dise_name", "");
        d.put("hosp_ide_date", today().toString());
        d.put("diag_dr_codg", "D001");
        d.put("diag_dr_name", "李医生");
        return d;
    }

    @Test
    void aRecognitionIsStoredWithTheInstitutionAndOneYearAndCancelledOnlyByIt() {
        String psn = resident(3);
        FsiClient hospital = fsi.as(CENTRAL_HOSPITAL);
        String sn = serial(hospital.call("2503", Map.of("data", recognition(psn, "E11.900"))));
        Map<String, Object> row = jdbc.sql("select dise_key, dise_codg, fixmedins_code, begin_date, end_date, channel, cancelled_at "
                + "from chronic_recognition where trt_dcla_detl_sn = ?").param(sn).query().singleRow();
        assertThat(row).containsEntry("dise_key", "E11").containsEntry("dise_codg", "E11.900").containsEntry("fixmedins_code", CENTRAL_HOSPITAL)
                .containsEntry("channel", "FSI").containsEntry("cancelled_at", null);
        assertThat(row.get("begin_date").toString()).isEqualTo(today().toString());
        assertThat(row.get("end_date").toString()).isEqualTo(today().plusYears(1).minusDays(1).toString());
        String before = rows("chronic_recognition", psn);

        // A second valid recognition of the same disease key is refused, even with another code of it.
        assertThat(fsi.as(FIRST_HOSPITAL).call("2503", Map.of("data", recognition(psn, "E11.000"))).refused().errMsg())
                .contains("已有有效的 E11", "不能重复认定", "2504");
        // Another institution cannot cancel it and is told it does not exist.
        assertThat(fsi.as(FIRST_HOSPITAL).call("2504", Map.of("data", Map.of("trt_dcla_detl_sn", sn, "psn_no", psn))).refused().errMsg())
                .contains("不存在");
        assertThat(rows("chronic_recognition", psn)).isEqualTo(before);

        hospital.call("2504", Map.of("data", Map.of("trt_dcla_detl_sn", sn, "psn_no", psn, "memo", "误录"))).ok();
        assertThat(jdbc.sql("select cancelled_at is not null from chronic_recognition where trt_dcla_detl_sn = ?").param(sn)
                .query(Boolean.class).single()).isTrue();
        assertThat(hospital.call("2504", Map.of("data", Map.of("trt_dcla_detl_sn", sn, "psn_no", psn))).refused().errMsg()).contains("已撤销");
        // Once cancelled, the disease can be recognised again.
        String again = serial(fsi.as(FIRST_HOSPITAL).call("2503", Map.of("data", recognition(psn, "E11.000"))));
        fsi.as(FIRST_HOSPITAL).call("2504", Map.of("data", Map.of("trt_dcla_detl_sn", again, "psn_no", psn))).ok();
    }

    @Test
    void recognitionsBreakingARuleAreRefusedSpecificallyAndStoreNothing() {
        String psn = resident(4);
        FsiClient hospital = fsi.as(CENTRAL_HOSPITAL);
        String before = rows("chronic_recognition", psn);
        // Pneumonia is a valid diagnosis but not on the chronic list of 990100.
        assertThat(hospital.call("2503", Map.of("data", recognition(psn, "K35.800"))).refused().errMsg())
                .contains("data.opsp_dise_code", "K35.800", "990100", "I10", "E11", "N18.5");
        assertThat(hospital.call("2503", Map.of("data", recognition(psn, "ZZZ.999"))).refused().errMsg())
                .contains("data.opsp_dise_code", "ICD-10");
        assertThat(fsi.as(PHARMACY).call("2503", Map.of("data", recognition(psn, "E11.900"))).refused().errMsg())
                .contains("定点零售药店不能办理门诊慢特病认定");
        Map<String, Object> backwards = recognition(psn, "I10.x00");
        backwards.put("begndate", today().toString());
        backwards.put("enddate", today().minusDays(1).toString());
        assertThat(hospital.call("2503", Map.of("data", backwards)).refused().errMsg()).contains("data.enddate");
        Map<String, Object> otherRecogniser = recognition(psn, "I10.x00");
        otherRecogniser.put("ide_fixmedins_no", FIRST_HOSPITAL);
        assertThat(hospital.call("2503", Map.of("data", otherRecogniser)).refused().errMsg()).contains("data.ide_fixmedins_no");
        assertThat(rows("chronic_recognition", psn)).isEqualTo(before);
    }

    // ---- 2505 / 2506 designated institutions ----

    private static Map<String, Object> choice(String psnNo) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("psn_no", psnNo);
        d.put("biz_appy_type", "01");
        d.put("fix_srt_no", "1");
        return d;
    }

    private JsonNode designated(String psnNo) {
        return fsi.as(EAST_CENTRE).call("1101", Map.of("data", Map.of("mdtrt_cert_type", "01", "mdtrt_cert_no", psnNo))).ok()
                .output().get("fixmedinsinfo");
    }

    @Test
    void aPersonChangesDesignatedInstitutionTwiceAYearAndTheThirdChangeIsRefused() {
        String psn = resident(5);
        assertThat(designated(psn)).isEmpty();
        // The first choice is not a change.
        String first = serial(fsi.as(EAST_CENTRE).call("2505", Map.of("data", choice(psn))));
        assertThat(designated(psn)).hasSize(1);
        assertThat(designated(psn).get(0).get("fixmedins_code").asString()).isEqualTo(EAST_CENTRE);
        assertThat(designated(psn).get(0).get("fixmedins_name").asString()).isEqualTo("示范市城东社区卫生服务中心");
        assertThat(designated(psn).get(0).get("trt_dcla_detl_sn").asString()).isEqualTo(first);
        serial(fsi.as(WEST_CENTRE).call("2505", Map.of("data", choice(psn))));
        String second = serial(fsi.as(CENTRAL_HOSPITAL).call("2505", Map.of("data", choice(psn))));
        assertThat(designated(psn)).hasSize(1);
        assertThat(designated(psn).get(0).get("fixmedins_code").asString()).isEqualTo(CENTRAL_HOSPITAL);

        String before = rows("designated_institution", psn);
        String refusal = fsi.as(FIRST_HOSPITAL).call("2505", Map.of("data", choice(psn))).refused().errMsg();
        int year = today().getYear();
        assertThat(refusal).contains("已变更定点医疗机构 2 次", "最多变更 2 次", (year + 1) + "-01-01 起可再变更");
        assertThat(rows("designated_institution", psn)).isEqualTo(before);
        assertThat(designated(psn).get(0).get("fixmedins_code").asString()).isEqualTo(CENTRAL_HOSPITAL);

        // Only the filing institution can cancel; a cancelled change gives the replaced choice back and does not count.
        assertThat(fsi.as(EAST_CENTRE).call("2506", Map.of("data", Map.of("trt_dcla_detl_sn", second, "psn_no", psn))).refused().errMsg())
                .contains("不存在");
        assertThat(rows("designated_institution", psn)).isEqualTo(before);
        fsi.as(CENTRAL_HOSPITAL).call("2506", Map.of("data", Map.of("trt_dcla_detl_sn", second, "psn_no", psn, "memo", "选错机构"))).ok();
        assertThat(designated(psn).get(0).get("fixmedins_code").asString()).isEqualTo(WEST_CENTRE);
        serial(fsi.as(FIRST_HOSPITAL).call("2505", Map.of("data", choice(psn))));
        assertThat(designated(psn).get(0).get("fixmedins_code").asString()).isEqualTo(FIRST_HOSPITAL);
        assertThat(jdbc.sql("select count(*) from designated_institution where psn_no = ? and counts_as_change and cancelled_at is null")
                .param(psn).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void designationsBreakingARuleAreRefusedSpecificallyAndStoreNothing() {
        String psn = resident(6);
        String before = rows("designated_institution", psn);
        Map<String, Object> other = choice(psn);
        other.put("fixmedins_code", CENTRAL_HOSPITAL);
        assertThat(fsi.as(EAST_CENTRE).call("2505", Map.of("data", other)).refused().errMsg())
                .contains("data.fixmedins_code", "只能为本机构");
        assertThat(fsi.as(PHARMACY).call("2505", Map.of("data", choice(psn))).refused().errMsg()).contains("定点零售药店");
        Map<String, Object> past = choice(psn);
        past.put("begndate", today().minusDays(3).toString());
        assertThat(fsi.as(EAST_CENTRE).call("2505", Map.of("data", past)).refused().errMsg()).contains("data.begndate", "早于今天");
        Map<String, Object> slot = choice(psn);
        slot.put("fix_srt_no", "12");
        assertThat(fsi.as(EAST_CENTRE).call("2505", Map.of("data", slot)).refused().errMsg()).contains("data.fix_srt_no");
        assertThat(fsi.as(EAST_CENTRE).call("2506", Map.of("data", Map.of("trt_dcla_detl_sn", "D000", "psn_no", psn))).refused().errMsg())
                .contains("不存在");
        assertThat(rows("designated_institution", psn)).isEqualTo(before);

        // The same institution twice is no change.
        serial(fsi.as(EAST_CENTRE).call("2505", Map.of("data", choice(psn))));
        assertThat(fsi.as(EAST_CENTRE).call("2505", Map.of("data", choice(psn))).refused().errMsg()).contains("已是该人员的定点医疗机构");
    }

    @Test
    void thePortalAndConsoleUseTheSameServiceAndAnUnlimitedRegionHasNoLimit() {
        String psn = resident(7);
        designatedInstitutions.choose(psn, EAST_CENTRE, "PORTAL", psn, today());
        designatedInstitutions.choose(psn, WEST_CENTRE, "PORTAL", psn, today());
        designatedInstitutions.choose(psn, CENTRAL_HOSPITAL, "CONSOLE", "admin", today());
        assertThat(designatedInstitutions.current(psn)).extracting(DesignatedInstitution::fixmedinsCode).containsExactly(CENTRAL_HOSPITAL);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(FilingRefused.class,
                () -> designatedInstitutions.choose(psn, FIRST_HOSPITAL, "PORTAL", psn, today())).getMessage()).contains("最多变更 2 次");
        // The institution cannot cancel what the person filed in the portal.
        String portalSerial = designatedInstitutions.current(psn).get(0).serial();
        assertThat(fsi.as(CENTRAL_HOSPITAL).call("2506", Map.of("data", Map.of("trt_dcla_detl_sn", portalSerial, "psn_no", psn))).refused()
                .errMsg()).contains("不存在");

        // 邻江市 (990200) sets designation_changes_per_year: unlimited.
        String neighbour = jdbc.sql("select psn_no from person where insured_admdvs = '990200' and valid_to is null and status = 'NORMAL' "
                + "order by psn_no limit 1 offset 5").query(String.class).single();
        List<String> hospitals = jdbc.sql("select fixmedins_code from institution where admdvs = '990200' and valid_to is null and designated "
                + "and kind <> 'PHARMACY' order by fixmedins_code limit 2").query(String.class).list();
        assertThat(hospitals).hasSize(2);
        // The first choice and then three changes, alternating between two institutions.
        for (int i = 0; i < 4; i++) {
            designatedInstitutions.choose(neighbour, hospitals.get(i % 2), "PORTAL", neighbour, today());
        }
        assertThat(designatedInstitutions.current(neighbour)).extracting(DesignatedInstitution::fixmedinsCode)
                .containsExactly(hospitals.get(1));
    }
}
