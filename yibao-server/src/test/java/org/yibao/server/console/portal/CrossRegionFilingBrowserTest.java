package org.yibao.server.console.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestUsers;

/**
 * R-XR-1 in the insured portal, in a real (headless) browser of a phone's size: 李强 reads the rules,
 * cannot submit without the commitment tick, files a temporary filing for 临江 (990200), sees it in
 * force, and cancels it (so the demo cast is left as found).
 */
@IntegrationTest
class CrossRegionFilingBrowserTest {

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    JdbcClient jdbc;

    private List<Long> inForce(String psnNo) {
        return jdbc.sql("select id from xr_filing where psn_no = ? and treatment_admdvs = '990200' and cancelled_at is null order by id")
                .param(psnNo).query(Long.class).list();
    }

    @Test
    void liQiangFilesForCareElsewhereAfterTheRulesAndCancelsIt() throws IOException {
        String certno = DemoPortalUsers.LI_QIANG_CERTNO;
        String psnNo = jdbc.sql("select psn_no from person where certno = ?").param(certno).query(String.class).single();
        List<Long> before = inForce(psnNo);
        try (HeadlessChromium chromium = new HeadlessChromium(412, 1000)) {
            WebDriver browser = chromium.driver();
            String base = "http://localhost:" + users.port();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            chromium.signInToPortal(base, certno, DemoPortalUsers.password(properties, certno));

            browser.get(base + "/portal/xr-filings");
            // The rules in plain Chinese come before the form.
            assertThat(browser.findElement(By.id("xr-rules")).getText()).contains("个人承诺制", "6 个月");
            new Select(browser.findElement(By.id("xr-category"))).selectByValue("TEMPORARY");
            new Select(browser.findElement(By.id("xr-region"))).selectByValue("990200");
            // Without the commitment the browser does not submit (the field is required): nothing is filed.
            browser.findElement(By.id("xr-submit")).click();
            assertThat(browser.findElements(By.id("xr-filed"))).isEmpty();
            assertThat(inForce(psnNo)).isEqualTo(before);
            chromium.screenshot("portal-xr-filing-rules");

            browser.findElement(By.id("xr-commitment")).click();
            browser.findElement(By.id("xr-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xr-filed")));
            List<Long> after = inForce(psnNo);
            assertThat(after).hasSize(before.size() + 1);
            long id = after.get(after.size() - 1);
            assertThat(browser.findElement(By.id("xr-" + id)).getText()).contains("990200", "临时外出就医");
            assertThat(jdbc.sql("select channel from xr_filing where id = ?").param(id).query(String.class).single()).isEqualTo("PORTAL");
            chromium.screenshot("portal-xr-filed");

            browser.findElement(By.id("xr-cancel-" + id)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xr-cancelled")));
            assertThat(inForce(psnNo)).isEqualTo(before);
            assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'xr_filing' and entity_key = ? and action in ('CREATE', 'CANCEL')")
                    .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
            chromium.screenshot("portal-xr-cancelled");
        } finally {
            for (long id : inForce(psnNo)) {
                if (!before.contains(id)) {
                    users.admin().post("/api/admin/persons/" + psnNo + "/xr-filings/" + id + "/cancel", Map.of("memo", "测试结束撤销"));
                }
            }
        }
    }
}
