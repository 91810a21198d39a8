package org.yibao.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.math.BigDecimal;
import org.yibao.server.IntegrationTest;
import org.yibao.server.catalog.Catalogue;
import org.yibao.server.catalog.CatalogueItem;
import org.yibao.engine.identity.CertificateNumbers;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.Persons;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.region.Regions;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;

/**
 * Changing reference data from the console (R-REF-5) over real HTTP: form posts with HTTP Basic (which
 * needs no CSRF token), who may edit, effective-dated versions, audit, and refusals that change nothing.
 * Uses its own institutions H96… in region 960100.
 */
@IntegrationTest
class ConsoleEditTest {

    static final String REGION = "960100";
    static final LocalDate FIRST_VERSION = LocalDate.of(2025, 1, 1);

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Institutions institutions;

    @Autowired
    Regions regions;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Persons persons;

    private String code;

    @BeforeEach
    void ownInstitution() {
        code = newInstitution(institutions, regions);
    }

    /** A fresh hospital H96… in 960100 (created with its region when missing) whose first version starts 2025-01-01. */
    static String newInstitution(Institutions institutions, Regions regions) {
        if (!regions.exists(REGION)) {
            regions.create(new Regions.RegionData(REGION, "编辑测试市", "960000", REGION, "DRG"), FIRST_VERSION);
        }
        String code = "H96" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        institutions.create(new Institution(code, "编辑测试医院", REGION, 2, "HOSPITAL", null, true, false, false, false,
                "测试路 1 号", FIRST_VERSION, null));
        return code;
    }

    @Test
    void clerkRenamesAnInstitutionFromALaterDateAndThePageShowsTheNewNameAndBothVersions() {
        var form = users.clerk().get("/institutions/" + code + "/edit");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"name\"").contains("编辑测试医院").contains("name=\"effectiveFrom\"");

