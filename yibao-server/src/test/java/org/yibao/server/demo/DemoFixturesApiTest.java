package org.yibao.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-DEMO: every named fixture of DOMAIN.md §2 is returned by the admin API with exactly the codes and
 * values the documentation gives, so that docs, examples and tests can rely on them. The expected
 * values below are copied from DOMAIN.md, not from the loader.
 */
@IntegrationTest
class DemoFixturesApiTest {

    @Autowired
    TestUsers users;

    private JsonNode get(String path) {
        ApiClient.Response reply = users.readOnly().get(path);
        assertThat(reply.status()).as(path).isEqualTo(200);
        return reply.json();
    }

    @ParameterizedTest(name = "region {0} {1}")
    @CsvSource({
        "990100, 示范市, 990000, 990100, DRG",
        "990121, 示范县, 990000, 990100, DRG",
        "990200, 邻江市, 990000, 990200, DIP",
        "980100, 远山市, 980000, 980100, DRG",
    })
    void regionsAreAsDocumented(String admdvs, String name, String province, String pooling, String payment) {
        JsonNode region = get("/api/admin/regions/" + admdvs);
        assertThat(region.get("name").asString()).isEqualTo(name);
        assertThat(region.get("province_admdvs").asString()).isEqualTo(province);
        assertThat(region.get("pooling_admdvs").asString()).isEqualTo(pooling);
        assertThat(region.get("inpatient_payment").asString()).isEqualTo(payment);
    }

    @ParameterizedTest(name = "institution {0} {1}")
    @CsvSource(nullValues = "-", value = {
        "H99010000001, 示范市第一人民医院,       990100, 3, HOSPITAL,  示范市城市医疗集团",
        "H99010000002, 示范市中心医院,           990100, 2, HOSPITAL,  示范市城市医疗集团",
        "H99010000003, 示范市城东社区卫生服务中心, 990100, 1, COMMUNITY, 示范市城市医疗集团",
        "H99010000004, 示范市城西社区卫生服务中心, 990100, 1, COMMUNITY, -",
        "H99012100001, 示范县人民医院,           990121, 2, HOSPITAL,  示范县医共体",
        "H99012100002, 示范县城关镇卫生院,       990121, 1, TOWNSHIP,  示范县医共体",
        "P99010000001, 示范大药房,               990100, -, PHARMACY,  -",
        "H99020000001, 邻江市人民医院,           990200, 3, HOSPITAL,  -",
        "H98010000001, 远山市人民医院,           980100, 3, HOSPITAL,  -",
    })
    void institutionsAreAsDocumented(String code, String name, String admdvs, Integer level, String kind, String allianceName) {
        JsonNode institution = get("/api/admin/institutions/" + code);
        assertThat(institution.get("fixmedins_code").asString()).hasSize(12).isEqualTo(code);
        assertThat(institution.get("name").asString()).isEqualTo(name);
        assertThat(institution.get("admdvs").asString()).isEqualTo(admdvs);
        assertThat(institution.get("kind").asString()).isEqualTo(kind);
        if (level == null) {
            assertThat(institution.path("level").isMissingNode() || institution.get("level").isNull()).isTrue();
        } else {
            assertThat(institution.get("level").asInt()).isEqualTo(level);
        }
        if (allianceName == null) {
            assertThat(institution.path("alliance_code").isMissingNode() || institution.get("alliance_code").isNull()).isTrue();
        } else {
            JsonNode alliance = get("/api/admin/alliances/" + institution.get("alliance_code").asString());
            assertThat(alliance.get("name").asString()).isEqualTo(allianceName);
        }
    }

    @Test
    void allianceLeadsAreTheDocumentedHospitals() {
        List<String> leads = new ArrayList<>();
        get("/api/admin/alliances?size=200").get("items").forEach(a -> leads.add(a.get("name").asString() + "←" + a.get("lead_fixmedins_code").asString()));
        assertThat(leads).contains("示范市城市医疗集团←H99010000001", "示范县医共体←H99012100001");
    }

    @Test
    void otherProvinceHospitalsHaveAllThreeCrossRegionFlags() {
        for (String code : List.of("H98010000001", "H99020000001")) {
            JsonNode institution = get("/api/admin/institutions/" + code);
            assertThat(institution.get("xr_inpatient").asBoolean()).as(code).isTrue();
            assertThat(institution.get("xr_outpatient").asBoolean()).as(code).isTrue();
            assertThat(institution.get("xr_chronic").asBoolean()).as(code).isTrue();
        }
    }

