package org.yibao.server.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.region.RefData.assertRefused;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.region.RefData;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** R-REF-1 and R-REF-5 for institutions and alliances. */
@IntegrationTest
class InstitutionApiTest {

    @Autowired
    TestUsers users;

    @Autowired
    Institutions institutions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void region() {
        RefData.ensureRegion(users.admin());
    }

    private static Map<String, Object> hospital(String code, int level) {
        return new HashMap<>(Map.of("fixmedins_code", code, "name", "测试医院" + code, "admdvs", RefData.REGION, "level", level,
                "kind", "HOSPITAL", "address", "测试路1号"));
    }

    private long rows(String code) {
        return jdbc.sql("select count(*) from institution where fixmedins_code = ?").param(code).query(Long.class).single();
    }

    @Test
    void anInstitutionUpgradedLaterIsReadAsOfEitherSideOfTheUpgrade() {
        String code = "H97" + RefData.digits(9);
        var body = hospital(code, 2);
        body.put("validFrom", "2025-01-01");
        var created = users.clerk().post("/api/admin/institutions", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("designated").asBoolean()).isTrue();

        var upgrade = hospital(code, 3);
        upgrade.put("xr_inpatient", true);
        upgrade.put("effectiveFrom", "2026-03-01");
        assertThat(users.admin().put("/api/admin/institutions/" + code, upgrade).status()).isEqualTo(200);

        JsonNode before = users.readOnly().get("/api/admin/institutions/" + code + "?asOf=2026-02-28").json();
        JsonNode after = users.readOnly().get("/api/admin/institutions/" + code + "?asOf=2026-03-01").json();
        assertThat(before.get("level").asInt()).isEqualTo(2);
        assertThat(before.get("xr_inpatient").asBoolean()).isFalse();
        assertThat(after.get("level").asInt()).isEqualTo(3);
        assertThat(after.get("xr_inpatient").asBoolean()).isTrue();
        assertThat(institutions.find(code, LocalDate.of(2025, 6, 1)).orElseThrow().level()).isEqualTo(2);

        JsonNode history = users.auditor().get("/api/admin/institutions/" + code + "/history").json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("versions").get(0).get("valid_to").asString()).isEqualTo("2026-03-01");
        assertThat(history.get("audit")).hasSize(2);
        assertThat(history.get("audit").get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(history.get("audit").get(0).get("effectiveDate").asString()).isEqualTo("2026-03-01");
        assertThat(history.get("audit").get(0).get("before").asString()).contains("\"level\": 2");
        assertThat(history.get("audit").get(1).get("action").asString()).isEqualTo("CREATE");
        assertThat(history.get("audit").get(1).get("actor").asString()).isEqualTo("clerk1");
    }

    @Test
    void aHospitalWithoutLevelIsRefusedAndNothingIsWritten() {
        String code = "H97" + RefData.digits(9);
        var body = hospital(code, 1);
        body.remove("level");
        assertRefused(users.admin().post("/api/admin/institutions", body), "level", "required_for_kind");
        assertThat(rows(code)).isZero();
    }

    @Test
    void badInstitutionsAreRefusedFieldByField() {
        var pharmacy = hospital("P97" + RefData.digits(9), 1);
        pharmacy.put("kind", "PHARMACY");
        assertRefused(users.admin().post("/api/admin/institutions", pharmacy), "level", "absent_for_pharmacy");

        var bad = hospital("h97-lower", 4);
        bad.put("admdvs", "979998");
        bad.put("alliance_code", "NOSUCHALLIANCE");
        var reply = users.admin().post("/api/admin/institutions", bad);
        assertRefused(reply, "fixmedins_code", "format");
        assertRefused(reply, "level", "range");
        assertRefused(reply, "admdvs", "exists");
        assertRefused(reply, "alliance_code", "exists");

        var kind = hospital("H97" + RefData.digits(9), 1);
        kind.put("kind", "SPA");
        assertRefused(users.admin().post("/api/admin/institutions", kind), "kind", "enum");
        var tooLong = hospital("H" + "9".repeat(30), 1);
        assertRefused(users.admin().post("/api/admin/institutions", tooLong), "fixmedins_code", "format");
    }

