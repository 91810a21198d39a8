package org.yibao.server.insured;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Staff record and cancel chronic recognitions (R-INS-3) and referrals (R-INS-5) through the admin API,
 * with the rules of 2501–2504: refusals name the field and change nothing, a read-only user is refused,
 * every change is audited under the staff member's name.
 */
@IntegrationTest
class StaffRightsApiTest {

    // The demo world's institutions (DemoCast): levels 3, 2, 1 in the city alliance; level 1 outside it; a pharmacy.
    private static final String FIRST_HOSPITAL = DemoCast.FIRST_PEOPLES_HOSPITAL;
    private static final String CENTRAL_HOSPITAL = DemoCast.CENTRAL_HOSPITAL;
    private static final String EAST_CENTRE = DemoCast.EAST_COMMUNITY_CENTRE;
    private static final String WEST_CENTRE = DemoCast.WEST_COMMUNITY_CENTRE;
    private static final String PHARMACY = DemoCast.DEMO_PHARMACY;

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    /** Residents of the generated population no other test uses (ascending, where the FSI tests take them descending). */
    private String resident(int offset) {
        return jdbc.sql("""
                        select psn_no from person p where insutype = '390' and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%'
                        order by psn_no limit 1 offset ?""").param(400 + offset).query(String.class).single();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String rows(String table, String psnNo) {
        return jdbc.sql("select count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) from " + table + " x where psn_no = ?")
                .param(psnNo).query(String.class).single();
    }

    private long audits(String entity, String key, String action) {
        return jdbc.sql("select count(*) from audit_log where entity_type = ? and entity_key = ? and action = ? and actor = 'clerk1' "
                + "and occurred_at > now() - interval '1 hour'").params(entity, key, action).query(Long.class).single();
    }

    private static Map<String, Object> referral(String from, String to) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("fixmedins_code", from);
        r.put("reflin_medins_no", to);
        r.put("refl_type", "1");
        r.put("diag_code", "I10.x00");
        return r;
    }

    private static JsonNode error(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().get("errors").get(0);
    }

