package org.yibao.server.console.instportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.region.RefData;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.InstitutionPortalLogins.Login;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestUsers;

/**
 * The institution portal's security over real HTTP (R-INST-5): institution users sign in on
 * /inst-portal/login, see their own institution only, and reach neither the console, the admin API
 * nor the insured portal; staff and insured persons cannot sign in there; only INST_ADMIN manages
 * users, only of its own institution; only staff ADMIN uses the admin API of institution users;
 * every change is audited.
 */
@IntegrationTest
class InstitutionPortalSecurityTest {

    static final String EAST = DemoCast.EAST_COMMUNITY_CENTRE;
    static final String WEST = DemoCast.WEST_COMMUNITY_CENTRE;

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    JdbcClient jdbc;

    private Login eastAdmin() {
        return InstitutionPortalLogins.demoAdmin(properties, EAST);
    }

    private static String unique(String prefix) {
        return prefix + RefData.digits(8);
    }

    private long audited(String action, String key, String actor) {
        return jdbc.sql("select count(*) from audit_log where entity_type = 'institution_user' and action = ? and entity_key = ? and actor = ?")
                .params(action, key, actor).query(Long.class).single();
    }

    private List<String> readAdmin() {
        try {
            return Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theDemoAdministratorSignsInAndSeesItsOwnInstitution() {
        PortalSession east = InstitutionPortalLogins.signedIn(users.port(), eastAdmin());
        PortalSession.Page home = east.get("/inst-portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(EAST).contains("可以结算").contains("服务协议").contains("用户")
                .doesNotContain(WEST).doesNotContain("https://").doesNotContain("http://");
        assertThat(east.get("/inst-portal?lang=en").body()).contains("Overview").contains("Allowed");
        assertThat(east.post("/inst-portal", "/inst-portal/logout", Map.of()).location()).endsWith("/inst-portal/login?logout");
        assertThat(east.get("/inst-portal").location()).endsWith("/inst-portal/login");
    }

    @Test
    void wrongPasswordUnknownUserAndMissingCsrfTokenAreRefused() {
        PortalSession s = new PortalSession(users.port());
        assertThat(s.get("/inst-portal").location()).endsWith("/inst-portal/login");
        assertThat(InstitutionPortalLogins.login(s, new Login(eastAdmin().username(), "wrong-password")).location())
                .endsWith("/inst-portal/login?error");
        assertThat(InstitutionPortalLogins.login(s, new Login("nobody-here", "whatever-123")).location()).endsWith("/inst-portal/login?error");
        assertThat(s.postRaw("/inst-portal/login", Map.of("username", eastAdmin().username(), "password", eastAdmin().password())).status())
                .isEqualTo(403);
        assertThat(s.get("/inst-portal").location()).endsWith("/inst-portal/login");
        PortalSession.Page login = s.get("/inst-portal/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("定点机构登录").contains("name=\"_csrf\"").contains("action=\"/inst-portal/login\"");
    }

    @Test
    void staffAndInsuredPersonsCannotSignInNorUseTheirSessionsThere() {
        List<String> admin = readAdmin();
        PortalSession staff = new PortalSession(users.port());
        assertThat(InstitutionPortalLogins.login(staff, new Login(admin.get(0), admin.get(1))).location()).endsWith("/inst-portal/login?error");
        assertThat(staff.consoleLogin(admin.get(0), admin.get(1)).location()).doesNotContain("error");
        assertThat(staff.get("/").status()).isEqualTo(200);
        assertThat(staff.get("/inst-portal").location()).endsWith("/inst-portal/login");

        String certno = DemoPortalUsers.ZHANG_MIN_CERTNO;
        PortalSession person = DemoPortalUsers.signedIn(users.port(), properties, certno);
        assertThat(InstitutionPortalLogins.login(person, new Login(certno, DemoPortalUsers.password(properties, certno))).location())
                .endsWith("/inst-portal/login?error");
        assertThat(person.get("/inst-portal").location()).endsWith("/inst-portal/login");
    }

    @Test
    void anInstitutionUserReachesNeitherTheConsoleNorTheAdminApiNorTheInsuredPortal() {
        PortalSession east = InstitutionPortalLogins.signedIn(users.port(), eastAdmin());
        assertThat(east.get("/").location()).endsWith("/login");
        assertThat(east.get("/institutions").location()).endsWith("/login");
        assertThat(east.get("/api/admin/institutions").status()).isEqualTo(401);
        assertThat(east.get("/api/admin/institutions/" + EAST + "/users").status()).isEqualTo(401);
        assertThat(east.get("/portal").location()).endsWith("/portal/login");
        // Still signed in to its own portal.
        assertThat(east.get("/inst-portal").status()).isEqualTo(200);
        // The signed family-doctor API is another thing altogether: no session opens it.
        assertThat(east.get("/inst/api/contracts").status()).isNotEqualTo(200);
    }

    @Test
    void aComplaintAboutAnotherInstitutionAnswersNotFoundAndNoComplainantDataIsShown() {
        ApiClient clerk = users.clerk();
        String text = "西区门诊多收挂号费 " + RefData.digits(6);
        ApiClient.Response made = clerk.post("/api/admin/complaints", Map.of("channel", "HOTLINE", "complainant_name", "钱先生",
                "complainant_phone", "13900004321", "subject_kind", "INSTITUTION", "subject_code", WEST, "category", "FEES", "text", text));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        clerk.post("/api/admin/complaints/" + id + "/assign", Map.of("assignee", "clerk1"));
        assertThat(clerk.post("/api/admin/complaints/" + id + "/answer", Map.of("reply", "已退还多收的挂号费。")).status()).isEqualTo(200);

        PortalSession west = InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, WEST));
        PortalSession.Page list = west.get("/inst-portal/complaints");
        assertThat(list.body()).contains("/inst-portal/complaints/" + id).doesNotContain("钱先生").doesNotContain("13900004321");
        PortalSession.Page detail = west.get("/inst-portal/complaints/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(text).contains("已退还多收的挂号费。").doesNotContain("钱先生").doesNotContain("13900004321")
                .doesNotContain("clerk1");

        PortalSession east = InstitutionPortalLogins.signedIn(users.port(), eastAdmin());
        assertThat(east.get("/inst-portal/complaints").body()).doesNotContain("/inst-portal/complaints/" + id + "\"").doesNotContain(text);
        PortalSession.Page other = east.get("/inst-portal/complaints/" + id);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(text);
        assertThat(east.get("/inst-portal/complaints/999999999").status()).isEqualTo(404);
    }

    @Test
    void onlyTheInstitutionAdministratorManagesUsersAndOnlyOfItsOwnInstitution() {
        Login staff = InstitutionPortalLogins.create(users, EAST, unique("east-staff-"), "INST_STAFF");
        PortalSession asStaff = InstitutionPortalLogins.signedIn(users.port(), staff);
        assertThat(asStaff.get("/inst-portal").body()).doesNotContain("id=\"nav-users\"");
        assertThat(asStaff.get("/inst-portal/users").status()).isEqualTo(403);
        assertThat(asStaff.post("/inst-portal", "/inst-portal/users", Map.of("username", unique("x-"), "displayName", "X")).status())
                .isEqualTo(403);
        assertThat(asStaff.post("/inst-portal", "/inst-portal/users/" + staff.username() + "/disable", Map.of()).status()).isEqualTo(403);

        // The East administrator adds and disables East staff; West's staff answers 404 and stays enabled.
        Login westStaff = InstitutionPortalLogins.create(users, WEST, unique("west-staff-"), "INST_STAFF");
        PortalSession east = InstitutionPortalLogins.signedIn(users.port(), eastAdmin());
        assertThat(east.get("/inst-portal/users").body()).contains(staff.username()).doesNotContain(westStaff.username());
        assertThat(east.post("/inst-portal/users", "/inst-portal/users/" + westStaff.username() + "/disable", Map.of()).status()).isEqualTo(404);
        InstitutionPortalLogins.signedIn(users.port(), westStaff);

        String added = unique("east-new-");
        PortalSession.Page add = east.post("/inst-portal/users", "/inst-portal/users", Map.of("username", added, "displayName", "新经办"));
        assertThat(add.location()).endsWith("/inst-portal/users");
        PortalSession.Page shown = east.get("/inst-portal/users");
        assertThat(shown.body()).contains(added).contains("id=\"issued-password\"");
        assertThat(east.get("/inst-portal/users").body()).doesNotContain("id=\"issued-password\"");
        assertThat(audited("CREATE", EAST + "/" + added, "inst:" + eastAdmin().username())).isEqualTo(1);

        assertThat(east.post("/inst-portal/users", "/inst-portal/users/" + staff.username() + "/disable", Map.of()).location())
                .endsWith("/inst-portal/users");
        assertThat(audited("DISABLE", EAST + "/" + staff.username(), "inst:" + eastAdmin().username())).isEqualTo(1);
        // Disabled: the open session is refused from the next request on, and it cannot sign in again.
        assertThat(asStaff.get("/inst-portal").status()).isEqualTo(403);
        assertThat(InstitutionPortalLogins.login(new PortalSession(users.port()), staff).location()).endsWith("/inst-portal/login?error");
        // An administrator cannot be disabled from the portal.
        east.post("/inst-portal/users", "/inst-portal/users/" + eastAdmin().username() + "/disable", Map.of());
        assertThat(east.get("/inst-portal").status()).isEqualTo(200);
        // Bad input: nothing created.
        assertThat(east.post("/inst-portal/users", "/inst-portal/users", Map.of("username", "X Y!", "displayName", "坏")).location())
                .endsWith("/inst-portal/users");
        assertThat(jdbc.sql("select count(*) from institution_user where display_name = '坏'").query(Long.class).single()).isZero();
    }

    @Test
    void theAdminApiOfInstitutionUsersIsForAdministratorsOnlyAndAudited() {
        String base = "/api/admin/institutions/" + EAST + "/users";
        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly())) {
            assertThat(who.get(base).status()).isEqualTo(403);
            assertThat(who.post(base, Map.of("username", unique("nope-"), "role", "INST_STAFF", "display_name", "N")).status()).isEqualTo(403);
        }
        assertThat(users.anonymous().get(base).status()).isEqualTo(401);

        String name = unique("api-admin-");
        Login created = InstitutionPortalLogins.create(users, EAST, name, "INST_ADMIN");
        List<String> admin = readAdmin();
        assertThat(audited("CREATE", EAST + "/" + name, admin.get(0))).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'institution_user' and entity_key = ? "
                        + "and coalesce(after_state::text, '') like ?").params(EAST + "/" + name, "%" + created.password() + "%")
                .query(Long.class).single()).isZero();
        InstitutionPortalLogins.signedIn(users.port(), created);

        assertThat(users.admin().get(base).json().toString()).contains(name).doesNotContain("password_hash").doesNotContain("{bcrypt}");
        assertThat(users.admin().post(base, Map.of("username", name, "role", "INST_STAFF", "display_name", "重复")).status()).isEqualTo(409);
        assertThat(users.admin().post(base, Map.of("username", unique("r-"), "role", "ROOT", "display_name", "R")).status()).isEqualTo(400);
        assertThat(users.admin().post("/api/admin/institutions/H00000000000/users",
                Map.of("username", unique("n-"), "role", "INST_STAFF", "display_name", "N")).status()).isEqualTo(404);
        // A user of East is not found under West.
        assertThat(users.admin().post("/api/admin/institutions/" + WEST + "/users/" + name + "/disable", Map.of()).status()).isEqualTo(404);

        ApiClient.Response reset = users.admin().post(base + "/" + name + "/password", Map.of());
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        Login renewed = new Login(name, reset.json().get("password").asString());
        assertThat(InstitutionPortalLogins.login(new PortalSession(users.port()), created).location()).endsWith("/inst-portal/login?error");
        InstitutionPortalLogins.signedIn(users.port(), renewed);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'institution_user' and action = 'RESET_PASSWORD' and entity_key = ?")
                .param(EAST + "/" + name).query(Long.class).single()).isEqualTo(1);

        assertThat(users.admin().post(base + "/" + name + "/disable", Map.of()).json().get("enabled").asBoolean()).isFalse();
        assertThat(InstitutionPortalLogins.login(new PortalSession(users.port()), renewed).location()).endsWith("/inst-portal/login?error");
        assertThat(users.admin().post(base + "/" + name + "/enable", Map.of()).json().get("enabled").asBoolean()).isTrue();
        InstitutionPortalLogins.signedIn(users.port(), renewed);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'institution_user' and action in ('DISABLE', 'ENABLE') "
                + "and entity_key = ?").param(EAST + "/" + name).query(Long.class).single()).isEqualTo(2);
    }
}
