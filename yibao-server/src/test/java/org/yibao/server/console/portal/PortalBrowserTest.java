package org.yibao.server.console.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.insured.MutualAid;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestUsers;

/**
 * The insured portal in a real (headless) browser of a phone's size: 张敏 signs in, binds her mother,
 * and opens a settlement's explanation. The demo world's binding is put back afterwards.
 */
@IntegrationTest
class PortalBrowserTest {

    static final String ZHANG_MIN = "99010000000000000001";

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    FsiClients fsi;
    @Autowired
    MutualAid mutualAid;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        mutualAid.boundMembers(ZHANG_MIN).forEach(b -> mutualAid.unbind(ZHANG_MIN, b.id()));
        chromium = new HeadlessChromium(412, 900);
        browser = chromium.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        mutualAid.boundMembers(ZHANG_MIN).forEach(b -> mutualAid.unbind(ZHANG_MIN, b.id()));
        mutualAid.bind(ZHANG_MIN, DemoPortalUsers.WANG_FANG_CERTNO, "王芳", "PARENT");
    }

    @Test
    void zhangMinSignsInBindsHerMotherAndReadsHowASettlementWasComputed() throws IOException {
        Visit v = new Visit(fsi.as("H99010000003"), ZHANG_MIN, "310");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").upload("2204").ok();
        String setlId = v.settle("2207", "11", true).ok().output().get("setlinfo").get("setl_id").asString();
        try {
            String base = "http://localhost:" + users.port();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(base + "/portal");
            wait.until(ExpectedConditions.urlToBe(base + "/portal/login"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("参保人登录");
            chromium.screenshot("portal-login");
            browser.findElement(By.id("certno")).sendKeys(DemoPortalUsers.ZHANG_MIN_CERTNO);
            browser.findElement(By.id("password")).sendKeys(DemoPortalUsers.password(properties, DemoPortalUsers.ZHANG_MIN_CERTNO));
            browser.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/portal"));
            assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("张敏");
            assertThat(browser.findElement(By.id("pool-general_outpatient")).getText()).contains("普通门诊");
            chromium.screenshot("portal-home");

            // 我的家庭: bind 王芳 as her parent.
            browser.findElement(By.linkText("我的家庭")).click();
            browser.findElement(By.id("bind-certno")).sendKeys(DemoPortalUsers.WANG_FANG_CERTNO);
            browser.findElement(By.id("bind-name")).sendKeys("王芳");
            new Select(browser.findElement(By.id("bind-relation"))).selectByValue("PARENT");
            browser.findElement(By.id("bind-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bound")));
            assertThat(browser.findElement(By.id("members")).getText()).contains("王芳").contains("父母");
            chromium.screenshot("portal-family");
            assertThat(mutualAid.boundMembers(ZHANG_MIN)).extracting(MutualAid.Binding::memberName).containsExactly("王芳");

            // 我的结算: open the settlement and read its explanation.
            browser.findElement(By.linkText("我的结算")).click();
            browser.findElement(By.cssSelector("a[href='/portal/settlements/" + setlId + "']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("explanation")));
            assertThat(browser.findElement(By.id("medfee")).getText()).isEqualTo("20.00");
            assertThat(browser.findElements(By.cssSelector("#explanation li"))).isNotEmpty();
            chromium.screenshot("portal-settlement");

            // English on request; sign out.
            browser.get(base + "/portal?lang=en");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My insurance");
            browser.get(base + "/portal?lang=zh");
            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.urlContains("/portal/login"));
        } finally {
            v.reverse("2208", setlId).ok();
        }
    }
}
