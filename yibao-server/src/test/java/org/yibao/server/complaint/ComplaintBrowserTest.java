package org.yibao.server.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.insured.PortalCredentials;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;

/**
 * The complaint flow in a real (headless) browser: a person files a complaint in the portal (我的投诉);
 * a clerk finds it in the console, assigns it to herself and answers it; the person reads the reply.
 */
@IntegrationTest
class ComplaintBrowserTest {

    static final String PASSWORD = "browser-complaint-1";

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PortalCredentials portalCredentials;

    @Test
    void aPersonComplainsAClerkAnswersAndThePersonReadsTheReply() throws IOException {
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 900)) {
            WebDriver browser = chromium.driver();
            TestPersons.Registered person = new TestPersons(users, jdbc).resident("浏览器投诉人", LocalDate.of(1988, 1, 9));
            portalCredentials.setPassword(person.psnNo(), PASSWORD);
            users.clerk();
            String base = "http://localhost:" + users.port();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            // The person files a complaint about a designated institution.
            openMyComplaints(browser, wait, base, person.certno());
            new Select(browser.findElement(By.id("subject_kind"))).selectByValue("INSTITUTION");
            browser.findElement(By.id("subject_code")).sendKeys("H99010000003");
            new Select(browser.findElement(By.id("category"))).selectByValue("FEES");
            browser.findElement(By.id("text")).sendKeys("挂号时被多收了 10 元");
            browser.findElement(By.id("complaint-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filed")));
            assertThat(browser.findElement(By.id("complaint-state")).getText()).isEqualTo("已受理");
            String url = browser.getCurrentUrl();
            String id = url.substring(url.lastIndexOf('/') + 1);
            chromium.screenshot("complaint-portal-filed");
            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.urlContains("/portal/login"));

            // A clerk finds it among the received complaints, assigns it and answers it.
            chromium.signInToConsole(base, "clerk1", TestUsers.PASSWORD);
            browser.findElement(By.linkText("投诉")).click();
            new Select(browser.findElement(By.id("filter-state"))).selectByValue("RECEIVED");
            browser.findElement(By.id("filter-submit")).click();
            // The filtered page (not the list it replaces, which also shows the row) with its chart drawn.
            wait.until(ExpectedConditions.urlContains("state=RECEIVED"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("complaint-row-" + id)));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElement(By.id("chart-complaints")).findElements(By.tagName("canvas")).isEmpty());
            chromium.screenshot("complaint-console-list");
            browser.findElement(By.cssSelector("#complaint-row-" + id + " a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assign-submit")));
            assertThat(browser.findElement(By.id("complaint-text")).getText()).isEqualTo("挂号时被多收了 10 元");
            browser.findElement(By.id("assign-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("complaint-done")));
            assertThat(browser.findElement(By.id("complaint-state")).getText()).isEqualTo("已分派");
            browser.findElement(By.id("reply")).sendKeys("经核实，已责令该中心退还多收的挂号费 10 元。");
            browser.findElement(By.id("answer-submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("complaint-state"), "已答复（办结）"));
            assertThat(browser.findElement(By.id("transitions")).getText()).contains("已受理").contains("已分派").contains("clerk1");
            assertThat(browser.findElements(By.id("complaint-actions"))).isEmpty();
            chromium.screenshot("complaint-console-answered");
            browser.findElement(By.cssSelector("form.logout button")).click();
            wait.until(ExpectedConditions.urlContains("/login?logout"));

            // The person reads the reply.
            openMyComplaints(browser, wait, base, person.certno());
            assertThat(browser.findElement(By.id("my-complaints")).getText()).contains("经核实，已责令该中心退还多收的挂号费 10 元。");
            browser.findElement(By.id("my-complaint-" + id)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("complaint-reply")));
            assertThat(browser.findElement(By.id("complaint-reply")).getText()).isEqualTo("经核实，已责令该中心退还多收的挂号费 10 元。");
            assertThat(browser.findElement(By.id("complaint-state")).getText()).isEqualTo("已答复");
            chromium.screenshot("complaint-portal-reply");
        }
    }

    /** Signs in to the portal as the person and opens 我的投诉. */
    private static void openMyComplaints(WebDriver browser, WebDriverWait wait, String base, String certno) {
        browser.get(base + "/portal/login");
        browser.findElement(By.id("certno")).sendKeys(certno);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/portal"));
        browser.findElement(By.linkText("我的投诉")).click();
    }
}
