package org.yibao.server.console;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.region.RefData;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestUsers;

/**
 * R-INST-1 in the console: an administrator applies for, activates and renews a new hospital's
 * agreement on its page and sees the state and the history; the register lists it as active; other
 * roles see no forms and are refused 403. A rectification decided on the page is then accepted as done
 * before its deadline.
 */
@IntegrationTest
class AgreementBrowserTest {

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = new HeadlessChromium(1400, 1000);
        browser = chromium.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String hospital() {
        RefData.ensureRegion(users.admin());
        String code = "H95" + RefData.digits(9);
        var created = users.admin().post("/api/admin/institutions", new HashMap<>(Map.of("fixmedins_code", code, "name", "浏览器协议医院",
                "admdvs", RefData.REGION, "level", 1, "kind", "HOSPITAL", "validFrom", "2024-01-01")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return code;
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Submits a form and waits for the next page (the old one gone, the new one's {@code waitFor} present). */
    private void submit(String buttonId, String waitFor) {
        chromium.submitAndWait(buttonId, waitFor);
    }

    private void submit(String buttonId) {
        submit(buttonId, "flash");
    }

    @Test
    void anAdministratorAppliesActivatesAndRenewsAnAgreementAndSeesItsHistory() throws IOException {
        String code = hospital();
        String base = "http://localhost:" + users.port();
        List<String> credentials = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));
        chromium.signInToConsole(base, credentials.get(0), credentials.get(1));

        browser.get(base + "/institutions/" + code);
        assertThat(text("agreement-state")).isEqualTo("无协议");
        assertThat(text("agreement-settlement")).contains("没有医保服务协议");
        // The agreement of this year (it must be in force today), renewed for the next.
        int year = LocalDate.now(BusinessTime.ZONE).getYear();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('agreement-start_date').value = arguments[0]",
                year + "-01-01");
        browser.findElement(By.id("agreement-apply-reason")).sendKeys("新定点申请");
        submit("agreement-apply");
        assertThat(text("agreement-state")).isEqualTo("申请中");

        String id = browser.findElement(By.cssSelector("#agreement-list tbody tr")).getAttribute("id").substring("agreement-".length());
        submit("agreement-" + id + "-activate");
        assertThat(text("agreement-state")).isEqualTo("生效");
        assertThat(text("agreement-settlement")).isEqualTo("可以结算");

        browser.findElement(By.id("agreement-" + id + "-renew-reason")).sendKeys("年度续签");
        submit("agreement-" + id + "-renew");
        assertThat(browser.findElements(By.cssSelector("#agreement-list tbody tr"))).hasSize(2);
        assertThat(text("agreement-list")).contains((year + 1) + "-01-01", (year + 1) + "-12-31");
        assertThat(text("agreement-history")).contains("续签", "年度续签", "生效", "新定点申请", "admin");
        chromium.screenshot("agreement-renewed");

        // The renewed agreement offers no second renewal; a termination without a reason is refused on the page, nothing changed.
        assertThat(browser.findElements(By.id("agreement-" + id + "-renew"))).isEmpty();
        submit("agreement-" + id + "-terminate", "agreement-error");
        assertThat(text("agreement-error")).isEqualTo("原因：必填");
        assertThat(text("agreement-state")).isEqualTo("生效");
        assertThat(text("agreement-list")).doesNotContain("已解除");

        browser.get(base + "/agreements?state=ACTIVE");
        assertThat(text("agreements-table")).contains(code);

        // R-INST-4: an interview with a rectification deadline, then the rectification accepted as done before it.
        browser.get(base + "/institutions/" + code);
        new Select(browser.findElement(By.id("sanction-kind"))).selectByValue("RECTIFICATION");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('sanction-end_date').value = arguments[0]",
                LocalDate.now(BusinessTime.ZONE).plusDays(20).toString());
        browser.findElement(By.id("sanction-reason")).sendKeys("处方点评不合格率高");
        browser.findElement(By.id("sanction-evidence")).sendKeys("点评记录 2026-Q3");
        submit("sanction-submit");
        assertThat(text("agreement-state")).isEqualTo("整改中");
        String sanction = browser.findElement(By.cssSelector("#sanction-list form.inline-form")).getAttribute("id").substring("lift-".length());
        submit("lift-" + sanction + "-submit", "agreement-error");
        assertThat(text("agreement-error")).isEqualTo("原因：必填");
        assertThat(text("agreement-state")).isEqualTo("整改中");
        browser.findElement(By.cssSelector("#lift-" + sanction + " input[name=reason]")).sendKeys("整改验收合格");
        submit("lift-" + sanction + "-submit");
        assertThat(text("agreement-state")).isEqualTo("生效");
        assertThat(text("sanction-list")).contains("整改验收合格", "admin");
        assertThat(browser.findElements(By.id("lift-" + sanction))).isEmpty();
    }

    @Test
    void otherRolesSeeNoFormsAndAreRefused() {
        String code = hospital();
        for (var who : List.of(users.clerk(), users.readOnly(), users.auditor())) {
            var page = who.get("/institutions/" + code);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"agreement\"").doesNotContain("agreement-apply-form", "sanction-form");
            assertThat(who.post("/institutions/" + code + "/agreements", Map.of()).status()).isEqualTo(403);
            assertThat(who.post("/institutions/" + code + "/sanctions", Map.of()).status()).isEqualTo(403);
        }
        assertThat(users.admin().get("/institutions/" + code).body()).contains("agreement-apply-form", "sanction-form");
    }
}