    @Test
    void staffRecordARecognitionForAChosenHospitalAndCancelItWithAReason() {
        String psn = resident(0);
        ApiClient clerk = users.clerk();
        ApiClient.Response made = clerk.post("/api/admin/persons/" + psn + "/chronic-recognitions",
                Map.of("opsp_dise_code", "E11.900", "ide_fixmedins_no", FIRST_HOSPITAL));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode r = made.json();
        assertThat(r.get("dise_key").asString()).isEqualTo("E11");
        assertThat(r.get("ide_fixmedins_no").asString()).isEqualTo(FIRST_HOSPITAL);
        assertThat(r.get("channel").asString()).isEqualTo("CONSOLE");
        assertThat(r.get("begndate").asString()).isEqualTo(today().toString());
        assertThat(r.get("enddate").asString()).isEqualTo(today().plusYears(1).minusDays(1).toString());
        String serial = r.get("trt_dcla_detl_sn").asString();
        long id = r.get("id").asLong();
        assertThat(audits("chronic_recognition", serial, "CREATE")).isEqualTo(1);

        JsonNode list = clerk.get("/api/admin/persons/" + psn + "/chronic-recognitions").json();
        assertThat(list.findValuesAsString("trt_dcla_detl_sn")).contains(serial);

        // A second recognition of the same entry while the first is valid: refused, nothing changed.
        String before = rows("chronic_recognition", psn);
        JsonNode duplicate = error(clerk.post("/api/admin/persons/" + psn + "/chronic-recognitions",
                Map.of("opsp_dise_code", "E11.000", "ide_fixmedins_no", CENTRAL_HOSPITAL)));
        assertThat(duplicate.get("field").asString()).isEqualTo("opsp_dise_code");
        assertThat(duplicate.get("rule").asString()).isEqualTo("filing");
        assertThat(duplicate.get("message").asString()).contains("不能重复认定");
        assertThat(rows("chronic_recognition", psn)).isEqualTo(before);

        // Staff cancel a recognition another institution made, but only with a reason.
        assertThat(error(clerk.post("/api/admin/persons/" + psn + "/chronic-recognitions/" + id + "/cancel", Map.of()))
                .get("field").asString()).isEqualTo("memo");
        ApiClient.Response cancelled = clerk.post("/api/admin/persons/" + psn + "/chronic-recognitions/" + id + "/cancel",
                Map.of("memo", "诊断更正"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelled_at").isNull()).isFalse();
        assertThat(cancelled.json().get("memo").asString()).isEqualTo("诊断更正");
        assertThat(audits("chronic_recognition", serial, "CANCEL")).isEqualTo(1);
        assertThat(error(clerk.post("/api/admin/persons/" + psn + "/chronic-recognitions/" + id + "/cancel", Map.of("memo", "again")))
                .get("message").asString()).contains("已撤销");
    }

    @Test
    void recognitionsOfUnknownOrUnlistedDiseasesOrByAPharmacyAreRefusedAndChangeNothing() {
        String psn = resident(1);
        ApiClient clerk = users.clerk();
        String path = "/api/admin/persons/" + psn + "/chronic-recognitions";
        String before = rows("chronic_recognition", psn);
        JsonNode unknown = error(clerk.post(path, Map.of("opsp_dise_code", "ZZ9.999", "ide_fixmedins_no", FIRST_HOSPITAL)));
        assertThat(unknown.get("field").asString()).isEqualTo("opsp_dise_code");
        assertThat(unknown.get("message").asString()).contains("ZZ9.999", "ICD-10");
        assertThat(error(clerk.post(path, Map.of("opsp_dise_code", "J06.900", "ide_fixmedins_no", FIRST_HOSPITAL)))
                .get("message").asString()).contains("不属于参保地");
        JsonNode pharmacy = error(clerk.post(path, Map.of("opsp_dise_code", "E11.900", "ide_fixmedins_no", PHARMACY)));
        assertThat(pharmacy.get("field").asString()).isEqualTo("ide_fixmedins_no");
        assertThat(pharmacy.get("message").asString()).contains("药店");
        assertThat(error(clerk.post(path, Map.of("opsp_dise_code", "E11.900"))).get("field").asString()).isEqualTo("ide_fixmedins_no");
        assertThat(rows("chronic_recognition", psn)).isEqualTo(before);
        assertThat(clerk.post("/api/admin/persons/NO-SUCH-PERSON/chronic-recognitions",
                Map.of("opsp_dise_code", "E11.900", "ide_fixmedins_no", FIRST_HOSPITAL)).status()).isEqualTo(404);
    }

    @Test
    void staffReferInsideTheAllianceAndCancelAnUnusedReferralButNotAConsumedOne() {
        String psn = resident(2);
        ApiClient clerk = users.clerk();
        String path = "/api/admin/persons/" + psn + "/referrals";
        ApiClient.Response made = clerk.post(path, referral(EAST_CENTRE, CENTRAL_HOSPITAL));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode r = made.json();
        assertThat(r.get("fixmedins_code").asString()).isEqualTo(EAST_CENTRE);
        assertThat(r.get("reflin_medins_no").asString()).isEqualTo(CENTRAL_HOSPITAL);
        assertThat(r.get("enddate").asString()).isEqualTo(today().plusDays(90).toString());
        assertThat(r.get("channel").asString()).isEqualTo("CONSOLE");
        String serial = r.get("trt_dcla_detl_sn").asString();
        assertThat(audits("referral", serial, "CREATE")).isEqualTo(1);
        assertThat(clerk.get(path).json().findValuesAsString("trt_dcla_detl_sn")).contains(serial);

        // A second referral, used by an admission at the receiving hospital: it can no longer be cancelled.
        String used = clerk.post(path, referral(EAST_CENTRE, FIRST_HOSPITAL)).json().get("trt_dcla_detl_sn").asString();
        jdbc.sql("update referral set consumed_by_mdtrt_id = 'TEST-MDTRT-1' where trt_dcla_detl_sn = ?").param(used).update();
        String before = rows("referral", psn);
        JsonNode consumed = error(clerk.post(path + "/" + used + "/cancel", Map.of("memo", "患者放弃")));
        assertThat(consumed.get("field").asString()).isEqualTo("trt_dcla_detl_sn");
        assertThat(consumed.get("message").asString()).contains("TEST-MDTRT-1", "不能撤销");
        assertThat(rows("referral", psn)).isEqualTo(before);

        ApiClient.Response cancelled = clerk.post(path + "/" + serial + "/cancel", Map.of("memo", "患者放弃转诊"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("memo").asString()).isEqualTo("患者放弃转诊");
        assertThat(audits("referral", serial, "CANCEL")).isEqualTo(1);
    }

    @Test
    void referralsToTheSameInstitutionOrOutsideTheAllianceWithoutAgreementAreRefusedAndChangeNothing() {
        String psn = resident(3);
        ApiClient clerk = users.clerk();
        String path = "/api/admin/persons/" + psn + "/referrals";
        String before = rows("referral", psn);
        JsonNode same = error(clerk.post(path, referral(CENTRAL_HOSPITAL, CENTRAL_HOSPITAL)));
        assertThat(same.get("field").asString()).isEqualTo("reflin_medins_no");
        assertThat(same.get("message").asString()).contains("不能是本机构");
        JsonNode outside = error(clerk.post(path, referral(WEST_CENTRE, FIRST_HOSPITAL)));
        assertThat(outside.get("field").asString()).isEqualTo("hosp_agre_refl_flag");
        assertThat(outside.get("message").asString()).contains("医联体");
        JsonNode type = error(clerk.post(path, Map.of("fixmedins_code", EAST_CENTRE, "reflin_medins_no", CENTRAL_HOSPITAL,
                "refl_type", "9", "diag_code", "I10.x00")));
        assertThat(type.get("field").asString()).isEqualTo("refl_type");
        assertThat(rows("referral", psn)).isEqualTo(before);

        Map<String, Object> agreed = referral(WEST_CENTRE, FIRST_HOSPITAL);
        agreed.put("hosp_agre_refl_flag", true);
        ApiClient.Response ok = clerk.post(path, agreed);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("hosp_agre_refl_flag").asBoolean()).isTrue();
    }

    @Test
    void readOnlyAndAuditorUsersReadButCannotRecordOrCancel() {
        String psn = resident(4);
        String before = rows("chronic_recognition", psn) + rows("referral", psn);
        for (ApiClient reader : new ApiClient[] {users.readOnly(), users.auditor()}) {
            assertThat(reader.get("/api/admin/persons/" + psn + "/chronic-recognitions").status()).isEqualTo(200);
            assertThat(reader.get("/api/admin/persons/" + psn + "/referrals").status()).isEqualTo(200);
            assertThat(reader.post("/api/admin/persons/" + psn + "/chronic-recognitions",
                    Map.of("opsp_dise_code", "E11.900", "ide_fixmedins_no", FIRST_HOSPITAL)).status()).isEqualTo(403);
            assertThat(reader.post("/api/admin/persons/" + psn + "/referrals", referral(EAST_CENTRE, CENTRAL_HOSPITAL)).status())
                    .isEqualTo(403);
            assertThat(reader.post("/api/admin/persons/" + psn + "/referrals/R1/cancel", Map.of("memo", "x")).status()).isEqualTo(403);
        }
        assertThat(rows("chronic_recognition", psn) + rows("referral", psn)).isEqualTo(before);
    }
}
