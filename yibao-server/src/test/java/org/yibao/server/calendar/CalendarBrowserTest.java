package org.yibao.server.calendar;

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
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestUsers;

/** The working-day calendar page in a real browser: 2026's Spring Festival and make-up days, and a year without schedule. */
@IntegrationTest
class CalendarBrowserTest {

    @Autowired
    TestUsers users;

    @Test
    void aReaderSeesHolidaysAndMakeUpDaysAndIsWarnedOfAYearWithoutSchedule() throws IOException {
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 1100)) {
            WebDriver browser = chromium.driver();
            users.readOnly();
            String base = "http://localhost:" + users.port();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            chromium.signInToConsole(base, "viewer1", TestUsers.PASSWORD);
            browser.get(base + "/calendar?year=2026");
            assertThat(browser.findElements(By.id("schedule-missing"))).isEmpty();
            assertThat(browser.findElement(By.id("day-2026-02-14")).getAttribute("class")).contains("cal-workday");
            assertThat(browser.findElement(By.id("day-2026-02-17")).getAttribute("class")).contains("cal-holiday");
            assertThat(browser.findElement(By.id("day-2026-03-01")).getAttribute("class")).contains("cal-rest");
            assertThat(browser.findElement(By.id("day-2026-03-02")).getAttribute("data-working")).isEqualTo("true");
            assertThat(browser.findElement(By.id("working-days")).getText()).contains("248");
            chromium.screenshot("calendar-2026");
            browser.findElement(By.id("next-year")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schedule-missing")));
            assertThat(browser.findElement(By.id("schedule-missing")).getText()).contains("2027 年的放假安排尚未录入");
            chromium.screenshot("calendar-2027-missing");
        }
    }
}