    @ParameterizedTest(name = "person {1}")
    @CsvSource(nullValues = "-", value = {
        "99010000000000000001, 张敏, 990100198103150126, 2, 1981-03-15, 310, 1101, 3000.00, 990100",
        "99010000000000000002, 李强, 990100195806200210, 1, 1958-06-20, 310, 1201, 5000.00, 990100",
        "99010000000000000003, 王芳, 990100195609020325, 2, 1956-09-02, 390, 1501, -,       990100",
        "99010000000000000004, 赵刚, 990100196601180417, 1, 1966-01-18, 390, 1501, -,       990100",
        "99010000000000000005, 陈静, 990100197405050521, 2, 1974-05-05, 390, 1501, -,       990100",
        "99010000000000000006, 孙伟, 990100196808110619, 1, 1968-08-11, 310, 1101, 2000.00, 990100",
        "99010000000000000007, 周婷, 990100196002270728, 2, 1960-02-27, 310, 1201, 4000.00, 990100",
        "99012100000000000001, 刘洋, 990121198604100110, 1, 1986-04-10, 390, 1501, -,       990121",
    })
    void personsAreAsDocumented(String psnNo, String name, String certno, String gend, String brdy, String insutype,
                                String psnType, BigDecimal balance, String residence) {
        JsonNode person = get("/api/admin/persons/" + psnNo);
        assertThat(person.get("psn_no").asString()).hasSize(20).isEqualTo(psnNo);
        assertThat(person.get("psn_name").asString()).isEqualTo(name);
        assertThat(person.get("certno").asString()).isEqualTo(certno);
        assertThat(person.get("gend").asString()).isEqualTo(gend);
        assertThat(person.get("brdy").asString()).isEqualTo(brdy);
        assertThat(person.get("insutype").asString()).isEqualTo(insutype);
        assertThat(person.get("psn_type").asString()).isEqualTo(psnType);
        assertThat(person.get("insuplc_admdvs").asString()).isEqualTo("990100");
        assertThat(person.get("residence_admdvs").asString()).isEqualTo(residence);
        if (balance == null) {
            assertThat(person.path("balance").isMissingNode() || person.get("balance").isNull()).isTrue();
        } else {
            assertThat(person.get("balance").decimalValue()).isEqualByComparingTo(balance);
        }
        // DOMAIN §2.3: all recognitions, contracts and bindings run from 2025-01-01 to 2030-12-31 (rows other
        // tests filed and cancelled again, such as 王芳's 2503 story, are not the demo world's).
        for (String list : List.of("chronic_recognitions", "family_doctor_contracts")) {
            person.get(list).forEach(row -> {
                if (!row.path("cancelled_at").isNull() && !row.path("cancelled_at").isMissingNode()) {
                    return;
                }
                assertThat(row.get("begin_date").asString()).isEqualTo("2025-01-01");
                assertThat(row.get("end_date").asString()).isEqualTo("2030-12-31");
            });
        }
    }

    @Test
    void zhangMinBindsHerMotherWangFangForMutualAid() {
        JsonNode binding = get("/api/admin/persons/99010000000000000003").get("mutual_aid_bindings").get(0);
        assertThat(binding.get("binder_psn_no").asString()).isEqualTo("99010000000000000001");
        assertThat(binding.get("member_psn_no").asString()).isEqualTo("99010000000000000003");
        assertThat(binding.get("relation").asString()).isEqualTo("PARENT");
        assertThat(binding.get("valid_from").asString()).isEqualTo("2025-01-01");
    }