        var reply = post(users.clerk(), code, fields("name", "编辑测试医院（新址）", "effectiveFrom", "2025-06-01"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(302);

        String page = users.clerk().get("/institutions/" + code).body();
        assertThat(page).contains("<h1>编辑测试医院（新址）</h1>");
        assertThat(versionRows(page)).isEqualTo(2);
        assertThat(page).contains("2025-06-01").contains("clerk1");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'institution' and entity_key = ? "
                        + "and action = 'UPDATE' and actor = 'clerk1' and effective_date = date '2025-06-01'")
                .param(code).query(Long.class).single()).isEqualTo(1);
        assertThat(institutions.find(code, LocalDate.of(2025, 3, 1)).orElseThrow().name()).isEqualTo("编辑测试医院");
    }

    @Test
    void readOnlyUserCannotOpenOrSubmitTheEditFormAndSeesNoEditLink() {
        assertThat(users.readOnly().get("/institutions/" + code).body()).doesNotContain("id=\"edit-link\"")
                .doesNotContain("/institutions/" + code + "/edit");
        assertThat(users.auditor().get("/institutions/" + code).body()).doesNotContain("id=\"edit-link\"");
        assertThat(users.clerk().get("/institutions/" + code).body()).contains("id=\"edit-link\"");

        assertThat(users.readOnly().get("/institutions/" + code + "/edit").status()).isEqualTo(403);
        assertThat(users.auditor().get("/institutions/" + code + "/edit").status()).isEqualTo(403);
        assertThat(post(users.readOnly(), code, fields("name", "只读用户改的名", "effectiveFrom", "2025-06-01")).status()).isEqualTo(403);
        assertThat(institutions.history(code).versions()).hasSize(1);
        assertThat(institutions.find(code).orElseThrow().name()).isEqualTo("编辑测试医院");
    }

    @Test
    void hospitalWithoutLevelIsRefusedNextToTheLevelFieldAndNothingChanges() {
        var reply = post(users.clerk(), code, fields("name", "不应保存", "level", "", "effectiveFrom", "2025-06-01"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("id=\"level-error\"").contains("must have a level 1, 2 or 3")
                .contains("value=\"不应保存\"").contains("未保存");
        assertUnchanged();
    }

    @Test
    void effectiveDateBeforeTheVersionInForceIsRefusedNextToTheDateAndNothingChanges() {
        var reply = post(users.clerk(), code, fields("name", "不应保存", "effectiveFrom", "2024-12-31"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("id=\"effectiveFrom-error\"").contains("must be after the start of the version in force");
        var typo = post(users.clerk(), code, fields("effectiveFrom", "2025-13-01"));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body()).contains("id=\"effectiveFrom-error\"").contains("YYYY-MM-DD");
        assertUnchanged();
    }

    @Test
    void clerkChangesTheSelfPayShareOfACatalogueItemFromALaterDate() {
        String item = newItem();
        String path = "/catalogue/" + REGION + "/" + item;
        assertThat(users.clerk().get(path).body()).contains("id=\"edit-link\"");
        assertThat(users.clerk().get(path + "/edit").body()).contains("value=\"0.1000\"");

        var reply = send(users.clerk(), path + "/edit", itemFields("selfpay_prop", "0.2000", "effectiveFrom", "2025-07-01"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(302);
        assertThat(catalogue.history(REGION, item).versions()).hasSize(2);
        assertThat(catalogue.item(REGION, item, LocalDate.of(2025, 7, 1)).orElseThrow().selfpayProp()).isEqualByComparingTo("0.2");
        assertThat(versionRows(users.clerk().get(path).body())).isEqualTo(2);
    }

    @Test
    void selfPayShareAboveOneIsRefusedNextToItsFieldAndNothingChanges() {
        String item = newItem();
        String path = "/catalogue/" + REGION + "/" + item;
        var reply = send(users.clerk(), path + "/edit", itemFields("selfpay_prop", "1.5", "effectiveFrom", "2025-07-01"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("id=\"selfpay_prop-error\"").contains("a share between 0 and 1").contains("value=\"1.5\"");
        assertThat(send(users.clerk(), path + "/edit", itemFields("selfpay_prop", "abc")).body()).contains("id=\"selfpay_prop-error\"");
        assertThat(catalogue.history(REGION, item).versions()).hasSize(1);
        assertThat(users.readOnly().get(path + "/edit").status()).isEqualTo(403);
        assertThat(users.readOnly().get(path).body()).doesNotContain("id=\"edit-link\"");
    }

    @Test
    void clerkSuspendsAPersonsBenefitsAndThePersonPageShowsBothVersions() {
        String psnNo = newPerson();
        String path = "/persons/" + psnNo;
        assertThat(users.clerk().get(path).body()).contains("id=\"edit-link\"");
        assertThat(users.readOnly().get(path).body()).doesNotContain("id=\"edit-link\"");
        assertThat(users.readOnly().get(path + "/edit").status()).isEqualTo(403);
        assertThat(users.clerk().get(path + "/edit").body()).contains("value=\"1501\"");

        var reply = send(users.clerk(), path + "/edit", personFields("status", "SUSPENDED", "status_until", "2026-12-31",
                "effectiveFrom", "2025-08-01"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(302);
        String page = users.clerk().get(path).body();
        assertThat(page).contains("暂停待遇").contains("2026-12-31");
        assertThat(page.substring(page.indexOf("id=\"versions\""))).contains("2025-08-01").contains("clerk1");
        assertThat(persons.history(psnNo).versions()).hasSize(2);
    }

    @Test
    void suspensionWithoutEndOrAnEmployeeTypeForAResidentIsRefusedAndNothingChanges() {
        String psnNo = newPerson();
        var reply = send(users.clerk(), "/persons/" + psnNo + "/edit", personFields("status", "SUSPENDED", "psn_type", "1101",
                "effectiveFrom", "2025-08-01"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("id=\"status_until-error\"").contains("id=\"psn_type-error\"")
                .contains("a resident (390) is 14xx or 15xx");
        assertThat(persons.history(psnNo).versions()).hasSize(1);
    }

    @Test
    void unknownInstitutionHasNoEditForm() {
        assertThat(users.clerk().get("/institutions/H96NOPE/edit").status()).isEqualTo(404);
    }

    /** A fresh 乙类 drug in 960100's catalogue, first version 2025-01-01, 10 % first self-pay. */
    private String newItem() {
        String item = "X96" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        catalogue.create(new CatalogueItem(REGION, item, "编辑测试片", "DRUG", "02", new BigDecimal("0.1000"), null, "09", null, null,
                null, null, null, null, false, false, false, false, false, FIRST_VERSION, null));
        return item;
    }

    private static Map<String, String> itemFields(String... overrides) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "编辑测试片");
        form.put("chrgitm_lv", "02");
        form.put("selfpay_prop", "0.1000");
        form.put("price_cap", "");
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        return form;
    }

    /** A fresh resident (390, 1501) insured in 960100 since 2025-01-01, with a valid 居民身份证 number. */
    private String newPerson() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String psnNo = "96" + String.format("%09d%09d", random.nextInt(1_000_000_000), random.nextInt(1_000_000_000));
        String first17 = REGION + String.format("1980%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
                + String.format("%02d", random.nextInt(100)) + "1";
        String certno = first17 + CertificateNumbers.checkCharacter(first17);
        persons.create(new Persons.NewPerson(new Person(psnNo, certno, null, "编辑测试人", "1",
                CertificateNumbers.birthDate(certno).orElseThrow(), null, "390", "1501", REGION, null, null, null, null, null, null,
                FIRST_VERSION, null), null, null));
        return psnNo;
    }

    private static Map<String, String> personFields(String... overrides) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("psn_name", "编辑测试人");
        form.put("psn_type", "1501");
        form.put("emp_name", "");
        form.put("residence_admdvs", REGION);
        form.put("status", "NORMAL");
        form.put("status_until", "");
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        return form;
    }

    private void assertUnchanged() {
        assertThat(institutions.history(code).versions()).hasSize(1);
        assertThat(institutions.find(code).orElseThrow().name()).isEqualTo("编辑测试医院");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'institution' and entity_key = ? and action = 'UPDATE'")
                .param(code).query(Long.class).single()).isZero();
    }

    /** The form's fields as the current version fills them, with some replaced. */
    private static Map<String, String> fields(String... overrides) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "编辑测试医院");
        form.put("kind", "HOSPITAL");
        form.put("level", "2");
        form.put("alliance_code", "");
        form.put("address", "测试路 1 号");
        form.put("designated", "true");
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        return form;
    }

    static ApiClient.Response post(ApiClient client, String code, Map<String, String> form) {
        return send(client, "/institutions/" + code + "/edit", form);
    }

    static ApiClient.Response send(ApiClient client, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send("POST", path, body, "application/x-www-form-urlencoded");
    }

    private static int versionRows(String page) {
        String versions = page.substring(page.lastIndexOf("<tbody>"), page.lastIndexOf("</tbody>"));
        return versions.split("<tr>", -1).length - 1;
    }
}
