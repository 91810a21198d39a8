package org.yibao.server.familydoctor;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-INS-4 through the signed institution API over real HTTP: centres sign BASIC and 1+1+1 contracts
 * for themselves only, one contract per person, cancel only their own, record follow-ups only for
 * their hypertension patients; a missing, wrong or stale signature is 401 and changes nothing.
 */
@IntegrationTest
class FamilyDoctorApiTest {

    static final String EAST_CENTRE = "H99010000003";
    static final String WEST_CENTRE = "H99010000004";
    static final String CENTRAL_HOSPITAL = "H99010000002";
    static final String FIRST_HOSPITAL = "H99010000001";
    static final String CHEN_JING = "99010000000000000005";
    static final String CONTRACTS = "/inst/api/family-doctor/contracts";
    static final String FOLLOW_UPS = "/inst/api/family-doctor/follow-ups";

    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private InstitutionApiClient as(String code) {
        return new InstitutionApiClient(users.port(), fsi.as(code));
    }

    /** A generated resident of the demo world with no contract, different for each offset. */
    private String uncontracted(int offset) {
        return jdbc.sql("""
                        select psn_no from person p where valid_to is null and status = 'NORMAL' and insured_admdvs = '990100'
                          and psn_no not like '9901000000000000000%'
                          and not exists (select 1 from family_doctor_contract f where f.psn_no = p.psn_no)
                        order by psn_no desc limit 1 offset ?""").param(offset).query(String.class).single();
    }

    private long contracts(String psnNo) {
        return jdbc.sql("select count(*) from family_doctor_contract where psn_no = ?").param(psnNo).query(Long.class).single();
    }

    private static Map<String, Object> basic(String psnNo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("psn_no", psnNo);
        body.put("kind", "BASIC");
        return body;
    }

    @Test
    void aCentreSignsABasicContractForOneYearFromToday() {
        String psn = uncontracted(0);
        InstitutionApiClient east = as(EAST_CENTRE);
        InstitutionApiClient.Response r = east.post(CONTRACTS, basic(psn));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(c.get("kind").asString()).isEqualTo("BASIC");
        assertThat(c.get("community_code").asString()).isEqualTo(EAST_CENTRE);
        assertThat(c.path("district_code").isMissingNode() || c.get("district_code").isNull()).isTrue();
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        assertThat(c.get("begin_date").asString()).isEqualTo(today.toString());
        assertThat(c.get("end_date").asString()).isEqualTo(today.plusYears(1).minusDays(1).toString());

        JsonNode listed = east.get(CONTRACTS, "psn_no=" + psn).json();
        assertThat(listed.get("contracts").findValuesAsString("contract_id")).containsExactly(c.get("contract_id").asString());
        assertThat(jdbc.sql("select actor from audit_log where entity_type = 'family_doctor_contract' and entity_key = ?")
                .param(c.get("contract_id").asString()).query(String.class).single()).isEqualTo(EAST_CENTRE + "/" + east.accessKey());
    }

    @Test
    void aTripleContractNamesADistrictAndACityHospital() {
        String psn = uncontracted(1);
        InstitutionApiClient east = as(EAST_CENTRE);
        Map<String, Object> body = basic(psn);
        body.put("kind", "TRIPLE");
        body.put("district_code", FIRST_HOSPITAL);
        body.put("city_code", FIRST_HOSPITAL);
        InstitutionApiClient.Response wrongLevel = east.post(CONTRACTS, body);
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(wrongLevel.detail()).contains("不是区级医院");
        body.put("district_code", WEST_CENTRE);
        assertThat(east.post(CONTRACTS, body).detail()).contains("不是区级医院");
        body.put("district_code", CENTRAL_HOSPITAL);
        body.put("city_code", null);
        assertThat(east.post(CONTRACTS, body).detail()).contains("须填写市级医院");
        assertThat(contracts(psn)).isZero();

        body.put("city_code", FIRST_HOSPITAL);
        body.put("begin_date", "2026-01-01");
        InstitutionApiClient.Response r = east.post(CONTRACTS, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("kind").asString()).isEqualTo("TRIPLE");
        assertThat(r.json().get("district_code").asString()).isEqualTo(CENTRAL_HOSPITAL);
        assertThat(r.json().get("city_code").asString()).isEqualTo(FIRST_HOSPITAL);
        assertThat(r.json().get("end_date").asString()).isEqualTo("2026-12-31");
        // The hospitals of the contract see it too.
        assertThat(as(CENTRAL_HOSPITAL).get(CONTRACTS, "psn_no=" + psn).json().get("contracts")).hasSize(1);
    }

