package org.yibao.server.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.region.RefData.assertRefused;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** R-REF-5 for regions: effective-dated versions, audit, validation, roles. */
@IntegrationTest
class RegionApiTest {

    @Autowired
    TestUsers users;

    @Autowired
    Regions regions;

    @BeforeEach
    void region() {
        RefData.ensureRegion(users.admin());
    }

    private static Map<String, Object> region(String admdvs, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("admdvs", admdvs, "name", name, "province_admdvs", "970000",
                "pooling_admdvs", RefData.REGION, "inpatient_payment", "DRG"));
        return body;
    }

    @Test
    void aChangedRegionIsReadAsOfEitherSideOfTheChange() {
        String admdvs = "97" + RefData.digits(4);
        var body = region(admdvs, "测试县");
        body.put("validFrom", "2024-01-01");
        assertThat(users.clerk().post("/api/admin/regions", body).status()).isEqualTo(201);

        var change = region(admdvs, "测试区");
        change.put("inpatient_payment", "DIP");
        change.put("effectiveFrom", "2025-07-01");
        var changed = users.admin().put("/api/admin/regions/" + admdvs, change);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        JsonNode before = users.readOnly().get("/api/admin/regions/" + admdvs + "?asOf=2025-06-30").json();
        JsonNode after = users.readOnly().get("/api/admin/regions/" + admdvs + "?asOf=2025-07-01").json();
        assertThat(before.get("name").asString()).isEqualTo("测试县");
        assertThat(before.get("valid_to").asString()).isEqualTo("2025-07-01");
        assertThat(after.get("name").asString()).isEqualTo("测试区");
        assertThat(after.get("inpatient_payment").asString()).isEqualTo("DIP");
        assertThat(regions.poolingRegionOf(admdvs, java.time.LocalDate.of(2025, 8, 1))).contains(RefData.REGION);

        JsonNode history = users.auditor().get("/api/admin/regions/" + admdvs + "/history").json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("audit")).hasSize(2);
        JsonNode update = history.get("audit").get(0);
        assertThat(update.get("action").asString()).isEqualTo("UPDATE");
        assertThat(update.get("actor").asString()).isEqualTo("admin");
        assertThat(update.get("before").asString()).contains("测试县");
        assertThat(update.get("after").asString()).contains("测试区");
        assertThat(history.get("audit").get(1).get("actor").asString()).isEqualTo("clerk1");
    }

    @Test
    void aChangeCannotTakeEffectBeforeTheVersionInForce() {
        String admdvs = "97" + RefData.digits(4);
        var body = region(admdvs, "测试县");
        body.put("validFrom", "2025-01-01");
        assertThat(users.admin().post("/api/admin/regions", body).status()).isEqualTo(201);
        var change = region(admdvs, "改名");
        change.put("effectiveFrom", "2024-12-31");
        assertRefused(users.admin().put("/api/admin/regions/" + admdvs, change), "effectiveFrom", "after_current_version");
        assertThat(regions.versions(admdvs)).hasSize(1);
    }

    @Test
    void badRegionsAreRefusedFieldByField() {
        var body = region("97AB", "");
        body.put("inpatient_payment", "CASH");
        var reply = users.admin().post("/api/admin/regions", body);
        assertRefused(reply, "admdvs", "format");
        assertRefused(reply, "name", "required");
        assertRefused(reply, "inpatient_payment", "enum");
    }

    @Test
    void aDuplicateRegionIsAConflict() {
        var reply = users.admin().post("/api/admin/regions", region(RefData.REGION, "again"));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownRegionIsNotFound() {
        assertThat(users.admin().get("/api/admin/regions/979999").status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/regions/979999/history").status()).isEqualTo(404);
        assertThat(users.admin().put("/api/admin/regions/979999", region("979999", "x")).status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/regions/" + RefData.REGION + "?asOf=2019-12-31").status()).isEqualTo(404);
    }

    @Test
    void readOnlyAndAuditorUsersCannotChangeRegionsButCanReadThem() {
        for (var user : new org.yibao.server.support.ApiClient[] {users.readOnly(), users.auditor()}) {
            assertThat(user.post("/api/admin/regions", region("97" + RefData.digits(4), "x")).status()).isEqualTo(403);
            assertThat(user.put("/api/admin/regions/" + RefData.REGION, region(RefData.REGION, "x")).status()).isEqualTo(403);
            assertThat(user.get("/api/admin/regions?q=9701").status()).isEqualTo(200);
        }
    }

    @Test
    void pageSizeAboveTwoHundredIsRefusedNotClamped() {
        assertRefused(users.admin().get("/api/admin/regions?size=500"), "size", "max");
        assertRefused(users.admin().get("/api/admin/regions?asOf=2025-13-01"), "asOf", "type");
        var page = users.admin().get("/api/admin/regions?q=970100&size=200").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(200);
        assertThat(page.get("items").get(0).get("admdvs").asString()).isEqualTo(RefData.REGION);
    }

    @Test
    void theOpenApiDescriptionListsTheReferenceDataEndpoints() {
        var docs = users.readOnly().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        for (String path : new String[] {"/api/admin/regions", "/api/admin/alliances", "/api/admin/institutions/{code}/history",
                "/api/admin/persons", "/api/admin/catalogue/{admdvs}/items", "/api/admin/diseases", "/api/admin/procedures",
                "/api/admin/chronic-diseases/{admdvs}"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }
}
