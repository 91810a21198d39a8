package org.yibao.server.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;

/**
 * The case workflow in the console, in a real headless Chromium, in October 2035 (the clock year of
 * {@link SupervisionCaseStoryTest}): an auditor opens a case from a report about a person, records the
 * inspection, is refused a fine outside the range (with the range shown), then decides a benefit
 * suspension; the board draws its charts and its button runs the rules in the background, showing the run until it
 * is finished.
 */
@ClockControlledTest
class SupervisionConsoleBrowserTest {

    @Autowired
    TestClock clock;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

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

    @Test
    void anAuditorWorksACaseThroughTheConsole() throws IOException {
        clock.setDay(LocalDate.of(2035, 10, 8));
        TestPersons.Registered p = new TestPersons(users, jdbc).resident("控制台冒名者", LocalDate.of(1970, 2, 3));
        users.auditor();
        String base = "http://localhost:" + users.port();
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("auditor1");
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(base + "/supervision/warnings");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-warnings-rule canvas")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("监管线索");
        chromium.screenshot("supervision-warnings");
        // The button starts a run in the background; the board refreshes itself until the run is finished.
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('run-from').value = '2035-10-01'; document.getElementById('run-to').value = '2035-10-07';");
        browser.findElement(By.id("run-start")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-started")));
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#runs tbody tr")).getText().contains("完成"));
        assertThat(browser.findElement(By.cssSelector("#runs tbody tr")).getText()).contains("auditor1", "2035-10-01");

        browser.findElement(By.id("link-cases")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-case-form")));
        browser.findElement(By.id("report-psn")).sendKeys(p.psnNo());
        browser.findElement(By.id("report-title")).sendKeys("冒用他人医保凭证");
        browser.findElement(By.id("report-reason")).sendKeys("举报：使用他人医保凭证购药");
        browser.findElement(By.id("report-open")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inspection-form")));
        assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo("已立案");
        browser.findElement(By.id("confirmed-amount")).sendKeys("150.00");
        browser.findElement(By.id("findings")).sendKeys("药店监控影像证实冒用");
        browser.findElement(By.id("inspect")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-form")));
        assertThat(browser.findElement(By.id("case-confirmed")).getText()).isEqualTo("150.00");
        new Select(browser.findElement(By.id("violation"))).selectByValue("CREDENTIAL_MISUSE");
        new Select(browser.findElement(By.id("measure"))).selectByValue("BENEFIT_SUSPENSION");
        browser.findElement(By.id("fine-multiple")).sendKeys("5");
        browser.findElement(By.id("months")).sendKeys("3");
        browser.findElement(By.id("decision-reason")).sendKeys("冒名就医");
        browser.findElement(By.id("decide")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("supervision-errors")));
        assertThat(browser.findElement(By.id("supervision-errors")).getText()).contains("fine_multiple", "1–3×");
        chromium.screenshot("supervision-case-refused");

        new Select(browser.findElement(By.id("violation"))).selectByValue("CREDENTIAL_MISUSE");
        new Select(browser.findElement(By.id("measure"))).selectByValue("BENEFIT_SUSPENSION");
        browser.findElement(By.id("fine-multiple")).sendKeys("2");
        browser.findElement(By.id("months")).sendKeys("3");
        browser.findElement(By.id("decision-reason")).sendKeys("冒名就医");
        browser.findElement(By.id("decide")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-recovery")));
        assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo("已决定");
        assertThat(browser.findElement(By.id("case-fine")).getText()).contains("300.00");
        assertThat(browser.findElement(By.id("case-measure")).getText()).contains("暂停医保待遇", "2036-01-07");
        chromium.screenshot("supervision-case-decided");
        assertThat(jdbc.sql("select status from person where psn_no = ? and valid_to is null").param(p.psnNo()).query(String.class).single())
                .isEqualTo("SUSPENDED");
    }
}
