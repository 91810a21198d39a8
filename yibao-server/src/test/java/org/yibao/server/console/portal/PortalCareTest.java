package org.yibao.server.console.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import org.yibao.server.support.TestUsers;

/**
 * 我的待遇 in the insured portal: a person sees their own family-doctor contract and recognitions,
 * chooses and changes their designated institution within the region's yearly limit (R-INS-2: the
 * third change in a year is refused and changes nothing) and can cancel a choice.
 */
@IntegrationTest
class PortalCareTest {

    static final String SUN_WEI = "99010000000000000006";
    static final String SUN_WEI_CERTNO = "990100196808110619";
    private static final Pattern CANCEL = Pattern.compile("id=\"cancel-([A-Z0-9]+)\"");

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    JdbcClient jdbc;

    private List<String> choices() {
        return jdbc.sql("select fixmedins_code || ':' || (cancelled_at is null) from designated_institution where psn_no = ? order by id")
                .param(SUN_WEI).query(String.class).list();
    }

    private static PortalSession.Page choose(PortalSession s, String code) {
        PortalSession.Page r = s.post("/portal/care", "/portal/care/designated", Map.of("fixmedinsCode", code));
        assertThat(r.location()).endsWith("/portal/care");
        return s.get("/portal/care");
    }

    @Test
    void sunWeiSeesHisContractAndChangesHisDesignatedInstitutionTwiceButNotAThirdTime() {
        PortalSession sun = DemoPortalUsers.signedIn(users.port(), properties, SUN_WEI_CERTNO);
        PortalSession.Page care = sun.get("/portal/care");
        assertThat(care.status()).isEqualTo(200);
        assertThat(care.body()).contains("我的待遇", "“1+1+1”组合签约", "高血压", "每个自然年可变更 2 次");

        List<String> before = choices();
        assertThat(choose(sun, "h99010000003").body()).contains("id=\"designated-chosen\"");    // first choice: not a change
        assertThat(choose(sun, "H99010000002").body()).contains("id=\"designated-chosen\"");    // change 1
        assertThat(choose(sun, "H99010000001").body()).contains("id=\"designated-chosen\"");    // change 2
        List<String> afterTwo = choices();
        PortalSession.Page third = choose(sun, "H99010000003");
        assertThat(third.body()).contains("id=\"designated-error\"", "最多变更 2 次", "起可再变更");
        assertThat(choices()).isEqualTo(afterTwo);
        assertThat(third.body()).contains("H99010000001");

        // Another person's page never shows his choices; an unknown code is refused with what is wrong.
        assertThat(DemoPortalUsers.signedIn(users.port(), properties, DemoPortalUsers.ZHANG_MIN_CERTNO).get("/portal/care").body())
                .doesNotContain("H99010000001");
        assertThat(choose(sun, "H99019999999").body()).contains("id=\"designated-error\"", "H99019999999");

        // Cancelling, latest first, restores the earlier choice each time and frees the yearly count again.
        for (int i = 0; i < 3; i++) {
            Matcher m = CANCEL.matcher(sun.get("/portal/care").body());
            assertThat(m.find()).isTrue();
            PortalSession.Page r = sun.post("/portal/care", "/portal/care/designated/" + m.group(1) + "/cancel", Map.of());
            assertThat(r.location()).endsWith("/portal/care");
        }
        assertThat(sun.get("/portal/care").body()).contains("尚未选择定点医疗机构");
        List<String> after = choices();
        assertThat(after).hasSize(before.size() + 3);
        assertThat(after.subList(before.size(), after.size())).allMatch(c -> c.endsWith(":false"));
    }

    @Test
    void theCarePageNeedsASignedInPersonAndSpeaksEnglishOnRequest() {
        assertThat(new PortalSession(users.port()).get("/portal/care").location()).endsWith("/portal/login");
        PortalSession sun = DemoPortalUsers.signedIn(users.port(), properties, SUN_WEI_CERTNO);
        assertThat(sun.get("/portal/care?lang=en").body()).contains("My care", "My designated institutions", "Family doctor", "1+1+1").doesNotContain("我的待遇");
    }
}
