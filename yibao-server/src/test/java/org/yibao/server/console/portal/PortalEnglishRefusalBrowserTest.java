package org.yibao.server.console.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.HeadlessChromium;
import org.yibao.server.support.TestUsers;

/**
 * A person who switched the insured portal to English, in a real (headless) phone-sized browser: 李强
 * types an institution code that is not a designated institution and reads why in English; nothing is
 * filed.
 */
@IntegrationTest
class PortalEnglishRefusalBrowserTest {

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    JdbcClient jdbc;

    @Test
    void liQiangReadsTheRefusalOfHisDesignatedInstitutionInEnglish() throws IOException {
        String certno = DemoPortalUsers.LI_QIANG_CERTNO;
        String psnNo = jdbc.sql("select psn_no from person where certno = ?").param(certno).query(String.class).single();
        long before = jdbc.sql("select count(*) from designated_institution where psn_no = ?").param(psnNo).query(Long.class).single();
        try (HeadlessChromium chromium = new HeadlessChromium(412, 1000)) {
            WebDriver browser = chromium.driver();
            String base = "http://localhost:" + users.port();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            chromium.signInToPortal(base, certno, DemoPortalUsers.password(properties, certno));
            browser.get(base + "/portal/care?lang=en");
            browser.findElement(By.id("designated-code")).sendKeys("H00000000042");
            browser.findElement(By.id("designated-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("designated-error")));
            assertThat(browser.findElement(By.id("designated-error")).getText())
                    .isEqualTo("Institution H00000000042 is not a designated medical institution in force");
            chromium.screenshot("portal-en-refusal");
        }
        assertThat(jdbc.sql("select count(*) from designated_institution where psn_no = ?").param(psnNo).query(Long.class).single())
                .isEqualTo(before);
    }
}
