package org.yibao.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.region.RefData.assertRefused;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.region.RefData;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** The 医保版 ICD lists (read-only) and a region's chronic-disease list (effective-dated). */
@IntegrationTest
class ReferenceListsApiTest {

    @Autowired
    TestUsers users;

    @Autowired
    ChronicDiseases chronicDiseases;

    @BeforeEach
    void region() {
        RefData.ensureRegion(users.admin());
    }

    @Test
    void theIcdListsAreLoadedWithTheirNames() {
        JsonNode cholera = users.readOnly().get("/api/admin/diseases/A00.000").json();
        assertThat(cholera.get("name").asString()).isEqualTo("霍乱，由于O1群霍乱弧菌，霍乱生物型所致");
        JsonNode ultrasound = users.readOnly().get("/api/admin/procedures/00.0100").json();
        assertThat(ultrasound.get("name").asString()).isEqualTo("头和颈部血管治疗性超声");
        assertThat(users.readOnly().get("/api/admin/diseases").json().get("total").asLong()).isEqualTo(33304);
        assertThat(users.readOnly().get("/api/admin/procedures").json().get("total").asLong()).isEqualTo(13686);
        assertThat(users.readOnly().get("/api/admin/diseases/Z99.999x999").status()).isEqualTo(404);
    }

    @Test
    void diseasesAreFoundByCodePrefixOrName() {
        JsonNode byCode = users.readOnly().get("/api/admin/diseases?q=a00&size=200").json();
        assertThat(byCode.get("total").asLong()).isGreaterThan(1);
        byCode.get("items").forEach(d -> assertThat(d.get("code").asString()).startsWith("A00"));
        JsonNode byName = users.readOnly().get("/api/admin/diseases?q=霍乱").json();
        assertThat(byName.get("items").get(0).get("code").asString()).isEqualTo("A00.000");
        assertRefused(users.readOnly().get("/api/admin/procedures?size=500"), "size", "max");
        assertThat(users.admin().post("/api/admin/diseases", Map.of("code", "X", "name", "y")).status()).isIn(404, 405);
    }

    @Test
    void aChronicDiseaseRenamedLaterIsReadAsOfEitherSideAndAudited() {
        String key = "E" + RefData.digits(2) + "." + RefData.digits(3);
        var body = new HashMap<String, Object>(Map.of("dise_key", key, "name", "测试慢病", "validFrom", "2025-01-01"));
        var created = users.clerk().post("/api/admin/chronic-diseases/" + RefData.REGION, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(users.clerk().post("/api/admin/chronic-diseases/" + RefData.REGION, body).status()).isEqualTo(409);
        var rename = Map.<String, Object>of("name", "测试慢特病", "effectiveFrom", "2026-01-01");
        assertThat(users.admin().put("/api/admin/chronic-diseases/" + RefData.REGION + "/" + key, rename).status()).isEqualTo(200);
        String path = "/api/admin/chronic-diseases/" + RefData.REGION + "/" + key;
        assertThat(users.readOnly().get(path + "?asOf=2025-12-31").json().get("name").asString()).isEqualTo("测试慢病");
        assertThat(users.readOnly().get(path + "?asOf=2026-01-01").json().get("name").asString()).isEqualTo("测试慢特病");
        JsonNode history = users.auditor().get(path + "/history").json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("audit").get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(chronicDiseases.entryFor(RefData.REGION, key + "0", LocalDate.of(2026, 2, 1)).orElseThrow().diseKey()).isEqualTo(key);
        assertThat(users.readOnly().put(path, rename).status()).isEqualTo(403);
        assertThat(users.auditor().post("/api/admin/chronic-diseases/" + RefData.REGION, body).status()).isEqualTo(403);
        assertRefused(users.admin().post("/api/admin/chronic-diseases/" + RefData.REGION, Map.of("dise_key", "hypertension", "name", "")),
                "dise_key", "format");
        assertThat(users.readOnly().get("/api/admin/chronic-diseases/" + RefData.REGION + "/Q99").status()).isEqualTo(404);
    }
}
