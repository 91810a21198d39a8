package org.yibao.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoHistory;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestUsers;

/**
 * R-PAY-2 in a real browser: an administrator runs June 2025 of region 990100 (the demo history) from the DRG
 * payment page, follows it to the end, sees each hospital's CMI and surplus/overspend with both charts drawn,
 * opens a hospital's cases with their reasons, and finds the figures on the analytics page; the button is gone
 * once the month is paid.
 */
@IntegrationTest
class DrgPaymentBrowserTest {

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    DemoHistory history;
    @Autowired
    JdbcClient jdbc;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void historyIsWrittenAndBrowserStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (history.progress().state() != DemoHistory.State.DONE && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(history.progress().state()).isEqualTo(DemoHistory.State.DONE);
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
    void anAdministratorRunsAMonthAndReadsTheHospitalsAndTheirCases() throws IOException {
        long stays = jdbc.sql("""
                        select count(*) from settlement s join visit v on v.mdtrt_id = s.mdtrt_id and v.kind = 'INPATIENT'
                        join institution i on i.fixmedins_code = s.fixmedins_code and i.valid_to is null
                        join region g on g.admdvs = i.admdvs and g.valid_to is null
                        where g.pooling_admdvs = '990100' and s.setl_time >= '2025-06-01' and s.setl_time < '2025-07-01'
                          and s.reverses_setl_id is null and s.reversed_by is null and not s.mid_setl_flag""")
                .query(Long.class).single();
        assertThat(stays).as("the demo history has stays in June 2025").isPositive();
        String base = "http://localhost:" + users.port();
        List<String> credentials = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));
        chromium.signInToConsole(base, credentials.get(0), credentials.get(1));

        browser.get(base + "/drg-payments?region=990100&month=2025-06");
        assertThat(browser.findElement(By.id("drg-state")).getText()).contains("尚未");
        browser.findElement(By.id("drg-run-button")).click();
        // The page follows the run (it refreshes itself while running) until it is done.
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("drg-state"), "完成"));
        assertThat(browser.findElement(By.id("drg-state")).getText()).contains(stays + " 例", "chs-drg-1.1", "harbin-2024");
        assertThat(browser.findElements(By.id("drg-run-button"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#drg-hospital-table tbody tr"))).isNotEmpty();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-drg-cmi canvas")));
        assertThat(browser.findElements(By.cssSelector("#chart-drg-surplus canvas"))).isNotEmpty();
        chromium.screenshot("drg-payments");

        browser.findElement(By.cssSelector("#drg-hospital-table tbody tr td a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("drg-case-table")));
        assertThat(browser.findElements(By.cssSelector("#drg-case-table .drg-reason"))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getText()).containsAnyOf("按病组支付", "按项目支付"));
        chromium.screenshot("drg-cases");

        browser.get(base + "/analytics?region=990100&year=2025");
        assertThat(browser.findElements(By.cssSelector("#analytics-drg-table tbody tr"))).isNotEmpty();
        browser.get(base + "/drg-payments?region=990100&month=2025-06&lang=en");
        assertThat(browser.findElement(By.id("drg-state")).getText()).contains("Run at");
    }
}
