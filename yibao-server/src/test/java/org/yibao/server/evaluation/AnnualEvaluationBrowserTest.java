package org.yibao.server.evaluation;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.region.RefData;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestUsers;

/**
 * R-INST-2 in a real browser: an administrator records a non-qualified prescription review for a new
 * centre, evaluates it, sees the indicators and the total, finalises, finds it in the region's list with
 * its bar chart drawn, and opens the printable report.
 */
@IntegrationTest
class AnnualEvaluationBrowserTest {

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

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void submit(String buttonId, String waitFor) {
        chromium.submitAndWait(buttonId, waitFor);
    }

    @Test
    void anAdministratorEvaluatesACentreFinalisesAndPrintsItsReport() throws IOException {
        int year = LocalDate.now(BusinessTime.ZONE).getYear();
        String code = EvaluationFixtures.centre(users, year);
        String base = "http://localhost:" + users.port();
        List<String> credentials = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));
        chromium.signInToConsole(base, credentials.get(0), credentials.get(1));

        browser.get(base + "/institutions/" + code + "/evaluation?year=" + year);
        browser.findElement(By.id("review-no")).sendKeys("RX-B1");
        browser.findElement(By.cssSelector("#review-qualified option[value='0']")).click();
        browser.findElement(By.id("review-reviewer")).sendKeys("王审核");
        submit("review-submit", "review-list");
        assertThat(text("review-list")).contains("RX-B1", "不合格");

        submit("feed-run", "evaluation-indicators");
        assertThat(text("indicator-PRESCRIPTION_QUALIFICATION")).contains("0.00%", "0/1", "0.00");
        assertThat(text("indicator-DATA_UPLOAD")).contains("无数据，按满分计");
        // 20 (no upload data) + 0 + 20 (no hypertension data) + 20 (no survey) + 20 = 80.00: renewed.
        assertThat(text("evaluation-total")).isEqualTo("80.00");
        assertThat(text("evaluation-decision")).isEqualTo("续签");
        assertThat(text("evaluation-status")).isEqualTo("草稿");
        submit("evaluation-finalise", "flash");
        assertThat(text("evaluation-status")).isEqualTo("已定稿");
        assertThat(browser.findElements(By.id("evaluation-finalise"))).isEmpty();

        browser.get(base + "/evaluations?year=" + year + "&admdvs=" + RefData.REGION);
        assertThat(text("evaluation-row-" + code)).contains("80.00", "续签", "已定稿");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-evaluations canvas")));
        chromium.screenshot("evaluation-list");

        browser.findElement(By.linkText(code)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("evaluation-report-link")));
        browser.findElement(By.id("evaluation-report-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("evaluation-report")));
        assertThat(text("evaluation-report")).contains("定点医药机构年度考核报告", code, "80.00", "续签");
        assertThat(browser.findElements(By.id("report-draft"))).isEmpty();
        chromium.screenshot("evaluation-report");

        // A pasted CSV with a bad line is refused naming line, column and rule; the corrected one is imported.
        browser.get(base + "/evaluations?year=" + year);
        browser.findElement(By.id("import-surveys")).sendKeys("fixmedins_code,survey_date,satisfied,comment\n" + code + ","
                + LocalDate.now(BusinessTime.ZONE) + ",1,\n" + code + "," + LocalDate.now(BusinessTime.ZONE) + ",maybe,\n");
        submit("import-surveys-submit", "import-errors");
        assertThat(text("import-errors")).contains("line 3, column satisfied", "flag");
        browser.findElement(By.id("import-surveys")).sendKeys("fixmedins_code,survey_date,satisfied,comment\n" + code + ","
                + LocalDate.now(BusinessTime.ZONE) + ",1,\n");
        submit("import-surveys-submit", "import-result");
        assertThat(text("import-result")).contains("满意度调查", "1");
    }
}
