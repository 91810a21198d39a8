package org.yibao.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.ApiClient;
import org.yibao.server.platform.security.StaffRole;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionApiClient;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;

/**
 * The same refused request reads Chinese by default and English when asked: {@code Accept-Language: en}
 * on the admin API's problem+json, {@code ?lang=en} on the insured portal, the institution portal and
 * the console (docs/i18n.md). A sample across the contexts; nothing refused is written. Whether every
 * Chinese refusal has an English text at all, RefusalCoverageTest checks.
 */
@IntegrationTest
class RefusalLanguageTest {

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    YibaoProperties properties;
    @Autowired
    FsiClients fsi;

    /** A hotline complaint about {@code subject} saying {@code text}. */
    private static Map<String, Object> complaint(String subject, String text) {
        return Map.of("channel", "HOTLINE", "complainant_name", "钱先生", "subject_kind", "INSTITUTION", "subject_code", subject,
                "category", "FEES", "text", text);
    }

    @Test
    void aRefusedComplaintReadsChineseByDefaultAndEnglishWhenTheClientAsksForIt() {
        ApiClient clerk = users.clerk();
        long before = jdbc.sql("select count(*) from complaint").query(Long.class).single();

        ApiClient.Response chinese = clerk.post("/api/admin/complaints", complaint("H00000000000", " "));
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.json().get("detail").asString()).contains("text: 请填写投诉内容", "subject_code: 没有编码为 H00000000000 的定点机构");

