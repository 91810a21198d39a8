package org.yibao.server.console.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The insured portal over real HTTP: persons sign in with certno and password, see only their own
 * data, and never reach the console or the admin API; staff never sign in to the portal.
 */
@IntegrationTest
class PortalSecurityTest {

    static final String ZHANG_MIN = "99010000000000000001";
    static final String LI_QIANG = "99010000000000000002";

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    FsiClients fsi;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private PortalSession signedIn(String certno) {
        return DemoPortalUsers.signedIn(users.port(), properties, certno);
    }

    @Test
    void demoPersonSignsInWithCertnoAndPasswordAndSeesHerInsurance() {
        PortalSession zhang = signedIn(DemoPortalUsers.ZHANG_MIN_CERTNO);
        PortalSession.Page home = zhang.get("/portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("张敏").contains("职工基本医疗保险").contains("个人账户余额").contains("普通门诊")
                .contains("id=\"pool-general_outpatient\"").doesNotContain("https://").doesNotContain("http://");
    }

    @Test
    void wrongPasswordUnknownCertnoAndMissingCsrfTokenAreRefused() {
        PortalSession s = new PortalSession(users.port());
        assertThat(s.portalLogin(DemoPortalUsers.ZHANG_MIN_CERTNO, "wrong-password").location()).endsWith("/portal/login?error");
        assertThat(s.portalLogin("110101199001011234", "whatever-123").location()).endsWith("/portal/login?error");
        assertThat(s.get("/portal").location()).endsWith("/portal/login");
        // A form posted without the CSRF token (from another site) is refused before the password is checked.
        assertThat(s.postRaw("/portal/login", Map.of("certno", DemoPortalUsers.ZHANG_MIN_CERTNO,
                "password", DemoPortalUsers.password(properties, DemoPortalUsers.ZHANG_MIN_CERTNO))).status()).isEqualTo(403);
        assertThat(s.get("/portal").location()).endsWith("/portal/login");
        PortalSession.Page login = s.get("/portal/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("参保人登录").contains("name=\"_csrf\"").contains("action=\"/portal/login\"");
    }

    @Test
    void staffCannotSignInToThePortalNorUseTheirConsoleSessionThere() throws Exception {
        List<String> admin = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));
        PortalSession s = new PortalSession(users.port());
        assertThat(s.portalLogin(admin.get(0), admin.get(1)).location()).endsWith("/portal/login?error");
        assertThat(s.consoleLogin(admin.get(0), admin.get(1)).location()).doesNotContain("error");
        assertThat(s.get("/").status()).isEqualTo(200);
        assertThat(s.get("/portal").location()).endsWith("/portal/login");
        assertThat(s.get("/portal/family").location()).endsWith("/portal/login");
    }

    @Test
    void signedInPersonReachesNeitherTheConsoleNorTheAdminApi() {
        PortalSession zhang = signedIn(DemoPortalUsers.ZHANG_MIN_CERTNO);
        assertThat(zhang.get("/").location()).endsWith("/login");
        assertThat(zhang.get("/persons/" + ZHANG_MIN).location()).endsWith("/login");
        assertThat(zhang.get("/api/admin/persons/" + ZHANG_MIN).status()).isEqualTo(401);
        // Nor with her certno and password as HTTP Basic credentials.
        ApiClient basic = ApiClient.as(users.port(), DemoPortalUsers.ZHANG_MIN_CERTNO,
                DemoPortalUsers.password(properties, DemoPortalUsers.ZHANG_MIN_CERTNO));
        assertThat(basic.get("/api/admin/persons/" + ZHANG_MIN).status()).isEqualTo(401);
        assertThat(zhang.get("/portal").status()).isEqualTo(200);
    }

    @Test
    void personSeesHerOwnSettlementWithItsExplanationButAnothersIsNotFound() {
        Visit v = new Visit(fsi.as("H99010000003"), LI_QIANG, "310");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").upload("2204").ok();
        JsonNode s = v.settle("2207", "11", true).ok().output().get("setlinfo");
        String setlId = s.get("setl_id").asString();
        try {
            PortalSession li = signedIn(DemoPortalUsers.LI_QIANG_CERTNO);
            assertThat(li.get("/portal/settlements").body()).contains("/portal/settlements/" + setlId);
            PortalSession.Page mine = li.get("/portal/settlements/" + setlId);
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.body()).contains("id=\"explanation\"").contains("20.00").contains("计算过程");

            PortalSession zhang = signedIn(DemoPortalUsers.ZHANG_MIN_CERTNO);
            assertThat(zhang.get("/portal/settlements").body()).doesNotContain(setlId);
            PortalSession.Page others = zhang.get("/portal/settlements/" + setlId);
            assertThat(others.status()).isEqualTo(404);
            assertThat(others.body()).doesNotContain("李强").doesNotContain("20.00");
            assertThat(zhang.get("/portal/settlements/NO-SUCH-ID").status()).isEqualTo(404);
        } finally {
            v.reverse("2208", setlId).ok();
        }
    }

    @Test
    void directoryOfInstitutionsIsPublicAndShowsTheCrossRegionFlags() {
        PortalSession anyone = new PortalSession(users.port());
        PortalSession.Page page = anyone.get("/portal/institutions?level=3&kind=HOSPITAL");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("示范市第一人民医院").contains("✓").doesNotContain("示范大药房");
        assertThat(anyone.get("/portal/institutions?kind=PHARMACY").body()).contains("示范大药房").doesNotContain("示范市第一人民医院");
        assertThat(anyone.get("/portal/institutions?admdvs=980100").body()).contains("远山市人民医院").doesNotContain("示范市第一人民医院");
        assertThat(anyone.get("/portal/institutions?lang=en").body()).contains("Cross-region inpatient");
        // R-XR-5: filtered by a direct-settlement flag, only institutions with it are listed.
        java.util.List<String> without = jdbc.sql("select name from institution where admdvs = '990100' and not xr_inpatient and valid_to is null")
                .query(String.class).list();
        assertThat(without).isNotEmpty();
        String flagged = anyone.get("/portal/institutions?admdvs=990100&flag=inpatient").body();
        assertThat(flagged).contains("示范市第一人民医院");
        assertThat(without).allSatisfy(name -> assertThat(flagged).doesNotContain(name + "</span>"));
    }

    @Test
    void staffSetAPasswordAtTheCounterWithWhichThePersonSignsIn() {
        var person = jdbc.sql("""
                        select psn_no, certno from person p where valid_to is null and status = 'NORMAL'
                          and not exists (select 1 from portal_credential c where c.psn_no = p.psn_no) order by psn_no limit 1""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        String path = "/api/admin/persons/" + person[0] + "/portal-password";
        assertThat(users.readOnly().put(path, Map.of("password", "counter-set-2026")).status()).isEqualTo(403);
        assertThat(users.clerk().put(path, Map.of("password", "short")).status()).isEqualTo(400);
        assertThat(users.clerk().put("/api/admin/persons/00000000000000000000/portal-password",
                Map.of("password", "counter-set-2026")).status()).isEqualTo(404);
        assertThat(users.clerk().put(path, Map.of("password", "counter-set-2026")).status()).isEqualTo(204);
        assertThat(jdbc.sql("select password_hash from portal_credential where psn_no = ?").param(person[0]).query(String.class).single())
                .startsWith("{bcrypt}").doesNotContain("counter-set-2026");
        PortalSession s = new PortalSession(users.port());
        assertThat(s.portalLogin(person[1], "counter-set-2026").location()).endsWith("/portal");
        assertThat(s.get("/portal").status()).isEqualTo(200);
    }
}
