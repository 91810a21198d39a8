package org.yibao.server.console.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 * R-PAY-8: before admission 张敏 (in-service employee, 310) looks up pneumonia: it groups to ES35 (published
 * RW 0.3825) among ES31/ES33/ES35; the standard at each level is RW × 12,252.70 × the level coefficient, and
 * her expected share is what her own inpatient policy leaves her of a stay costing the standard
 * (deductible per admission, then 70% at level 3 — 80% less the self-referral's 10 points — and 90% at
 * level 1 paid by the fund).
 */
@IntegrationTest
class PortalDrgLookupTest {

    static final String ZHANG_MIN = "99010000000000000001";

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    JdbcClient jdbc;

    private static String cell(String body, String rowId, String cls) {
        Matcher m = Pattern.compile("id=\"" + rowId + "\".*?class=\"" + cls + "\"[^>]*>([^<]*)<", Pattern.DOTALL).matcher(body);
        assertThat(m.find()).as(rowId + " " + cls).isTrue();
        return m.group(1).strip();
    }

    @Test
    void zhangMinSeesPneumoniasGroupsStandardsAndHerShareAtEachLevel() {
        PortalSession zhang = DemoPortalUsers.signedIn(users.port(), properties, DemoPortalUsers.ZHANG_MIN_CERTNO);
        PortalSession.Page search = zhang.get("/portal/drg-lookup?q=J18.9");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("病种费用查询", "code=J18.900");

        PortalSession.Page page = zhang.get("/portal/drg-lookup?code=J18.900");
        assertThat(page.body()).contains("ES31", "ES33", "ES35");
        assertThat(cell(page.body(), "drg-group-ES35-L3", "drg-standard")).isEqualTo("4686.66");
        assertThat(cell(page.body(), "drg-group-ES35-L2", "drg-standard")).isEqualTo("4217.99");
        assertThat(cell(page.body(), "drg-group-ES35-L1", "drg-standard")).isEqualTo("3749.33");

        // The deductible per admission halves from the second admission of the year (later_admission_factor 0.50).
        BigDecimal admissions = jdbc.sql("select coalesce(sum(amount), 0) from accumulator where psn_no = ? and year = ? and cum_key = 'admissions'")
                .params(ZHANG_MIN, LocalDate.now().getYear()).query(BigDecimal.class).single();
        boolean first = admissions.signum() == 0;
        // Level 3 without a referral (990100: self-referral to level 3 is 10 points less, 0.80 → 0.70):
        // (4,686.66 − 1,000) × 0.70 = 2,580.66 paid by the fund → 2,106.00 hers (500 deductible later: 1,756.00).
        assertThat(cell(page.body(), "drg-group-ES35-L3", "drg-personal")).isEqualTo(first ? "2106.00" : "1756.00");
        // Level 1: (3,749.33 − 300) × 0.90 = 3,104.40 → 644.93 hers (150 later: 509.93).
        assertThat(cell(page.body(), "drg-group-ES35-L1", "drg-personal")).isEqualTo(first ? "644.93" : "509.93");

        assertThat(zhang.get("/portal/drg-lookup?code=NOT-A-CODE").body()).contains("drg-lookup-error", "NOT-A-CODE");
        assertThat(zhang.get("/portal/drg-lookup?code=J18.900&lang=en").body()).contains("Expected personal share");
        assertThat(new PortalSession(users.port()).get("/portal/drg-lookup?code=J18.900").status()).isIn(302, 401, 403);
    }
}
