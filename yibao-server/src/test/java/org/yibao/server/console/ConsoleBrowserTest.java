package org.yibao.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.console.ConsoleFixtures.ZHANG_MIN;
import static org.yibao.server.console.ConsoleFixtures.ZHANG_MIN_NAME;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestUsers;

/**
 * The console in a real (headless) browser: sign in, see a rendered chart, find 张敏, read her page,
 * switch to English ({@link HeadlessChromium}; screenshots in {@code target/screenshots/}).
 */
@IntegrationTest
class ConsoleBrowserTest {

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YibaoProperties properties;

    @Autowired
    org.yibao.server.institution.Institutions institutions;

    @Autowired
    org.yibao.server.region.Regions regions;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        ConsoleFixtures.ensure(jdbc);
        chromium = new HeadlessChromium(1400, 1000);
        browser = chromium.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void staffMemberSignsInSeesTheChartsFindsZhangMinAndSwitchesToEnglish() throws IOException {
        String base = "http://localhost:" + users.port();
        List<String> credentials = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));

        // Sign in (an English-speaking browser still gets Chinese by default).
        browser.get(base + "/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("管理端登录");
        screenshot("login");
        browser.findElement(By.id("username")).sendKeys(credentials.get(0));
        browser.findElement(By.id("password")).sendKeys(credentials.get(1));
        browser.findElement(By.id("login-submit")).click();

        // The dashboard with a chart really drawn by ECharts.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-persons canvas")));
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/");
        assertThat(browser.findElement(By.cssSelector(".user")).getText()).contains("系统管理员").contains("管理员");
        Object seriesTotal = ((JavascriptExecutor) browser).executeScript("""
                var chart = echarts.getInstanceByDom(document.getElementById('chart-persons'));
                if (!chart) { return -1; }
                var total = 0;
                chart.getOption().series.forEach(function (s) { s.data.forEach(function (v) { total += v; }); });
                return total;
                """);
        assertThat(((Number) seriesTotal).longValue()).as("persons in the chart")
                .isEqualTo(jdbc.sql("select count(*) from person where valid_to is null").query(Long.class).single());
        assertThat(browser.findElements(By.cssSelector("#chart-institutions canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("count-persons")).getText()).isNotEqualTo("0");
        screenshot("dashboard");

        // Search-as-you-type on the person list (htmx swaps the results in).
        browser.findElement(By.linkText("参保人")).click();
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("person-search")));
        search.sendKeys(ZHANG_MIN_NAME);
        // Each keystroke may fetch results; wait for those of the whole name (pushed into the URL).
        String typed = "q=" + java.net.URLEncoder.encode(ZHANG_MIN_NAME, java.nio.charset.StandardCharsets.UTF_8);
        wait.until(d -> d.getCurrentUrl().endsWith(typed)
                && !d.findElements(By.cssSelector("#results a[href='/persons/" + ZHANG_MIN + "']")).isEmpty());
        WebElement link = browser.findElement(By.cssSelector("#results a[href='/persons/" + ZHANG_MIN + "']"));
        assertThat(browser.findElement(By.id("results")).getText()).contains("990100********0126");
        link.click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-psn-no")));
        assertThat(browser.findElement(By.id("person-psn-no")).getText()).isEqualTo(ZHANG_MIN);
        assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo(ZHANG_MIN_NAME);
        assertThat(browser.findElement(By.id("person-balance")).getText()).isEqualTo("3,000.00");
        screenshot("person");

        browser.get(base + "/institutions");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results table")));
        screenshot("institutions");
        browser.navigate().back();

        // Switch to English: the choice sticks for the next page.
        browser.findElement(By.linkText("English")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sidebar"), "Insured persons"));
        assertThat(browser.findElement(By.cssSelector(".content")).getText()).contains("Person number");
        browser.get(base + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        screenshot("dashboard-en");

        // Signing out leads back to the login page.
        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff console sign-in");
        assertThat(browser.getPageSource()).contains("You have signed out.");
    }

    @Test
    void editFormSavesWithItsCsrfTokenAndAPostWithoutTheTokenIsRefused() throws IOException {
        String code = ConsoleEditTest.newInstitution(institutions, regions);
        String base = "http://localhost:" + users.port();
        List<String> credentials = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(credentials.get(0));
        browser.findElement(By.id("password")).sendKeys(credentials.get(1));
        browser.findElement(By.id("login-submit")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.urlToBe(base + "/"));

        browser.get(base + "/institutions/" + code);
        browser.findElement(By.id("edit-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("edit-form")));
        screenshot("institution-edit");

        // A forged submission riding on the session cookie, without the form's _csrf field: refused, nothing written.
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(location.pathname, {method: 'POST', redirect: 'manual', credentials: 'same-origin',
                      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                      body: 'name=forged&kind=HOSPITAL&level=2&effectiveFrom=2025-06-01'})
                    .then(function (r) { done(r.status); }, function (e) { done('error ' + e); });
                """);
        assertThat(status).isEqualTo(403L);
        assertThat(institutions.history(code).versions()).hasSize(1);

        // The real form carries the token: it saves and comes back to the page with the new name and version.
        WebElement name = browser.findElement(By.id("name"));
        name.clear();
        name.sendKeys("浏览器改名医院");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('effectiveFrom').value = '2025-06-01';");
        browser.findElement(By.id("form-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("浏览器改名医院");
        assertThat(institutions.history(code).versions()).hasSize(2);
        screenshot("institution-edited");
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
