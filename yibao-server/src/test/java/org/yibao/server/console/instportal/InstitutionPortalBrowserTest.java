package org.yibao.server.console.instportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.region.RefData;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.TestUsers;

/**
 * The institution portal in a real (headless) browser of a phone's size: the central hospital's
 * administrator signs in, sees that its agreement is in force and that it may settle, and adds a
 * staff user, whose one-time password then signs in.
 */
@IntegrationTest
class InstitutionPortalBrowserTest {

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;

    @Test
    void anInstitutionAdministratorSignsInSeesTheAgreementAndAddsAStaffUser() throws IOException {
        InstitutionPortalLogins.Login admin = InstitutionPortalLogins.demoAdmin(properties, DemoCast.CENTRAL_HOSPITAL);
        String staff = "central-staff-" + RefData.digits(6);
        try (HeadlessChromium chromium = new HeadlessChromium(412, 900)) {
            WebDriver browser = chromium.driver();
            String base = "http://localhost:" + users.port();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(base + "/inst-portal");
            wait.until(ExpectedConditions.urlToBe(base + "/inst-portal/login"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("定点机构登录");
            browser.findElement(By.id("username")).sendKeys(admin.username());
            browser.findElement(By.id("password")).sendKeys(admin.password());
            browser.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/inst-portal"));
            assertThat(browser.findElement(By.id("inst-code")).getText()).isEqualTo(DemoCast.CENTRAL_HOSPITAL);
            assertThat(browser.findElement(By.id("agreement-state")).getText()).isEqualTo("生效");
            assertThat(browser.findElement(By.id("settlement-permission")).getText()).isEqualTo("可以结算");
            chromium.screenshot("inst-portal-home");

            browser.findElement(By.linkText("用户")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/inst-portal/users"));
            browser.findElement(By.id("new-username")).sendKeys(staff);
            browser.findElement(By.id("new-display-name")).sendKeys("李经办");
            browser.findElement(By.id("add-user")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issued-password")));
            String password = browser.findElement(By.id("issued-password")).getText();
            assertThat(browser.findElement(By.id("user-" + staff)).getText()).contains("李经办").contains("机构经办").contains("启用");
            chromium.screenshot("inst-portal-users");

            browser.get(base + "/inst-portal?lang=en");
            assertThat(browser.findElement(By.id("settlement-permission")).getText()).isEqualTo("Allowed");
            browser.get(base + "/inst-portal?lang=zh");
            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.urlContains("/inst-portal/login"));

            // The new staff user signs in with the password shown once, and has no users page.
            browser.findElement(By.id("username")).sendKeys(staff);
            browser.findElement(By.id("password")).sendKeys(password);
            browser.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/inst-portal"));
            assertThat(browser.findElements(By.id("nav-users"))).isEmpty();
        }
    }
}