    @Test
    void aDuplicateInstitutionIsAConflictAndUnknownOnesAreNotFound() {
        String code = "H97" + RefData.digits(9);
        assertThat(users.admin().post("/api/admin/institutions", hospital(code, 1)).status()).isEqualTo(201);
        var again = users.admin().post("/api/admin/institutions", hospital(code, 2));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("fixmedins_code");
        assertThat(rows(code)).isEqualTo(1);
        assertThat(users.admin().get("/api/admin/institutions/H97NOTHERE").status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/institutions/H97NOTHERE/history").status()).isEqualTo(404);
        assertThat(users.admin().put("/api/admin/institutions/H97NOTHERE", hospital("H97NOTHERE", 1)).status()).isEqualTo(404);
    }

    @Test
    void readOnlyAndAuditorUsersCannotChangeInstitutionsButCanReadThem() {
        String code = "H97" + RefData.digits(9);
        assertThat(users.admin().post("/api/admin/institutions", hospital(code, 1)).status()).isEqualTo(201);
        for (ApiClient user : new ApiClient[] {users.readOnly(), users.auditor()}) {
            assertThat(user.post("/api/admin/institutions", hospital("H97" + RefData.digits(9), 1)).status()).isEqualTo(403);
            assertThat(user.put("/api/admin/institutions/" + code, hospital(code, 2)).status()).isEqualTo(403);
            assertThat(user.get("/api/admin/institutions/" + code).status()).isEqualTo(200);
        }
        assertThat(rows(code)).isEqualTo(1);
    }

    @Test
    void searchPagesThroughARegionsInstitutions() {
        String admdvs = "97" + RefData.digits(4);
        var region = users.admin().post("/api/admin/regions", Map.of("admdvs", admdvs, "name", "分页县", "province_admdvs", "970000",
                "pooling_admdvs", RefData.REGION, "inpatient_payment", "DRG", "validFrom", "2020-01-01"));
        assertThat(region.status()).as(region.body()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            var body = hospital("H97" + RefData.digits(9), 1);
            body.put("admdvs", admdvs);
            body.put("kind", "TOWNSHIP");
            assertThat(users.admin().post("/api/admin/institutions", body).status()).isEqualTo(201);
        }
        JsonNode first = users.readOnly().get("/api/admin/institutions?admdvs=" + admdvs + "&size=2").json();
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("page").asInt()).isZero();
        JsonNode second = users.readOnly().get("/api/admin/institutions?admdvs=" + admdvs + "&size=2&page=1").json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(users.readOnly().get("/api/admin/institutions?admdvs=" + admdvs + "&kind=HOSPITAL").json().get("total").asLong()).isZero();
        assertThat(users.readOnly().get("/api/admin/institutions?admdvs=" + admdvs + "&asOf=2019-01-01").json().get("total").asLong()).isZero();
        assertRefused(users.readOnly().get("/api/admin/institutions?size=500"), "size", "max");
    }

    @Test
    void anAllianceIsCreatedChangedAuditedAndJoinedByInstitutions() {
        String code = "A97" + RefData.digits(6);
        String lead = "H97" + RefData.digits(9);
        var alliance = new HashMap<String, Object>(Map.of("code", code, "name", "测试医共体", "kind", "COUNTY_COMMUNITY",
                "admdvs", RefData.REGION, "lead_fixmedins_code", lead));
        assertThat(users.admin().post("/api/admin/alliances", alliance).status()).isEqualTo(201);
        assertThat(users.admin().post("/api/admin/alliances", alliance).status()).isEqualTo(409);
        var body = hospital(lead, 2);
        body.put("alliance_code", code);
        assertThat(users.admin().post("/api/admin/institutions", body).status()).isEqualTo(201);
        alliance.put("name", "测试县医共体");
        assertThat(users.clerk().put("/api/admin/alliances/" + code, alliance).status()).isEqualTo(200);
        assertThat(users.readOnly().get("/api/admin/alliances/" + code).json().get("name").asString()).isEqualTo("测试县医共体");
        JsonNode audit = users.auditor().get("/api/admin/alliances/" + code + "/history").json();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).get("before").asString()).contains("测试医共体");
        assertThat(users.readOnly().get("/api/admin/institutions?alliance_code=" + code).json().get("total").asLong()).isEqualTo(1);
        alliance.put("kind", "CLUB");
        assertRefused(users.admin().put("/api/admin/alliances/" + code, alliance), "kind", "enum");
        assertThat(users.readOnly().post("/api/admin/alliances", alliance).status()).isEqualTo(403);
        assertThat(users.admin().get("/api/admin/alliances/A97NONE").status()).isEqualTo(404);
    }
}