    @Test
    void onlyACommunityCentreSignsAndOnlyForItself() {
        String psn = uncontracted(2);
        InstitutionApiClient.Response hospital = as(FIRST_HOSPITAL).post(CONTRACTS, basic(psn));
        assertThat(hospital.status()).isEqualTo(400);
        assertThat(hospital.detail()).contains("不是社区卫生服务中心");
        Map<String, Object> forOther = basic(psn);
        forOther.put("community_code", WEST_CENTRE);
        InstitutionApiClient.Response other = as(EAST_CENTRE).post(CONTRACTS, forOther);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.detail()).contains("只能以本机构 " + EAST_CENTRE);
        assertThat(contracts(psn)).isZero();
    }

    @Test
    void aPersonHasOneActiveContractAndAnUnknownPersonNone() {
        String psn = uncontracted(3);
        assertThat(as(EAST_CENTRE).post(CONTRACTS, basic(psn)).status()).isEqualTo(201);
        InstitutionApiClient.Response again = as(WEST_CENTRE).post(CONTRACTS, basic(psn));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("已有有效的家庭医生签约", "其他机构", "须先解约");
        assertThat(contracts(psn)).isEqualTo(1);
        // A contract that ran out does not stand in the way of the next one.
        String renewing = uncontracted(8);
        jdbc.sql("insert into family_doctor_contract (psn_no, kind, community_code, begin_date, end_date, recorded_at)"
                + " values (?, 'BASIC', ?, date '2024-01-01', date '2024-12-31', now())").params(renewing, WEST_CENTRE).update();
        assertThat(as(EAST_CENTRE).post(CONTRACTS, basic(renewing)).status()).isEqualTo(201);

        InstitutionApiClient.Response unknown = as(EAST_CENTRE).post(CONTRACTS, basic("99019999999999999999"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).contains("99019999999999999999", "不存在");
        assertThat(contracts("99019999999999999999")).isZero();
    }

    @Test
    void aMissingWrongOrStaleSignatureIsRefusedWithNothingChanged() {
        String psn = uncontracted(4);
        InstitutionApiClient east = as(EAST_CENTRE);
        FsiClient key = fsi.as(EAST_CENTRE);
        byte[] body = FsiClient.bytes(basic(psn));
        long now = System.currentTimeMillis() / 1000;
        InstitutionApiClient.Response wrong = east.postSigned(CONTRACTS, body, now, key.accessKey(), key.secret() + "x");
        InstitutionApiClient.Response stale = east.postSigned(CONTRACTS, body, now - 301, key.accessKey(), key.secret());
        InstitutionApiClient.Response unsigned = east.postSigned(CONTRACTS, body, now, null, null);
        InstitutionApiClient.Response unknownKey = east.postSigned(CONTRACTS, body, now, "NOSUCHKEY", key.secret());
        for (InstitutionApiClient.Response r : new InstitutionApiClient.Response[] {wrong, stale, unsigned, unknownKey}) {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.contentType()).contains("json");
        }
        assertThat(wrong.detail()).contains("签名不正确");
        assertThat(stale.detail()).contains("超过 ±300 秒");
        assertThat(unsigned.detail()).contains("缺少签名");
        assertThat(contracts(psn)).isZero();
        // A follow-up or a cancellation signed wrongly is not processed either.
        Map<String, Object> followUp = Map.of("psn_no", CHEN_JING, "follow_up_date", LocalDate.now(BusinessTime.ZONE).toString(),
                "systolic", 150, "diastolic", 95, "doctor_name", "王医生");
        long followUps = jdbc.sql("select count(*) from family_doctor_follow_up").query(Long.class).single();
        assertThat(east.postSigned(FOLLOW_UPS, FsiClient.bytes(followUp), now - 400, key.accessKey(), key.secret()).status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from family_doctor_follow_up").query(Long.class).single()).isEqualTo(followUps);
    }

    @Test
    void onlyTheOwnerCentreCancelsAndThenAnotherMaySign() {
        String psn = uncontracted(5);
        long id = as(EAST_CENTRE).post(CONTRACTS, basic(psn)).json().get("contract_id").asLong();
        String cancel = CONTRACTS + "/" + id + "/cancel";

        InstitutionApiClient.Response byOther = as(WEST_CENTRE).post(cancel, Map.of("contract_id", id, "reason", "搬家"));
        assertThat(byOther.status()).isEqualTo(404);
        assertThat(byOther.detail()).contains("不属于本机构");
        assertThat(as(EAST_CENTRE).post(cancel, Map.of("contract_id", id + 1)).status()).isEqualTo(400);
        assertThat(jdbc.sql("select cancelled_at is null from family_doctor_contract where id = ?").param(id).query(Boolean.class).single()).isTrue();

        InstitutionApiClient.Response cancelled = as(EAST_CENTRE).post(cancel, Map.of("contract_id", id, "reason", "搬家"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("cancelled_at").isString()).isTrue();
        assertThat(cancelled.json().get("cancel_reason").asString()).isEqualTo("搬家");
        assertThat(as(EAST_CENTRE).post(cancel, Map.of("contract_id", id)).status()).isEqualTo(409);
        assertThat(as(WEST_CENTRE).post(CONTRACTS, basic(psn)).status()).isEqualTo(201);
    }

    @Test
    void followUpsAreForTheCentresOwnHypertensionPatientsOncePerMonth() {
        InstitutionApiClient west = as(WEST_CENTRE);
        Map<String, Object> chenJing = new LinkedHashMap<>(Map.of("psn_no", CHEN_JING, "follow_up_date", "2026-02-10",
                "systolic", 150, "diastolic", 95, "doctor_name", "王医生"));
        InstitutionApiClient.Response notHers = west.post(FOLLOW_UPS, chenJing);
        assertThat(notHers.status()).isEqualTo(409);
        assertThat(notHers.detail()).contains("没有与本机构 " + WEST_CENTRE + " 的有效家庭医生签约");

        String psn = uncontracted(6);
        as(EAST_CENTRE).post(CONTRACTS, Map.of("psn_no", psn, "begin_date", "2026-01-01"));
        Map<String, Object> noI10 = new LinkedHashMap<>(chenJing);
        noI10.put("psn_no", psn);
        InstitutionApiClient.Response notHypertensive = as(EAST_CENTRE).post(FOLLOW_UPS, noI10);
        assertThat(notHypertensive.status()).isEqualTo(409);
        assertThat(notHypertensive.detail()).contains("高血压（I10）");

        jdbc.sql("insert into chronic_recognition (psn_no, dise_key, dise_codg, begin_date, end_date, recorded_at)"
                + " values (?, 'I10', 'I10.x00', date '2026-01-01', date '2030-12-31', now())").param(psn).update();
        InstitutionApiClient.Response first = as(EAST_CENTRE).post(FOLLOW_UPS, noI10);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("systolic").asInt()).isEqualTo(150);
        noI10.put("follow_up_date", "2026-02-25");
        InstitutionApiClient.Response second = as(EAST_CENTRE).post(FOLLOW_UPS, noI10);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.detail()).contains("2026 年 2 月已有随访", "每人每月只登记一次");
        noI10.put("follow_up_date", LocalDate.now(BusinessTime.ZONE).plusDays(1).toString());
        assertThat(as(EAST_CENTRE).post(FOLLOW_UPS, noI10).status()).isEqualTo(400);
        noI10.put("follow_up_date", "2026-03-01");
        noI10.put("diastolic", 160);
        assertThat(as(EAST_CENTRE).post(FOLLOW_UPS, noI10).detail()).contains("舒张压");
        assertThat(as(EAST_CENTRE).get(CONTRACTS, "psn_no=" + psn).json().get("follow_ups")).hasSize(1);
    }

    @Test
    void staffRecordAndCancelContractsAudited() {
        String psn = uncontracted(7);
        Map<String, Object> body = basic(psn);
        body.put("community_code", WEST_CENTRE);
        assertThat(users.readOnly().post("/api/admin/family-doctor/contracts", body).status()).isEqualTo(403);
        var created = users.clerk().post("/api/admin/family-doctor/contracts", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("contract_id").asLong();
        assertThat(users.clerk().post("/api/admin/family-doctor/contracts/" + id + "/cancel", Map.of("reason", "本人申请")).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select action from audit_log where entity_type = 'family_doctor_contract' and entity_key = ? order by id")
                .param(String.valueOf(id)).query(String.class).list()).containsExactly("CREATE", "CANCEL");
        assertThat(users.readOnly().get("/api/admin/family-doctor/contracts?psn_no=" + psn).json().get("contracts")).hasSize(1);
    }
}
