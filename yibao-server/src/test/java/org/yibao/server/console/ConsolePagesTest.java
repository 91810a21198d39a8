package org.yibao.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.console.ConsoleFixtures.ZHANG_MIN;
import static org.yibao.server.console.ConsoleFixtures.ZHANG_MIN_CERTNO;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.TestUsers;

/** The console's pages over real HTTP: who may see them, what they show, language, privacy, 404. */
@IntegrationTest
class ConsolePagesTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YibaoProperties properties;

    @BeforeEach
    void demoCast() {
        ConsoleFixtures.ensure(jdbc);
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() {
        var reply = raw("/", false, "Accept", BROWSER_ACCEPT);
        assertThat(reply.statusCode()).isEqualTo(302);
        assertThat(reply.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(raw("/persons/" + ZHANG_MIN, false, "Accept", BROWSER_ACCEPT).statusCode()).isEqualTo(302);
        // A client that does not ask for HTML (a script) is challenged for HTTP Basic instead, and sees nothing.
        var script = users.anonymous().get("/persons/" + ZHANG_MIN);
        assertThat(script.status()).isEqualTo(401);
        assertThat(script.body()).doesNotContain("张敏");
    }

    @Test
    void loginPageIsPublicAndItsFormCarriesACsrfToken() {
        var reply = users.anonymous().get("/login");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("管理端登录").contains("name=\"_csrf\"").contains("action=\"/login\"");
    }

    @Test
    void scriptsAndStylesComeFromTheApplicationItselfWithoutSigningIn() {
        for (String path : new String[] {"/webjars/echarts/echarts.min.js", "/webjars/htmx.org/dist/htmx.min.js",
                "/css/console.css", "/js/dashboard.js"}) {
            assertThat(users.anonymous().get(path).status()).as(path).isEqualTo(200);
        }
        String page = users.readOnly().get("/").body();
        assertThat(page).doesNotContain("https://").doesNotContain("http://");
    }

    @Test
    void dashboardShowsTheCountsInTheDatabase() {
        String page = users.readOnly().get("/").body();
        assertThat(figure(page, "count-regions")).isEqualTo(count("select count(*) from region where valid_to is null"));
        assertThat(figure(page, "count-institutions")).isEqualTo(count("select count(*) from institution where valid_to is null"));
        assertThat(figure(page, "count-persons")).isEqualTo(count("select count(*) from person where valid_to is null"));
        assertThat(figure(page, "count-catalogue")).isEqualTo(count("select count(*) from catalogue_item where valid_to is null"));
        assertThat(count("select count(*) from person where valid_to is null")).isPositive();
        // The chart data is in the page, with the Chinese labels of the codes.
        assertThat(page).contains("id=\"dashboard-data\"").contains("职工基本医疗保险").contains("/webjars/echarts/");
    }

    @Test
    void headerShowsTheSignedInUserAndRole() {
        String page = users.admin().get("/").body();
        assertThat(page).contains("系统管理员").contains("管理员").contains("action=\"/logout\"");
        assertThat(users.auditor().get("/").body()).contains("auditor1").contains("稽核");
    }

    @Test
    void personSearchFindsZhangMinByNameNumberOrCertificateWithTheCertificateMasked() {
        for (String q : new String[] {"张敏", ZHANG_MIN, "99010019810315"}) {
            var reply = users.readOnly().get("/persons?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).as("search %s", q).contains(ZHANG_MIN).contains("张敏").contains("990100********0126");
            assertThat(reply.body()).as("a list never shows a full certificate number").doesNotContain(ZHANG_MIN_CERTNO);
        }
    }

    @Test
    void htmxSearchAnswersWithTheResultsFragmentOnly() {
        var reply = raw("/persons?q=" + URLEncoder.encode("张敏", StandardCharsets.UTF_8), true, "HX-Request", "true");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("id=\"results\"").contains(ZHANG_MIN).doesNotContain("<html").doesNotContain("sidebar");
    }

    @Test
    void personPageShowsTheFullCertificateAndTheAccountBalanceWithTwoDecimals() {
        var reply = users.clerk().get("/persons/" + ZHANG_MIN);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("张敏").contains(ZHANG_MIN_CERTNO).contains("职工基本医疗保险")
                .contains("在职职工").contains("示范市").contains("3,000.00");
    }

    @Test
    void unknownPersonInstitutionOrPolicyIsANotFoundPage() {
        for (String path : new String[] {"/persons/00000000000000000000", "/institutions/NOPE", "/regions/000000",
                "/catalogue/990100/NOPE", "/policies/999999999", "/policies/abc"}) {
            var reply = users.readOnly().get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.contentType()).as(path).startsWith("text/html");
            assertThat(reply.body()).as(path).contains("未找到");
        }
    }

    @Test
    void chineseIsTheDefaultWhateverTheBrowserPrefersAndLangEnSwitchesToEnglish() {
        var chinese = raw("/login", false, "Accept-Language", "en-US,en;q=0.9");
        assertThat(chinese.body()).contains("管理端登录").doesNotContain("Staff console sign-in");

        var english = users.readOnly().get("/?lang=en");
        assertThat(english.body()).contains("Dashboard").contains("Insured persons").contains("Read-only");
        var switched = raw("/login?lang=en", false);
        assertThat(switched.body()).contains("Staff console sign-in");
        assertThat(switched.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("yibao-lang=en"));
        var back = raw("/login?lang=zh", false, "Cookie", "yibao-lang=en");
        assertThat(back.body()).contains("管理端登录");
    }

    @Test
    void institutionDirectoryFiltersByCrossRegionFlagAndShowsTicks() {
        String page = users.readOnly().get("/institutions?flag=inpatient&admdvs=990100").body();
        assertThat(page).contains("H99010000001").doesNotContain("P99010000001").contains("✓");
        String pharmacies = users.readOnly().get("/institutions?kind=PHARMACY").body();
        assertThat(pharmacies).contains("P99010000001").doesNotContain("H99010000001");
    }

    @Test
    void listsOfRegionsCatalogueAndPoliciesOpenForAnyStaffMember() {
        for (String path : new String[] {"/regions", "/regions/990100", "/catalogue?admdvs=990100", "/policies",
                "/institutions/H99010000001"}) {
            assertThat(users.readOnly().get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(users.readOnly().get("/regions").body()).contains("990100").contains("示范市");
    }

    @Test
    void aPageNumberBeyondTheEndIsAnEmptyListNotAnError() {
        var reply = users.readOnly().get("/persons?page=499&q=" + URLEncoder.encode("张敏", StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("没有符合条件的记录");
        assertThat(users.readOnly().get("/persons?page=abc").status()).isEqualTo(200);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static long figure(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([0-9,]+)<").matcher(page);
        assertThat(m.find()).as("figure %s on the dashboard", id).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /** One client for the class's raw GETs: each new one starts a selector thread of its own. Never follows redirects. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A GET with extra headers (ApiClient sets none), not following redirects; signed in as admin if asked. */
    private HttpResponse<String> raw(String path, boolean signedIn, String... headers) {
        try {
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + users.port() + path)).GET();
            for (int i = 0; i < headers.length; i += 2) {
                builder.header(headers[i], headers[i + 1]);
            }
            if (signedIn) {
                var lines = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));
                builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (lines.get(0) + ":" + lines.get(1)).getBytes(StandardCharsets.UTF_8)));
            }
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