        ApiClient.Response english = clerk.inLanguage("en-GB,en;q=0.9").post("/api/admin/complaints", complaint("H00000000000", " "));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().get("detail").asString())
                .isEqualTo("text: Enter what the complaint is about; subject_code: There is no designated institution with code H00000000000");
        assertThat(english.json().get("errors").get(0).get("rule").asString()).as("rules stay codes").isEqualTo("complaint.text");
        assertThat(english.body()).doesNotContainPattern("\\p{IsHan}");
        assertThat(jdbc.sql("select count(*) from complaint").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aRefusedStateChangeAndARefusedFilingReadEnglishWhenAsked() {
        ApiClient clerk = users.clerk();
        long id = clerk.post("/api/admin/complaints", complaint("H99010000003", "收费不清")).json().get("id").asLong();
        ApiClient.Response chinese = clerk.post("/api/admin/complaints/" + id + "/answer", Map.of("reply", "已处理"));
        assertThat(chinese.status()).isEqualTo(409);
        assertThat(chinese.json().get("detail").asString()).contains("当前状态为 RECEIVED，不能答复", "请先分派经办人");
        ApiClient.Response english = clerk.inLanguage("en").post("/api/admin/complaints/" + id + "/answer", Map.of("reply", "已处理"));
        assertThat(english.status()).isEqualTo(409);
        assertThat(english.json().get("detail").asString()).isEqualTo("Complaint " + id
                + " is RECEIVED and cannot be answered (only ASSIGNED、INVESTIGATING、ESCALATED can): assign a clerk first");

        String psn = new TestPersons(users, jdbc).employee("英文备案", LocalDate.of(1979, 5, 5), "0.00").psnNo();
        Map<String, String> sameRegion = Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "990100");
        ApiClient.Response filing = clerk.post("/api/admin/persons/" + psn + "/xr-filings", sameRegion);
        assertThat(filing.status()).isEqualTo(400);
        assertThat(filing.json().get("errors").get(0).get("message").asString()).contains("属同一统筹区");
        ApiClient.Response filingEn = clerk.inLanguage("en").post("/api/admin/persons/" + psn + "/xr-filings", sameRegion);
        assertThat(filingEn.json().get("errors").get(0).get("message").asString())
                .startsWith("Treatment region 990100 is in the same pooling region as your home region");

        ApiClient.Response bind = clerk.inLanguage("en").post("/api/admin/persons/" + psn + "/mutual-aid",
                Map.of("certno", "990100197905050000", "psn_name", "某人", "relation", "COUSIN"));
        assertThat(bind.status()).isEqualTo(400);
        assertThat(bind.json().get("detail").asString()).as("the English half of a paired message").isEqualTo("relation: the relation is SPOUSE, PARENT or CHILD");
        assertThat(jdbc.sql("select count(*) from xr_filing where psn_no = ?").param(psn).query(Long.class).single()).isZero();
    }

    @Test
    void theInsuredPortalShowsARefusalInEnglishAfterTheSwitchAndInChineseBefore() {
        PortalSession sun = DemoPortalUsers.signedIn(users.port(), properties, "990100196808110619");
        sun.post("/portal/care", "/portal/care/designated", Map.of("fixmedinsCode", "H00000000042"));
        assertThat(sun.get("/portal/care").body()).contains("机构 H00000000042 不是有效的定点医疗机构");

        sun.post("/portal/care?lang=en", "/portal/care/designated", Map.of("fixmedinsCode", "H00000000042"));
        assertThat(sun.get("/portal/care").body()).contains("Institution H00000000042 is not a designated medical institution in force")
                .doesNotContain("不是有效的定点医疗机构");

        PortalSession.Page complaint = sun.post("/portal/complaints", "/portal/complaints",
                Map.of("subject_kind", "INSTITUTION", "subject_code", "", "category", "FEES", "text", ""));
        assertThat(complaint.location()).endsWith("/portal/complaints");
        assertThat(sun.get("/portal/complaints").body()).contains("Enter what the complaint is about",
                "Enter the code of the designated institution complained about");
    }

    @Test
    void thePortalsDrgLookupNamesAnUnknownDiagnosisWithoutItsChineseTermAfterTheSwitch() {
        PortalSession zhang = DemoPortalUsers.signedIn(users.port(), properties, DemoPortalUsers.ZHANG_MIN_CERTNO);
        assertThat(zhang.get("/portal/drg-lookup?code=NOT-A-CODE").body()).contains("diagnosis NOT-A-CODE is not in the ICD-10 医保版 2.0 of");
        assertThat(zhang.get("/portal/drg-lookup?code=NOT-A-CODE&lang=en").body())
                .contains("diagnosis: diagnosis NOT-A-CODE is not in the insurance edition 2.0 of ICD-10 of").doesNotContain("ICD-10 医保版");
    }

    @Test
    void theConsolePersonPageShowsACounterRefusalInEnglishAfterTheSwitch() {
        users.clerk();
        String psn = new TestPersons(users, jdbc).employee("英文窗口", LocalDate.of(1977, 7, 7), "0.00").psnNo();
        String page = "/persons/" + psn;
        PortalSession clerk = new PortalSession(users.port());
        assertThat(clerk.consoleLogin("clerk1", TestUsers.PASSWORD).status()).isEqualTo(302);
        PortalSession.Page refused = clerk.post(page + "?lang=en", page + "/xr-filings", Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "990100"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"xr-filings-errors\"", "is in the same pooling region as your home region").doesNotContain("同一统筹区");
    }

    @Test
    void theInstitutionPortalAndTheConsoleAgreementFormsShowTheirRefusalsInEnglishAfterTheSwitch() {
        PortalSession institution = InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, "H99010000003"));
        institution.post("/inst-portal/users", "/inst-portal/users", Map.of("username", "坏 名字", "displayName", "某人"));
        assertThat(institution.get("/inst-portal/users").body()).contains("username: 用户名为 3–64 位小写字母");
        institution.post("/inst-portal/users?lang=en", "/inst-portal/users", Map.of("username", "坏 名字", "displayName", "某人"));
        assertThat(institution.get("/inst-portal/users").body())
                .contains("username: A user name has 3–64 lower-case letters, digits, dots, underscores or hyphens");

        users.client("admin-i18n", StaffRole.ADMIN);
        PortalSession admin = new PortalSession(users.port());
        assertThat(admin.consoleLogin("admin-i18n", TestUsers.PASSWORD).status()).isEqualTo(302);
        String page = "/institutions/H99010000003";
        Map<String, String> badKind = Map.of("kind", "FINE", "decision_date", LocalDate.now(BusinessTime.ZONE).toString(), "reason", "测试");
        long sanctions = jdbc.sql("select count(*) from sanction").query(Long.class).single();
        PortalSession.Page chinese = admin.post(page, page + "/sanctions", badKind);
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.body()).contains("处罚类型应为 约谈整改、暂停结算 或 解除协议");
        PortalSession.Page english = admin.post(page + "?lang=en", page + "/sanctions", badKind);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("The sanction is a rectification interview, a suspension of settlement or a termination of the agreement");
        assertThat(jdbc.sql("select count(*) from sanction").query(Long.class).single()).isEqualTo(sanctions);
    }

    @Test
    void theSignedFamilyDoctorApiAnswersInEnglishWhenTheHisAsks() {
        InstitutionApiClient centre = new InstitutionApiClient(users.port(), fsi.as("H99010000003"));
        InstitutionApiClient.Response chinese = centre.get("/inst/api/family-doctor/contracts", "page=1");
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.detail()).isEqualTo("请在查询参数中填写 psn_no");
        InstitutionApiClient.Response english = centre.get("/inst/api/family-doctor/contracts", "page=1", "en");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.detail()).isEqualTo("Give psn_no as a query parameter");
        assertThat(english.json().get("title").asString()).isEqualTo("Invalid input");
    }
}