    @Test
    void identitiesRecognitionsContractsAndFilingAreAsDocumented() {
        assertThat(get("/api/admin/persons/99010000000000000004").get("identities").findValuesAsString("psn_idet_type")).containsExactly("2101");
        assertThat(get("/api/admin/persons/99010000000000000005").get("identities").findValuesAsString("psn_idet_type")).containsExactly("2102");

        JsonNode liQiang = get("/api/admin/persons/99010000000000000002").get("chronic_recognitions");
        assertThat(liQiang.findValuesAsString("dise_codg")).containsExactly("E11.900");
        assertThat(get("/api/admin/persons/99010000000000000005").get("chronic_recognitions").findValuesAsString("dise_key")).containsExactly("I10");
        assertThat(get("/api/admin/persons/99010000000000000006").get("chronic_recognitions").findValuesAsString("dise_key")).containsExactly("I10");

        JsonNode chenJing = get("/api/admin/persons/99010000000000000005").get("family_doctor_contracts").get(0);
        assertThat(chenJing.get("kind").asString()).isEqualTo("BASIC");
        assertThat(chenJing.get("community_code").asString()).isEqualTo("H99010000003");

        JsonNode sunWei = get("/api/admin/persons/99010000000000000006").get("family_doctor_contracts").get(0);
        assertThat(sunWei.get("kind").asString()).isEqualTo("TRIPLE");
        assertThat(List.of(sunWei.get("community_code").asString(), sunWei.get("district_code").asString(), sunWei.get("city_code").asString()))
                .containsExactly("H99010000003", "H99010000002", "H99010000001");

        JsonNode zhouTing = get("/api/admin/persons/99010000000000000007").get("xr_filings").get(0);
        assertThat(zhouTing.get("category").asString()).isEqualTo("RETIREE_RESETTLED");
        assertThat(zhouTing.get("treatment_admdvs").asString()).isEqualTo("980100");
        assertThat(zhouTing.get("begin_date").asString()).isEqualTo("2025-06-01");
    }

    @ParameterizedTest(name = "990100 item {1}")
    @CsvSource(nullValues = "-", value = {
        "XA10BAE054A001010101001, 盐酸二甲双胍片,         01, 0,    -",
        "XC09CAL100A001010101002, 缬沙坦胶囊,             02, 0.10, -",
        "XJ01DCT013B002010101003, 注射用头孢呋辛钠,       02, 0.10, -",
        "XD11AXM999A001010101005, 米诺地尔搽剂,           03, 1,    -",
        "001101000010000,         普通门诊诊查费,         01, 0,    20.00",
        "002101000010000,         X线计算机体层(CT)平扫,  02, 0.10, 200.00",
        "001102000010000,         住院诊查费,             01, 0,    30.00",
        "001103000010000,         床位费,                 01, 0,    60.00",
        "003101000010000,         健康体检,               03, 1,    -",
        "003102000010000,         阑尾切除术,             01, 0,    1200.00",
        "C0102030400001010101001, 一次性使用输液器,       02, 0.20, -",
    })
    void catalogueItemsOf990100AreAsDocumented(String code, String name, String level, BigDecimal selfpayProp, BigDecimal cap) {
        JsonNode item = get("/api/admin/catalogue/990100/items/" + code + "?asOf=2026-06-30");
        assertThat(item.get("name").asString()).isEqualTo(name);
        assertThat(item.get("chrgitm_lv").asString()).isEqualTo(level);
        assertThat(item.get("selfpay_prop").decimalValue()).isEqualByComparingTo(selfpayProp);
        if (cap == null) {
            assertThat(item.path("price_cap").isMissingNode() || item.get("price_cap").isNull()).isTrue();
        } else {
            assertThat(item.get("price_cap").decimalValue()).isEqualByComparingTo(cap);
        }
    }

    @Test
    void catalogueRestrictionsAndFlagsAreAsDocumented() {
        assertThat(get("/api/admin/catalogue/990100/items/XJ01DCT013B002010101003").get("min_inst_level").asInt()).isEqualTo(2);
        assertThat(get("/api/admin/catalogue/990100/items/003101000010000").get("non_disease").asBoolean()).isTrue();
        assertThat(get("/api/admin/catalogue/990100/items/002101000010000").get("imaging").asBoolean()).isTrue();
        assertThat(get("/api/admin/catalogue/990100/items/001103000010000").get("bed_only").asBoolean()).isTrue();
        assertThat(get("/api/admin/catalogue/990100/items/XA10BAE054A001010101001").get("chronic_drug").asBoolean()).isTrue();
        assertThat(get("/api/admin/catalogue/990100/items/C0102030400001010101001").get("category").asString()).isEqualTo("CONSUMABLE");
    }

    @Test
    void theTreatmentRegion980100CapsTheOutpatientConsultationAt25() {
        assertThat(get("/api/admin/catalogue/980100/items/001101000010000").get("price_cap").decimalValue())
                .isEqualByComparingTo("25.00");
        assertThat(get("/api/admin/catalogue/980100/items/002101000010000").get("price_cap").decimalValue())
                .isEqualByComparingTo("200.00");
    }

    @Test
    void chronicDiseaseListOfTheDemoRegions() {
        for (String admdvs : List.of("990100", "990200", "980100")) {
            assertThat(get("/api/admin/chronic-diseases/" + admdvs).get("items").findValuesAsString("dise_key"))
                    .as(admdvs).containsExactlyInAnyOrder("I10", "E11", "N18.5");
        }
    }
}
