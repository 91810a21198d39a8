package org.yibao.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;

/**
 * Cross-region filings (R-XR-1) on the console's person page (the counter) and the portal page's
 * languages: a clerk files, is refused with the rule, and cancels; a read-only user sees no form and
 * is refused; the portal page is Chinese by default and English on request. Uses a registered person;
 * the named cast is only read.
 */
@IntegrationTest
class CrossRegionFilingPagesTest {

    private static final Pattern CANCEL = Pattern.compile("id=\"cancel-xr-(\\d+)\"");

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    YibaoProperties properties;

    private PortalSession signedIn(String user) {
        PortalSession session = new PortalSession(users.port());
        assertThat(session.consoleLogin(user, TestUsers.PASSWORD).status()).isEqualTo(302);
        return session;
    }

    private long open(String psnNo) {
        return jdbc.sql("select count(*) from xr_filing where psn_no = ? and cancelled_at is null").param(psnNo).query(Long.class).single();
    }

    @Test
    void aClerkFilesAtTheCounterIsRefusedByTheRulesAndCancels() {
        users.clerk();
        users.readOnly();
        String psn = new TestPersons(users, jdbc).employee("窗口备案", LocalDate.of(1975, 3, 3), "0.00").psnNo();
        String page = "/persons/" + psn;
        PortalSession clerk = signedIn("clerk1");
        assertThat(clerk.get(page).body()).contains("id=\"xr-filing-form\"");

        PortalSession.Page filed = clerk.post(page, page + "/xr-filings", Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "990200"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(302);
        assertThat(open(psn)).isEqualTo(1);
        assertThat(jdbc.sql("select channel || '/' || recorded_by from xr_filing where psn_no = ?").param(psn).query(String.class).single())
                .isEqualTo("COUNTER/clerk1");

        PortalSession.Page refused = clerk.post(page, page + "/xr-filings", Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "990100"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"xr-filings-errors\"", "同一统筹区");
        assertThat(open(psn)).isEqualTo(1);

        PortalSession viewer = signedIn("viewer1");
        assertThat(viewer.get(page).body()).doesNotContain("id=\"xr-filing-form\"");
        assertThat(viewer.post(page, page + "/xr-filings", Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "980100")).status())
                .isEqualTo(403);

        Matcher m = CANCEL.matcher(clerk.get(page).body());
        assertThat(m.find()).isTrue();
        PortalSession.Page cancelled = clerk.post(page, page + "/xr-filings/" + m.group(1) + "/cancel", Map.of("memo", "行程取消"));
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(open(psn)).isZero();
        assertThat(jdbc.sql("select action from audit_log where entity_type = 'xr_filing' and entity_key = ? order by id")
                .param(m.group(1)).query(String.class).list()).containsExactly("CREATE", "CANCEL");
    }

    @Test
    void thePortalPageIsChineseByDefaultAndEnglishOnRequest() {
        PortalSession li = DemoPortalUsers.signedIn(users.port(), properties, DemoPortalUsers.LI_QIANG_CERTNO);
        assertThat(li.get("/portal").body()).contains("/portal/xr-filings");
        assertThat(li.get("/portal/xr-filings").body()).contains("异地就医备案", "备案须知", "确认备案");
        assertThat(li.get("/portal/xr-filings?lang=en").body()).contains("Filing for care in another region", "Confirm filing");
    }
}
