package org.yibao.server.console.instportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.region.RefData;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestUsers;

/**
 * The institution portal's pages show the right numbers (R-INST-5): a settlement made through the
 * national interface appears in its institution's summary and nowhere else; a sanction decided
 * through the admin API appears on the sanctioned institution's pages with its effect on settlement.
 */
@IntegrationTest
class InstitutionPortalPagesTest {

    static final String EAST = DemoCast.EAST_COMMUNITY_CENTRE;
    static final String WEST = DemoCast.WEST_COMMUNITY_CENTRE;
    static final String ZHANG_MIN = DemoCast.ZHANG_MIN;

    @Autowired
    TestUsers users;
    @Autowired
    YibaoProperties properties;
    @Autowired
    FsiClients fsi;
    @Autowired
    Clock clock;

    private PortalSession admin(String code) {
        return InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, code));
    }

    /** The count of this month's row of the settlement summary. */
    private static long thisMonthCount(PortalSession s, YearMonth month) {
        String body = s.get("/inst-portal/settlements").body();
        Matcher m = Pattern.compile("id=\"month-" + month + "\">\\s*<td>[^<]*</td><td class=\"num count\">(-?\\d+)</td>").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aSettlementThroughTheNationalInterfaceCountsForItsInstitutionOnly() {
        YearMonth month = YearMonth.from(LocalDate.now(clock));
        PortalSession east = admin(EAST);
        PortalSession west = admin(WEST);
        long eastBefore = thisMonthCount(east, month);
        long westBefore = thisMonthCount(west, month);

        Visit v = new Visit(fsi.as(EAST), ZHANG_MIN, "310");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").upload("2204").ok();
        String setlId = v.settle("2207", "11", false).ok().output().get("setlinfo").get("setl_id").asString();
        try {
            assertThat(thisMonthCount(east, month)).isEqualTo(eastBefore + 1);
            assertThat(thisMonthCount(west, month)).isEqualTo(westBefore);
            assertThat(east.get("/inst-portal/settlements").body()).contains(setlId).contains("20.00");
            assertThat(west.get("/inst-portal/settlements").body()).doesNotContain(setlId);
            // Twelve months, this one first.
            String body = east.get("/inst-portal/settlements").body();
            assertThat(body).contains("id=\"month-" + month + "\"").contains("id=\"month-" + month.minusMonths(11) + "\"")
                    .doesNotContain("id=\"month-" + month.minusMonths(12) + "\"");
        } finally {
            v.reverse("2208", setlId).ok();
        }
        // The reversal nets out.
        assertThat(thisMonthCount(east, month)).isEqualTo(eastBefore);
    }

    @Test
    void aSanctionDecidedThroughTheAdminApiAppearsWithItsEffect() {
        // A hospital of its own, so the suspension touches no other test.
        RefData.ensureRegion(users.admin());
        String code = "H95" + RefData.digits(9);
        ApiClient admin = users.admin();
        assertThat(admin.post("/api/admin/institutions", new HashMap<>(Map.of("fixmedins_code", code, "name", "门户测试医院" + code,
                "admdvs", RefData.REGION, "level", 2, "kind", "HOSPITAL", "validFrom", "2024-01-01"))).status()).isEqualTo(201);
        LocalDate today = LocalDate.now(clock);
        ApiClient.Response applied = admin.post("/api/admin/institutions/" + code + "/agreements",
                Map.of("start_date", today.withDayOfMonth(1).toString(), "reason", "新定点"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.json().get("id").asLong();
        assertThat(admin.post("/api/admin/institutions/" + code + "/agreements/" + id + "/activate", Map.of("reason", "审核通过")).status())
                .isEqualTo(200);
        PortalSession s = InstitutionPortalLogins.signedIn(users.port(),
                InstitutionPortalLogins.create(users, code, code.toLowerCase() + "-admin", "INST_ADMIN"));
        assertThat(s.get("/inst-portal").body()).contains("可以结算").contains("生效");
        assertThat(s.get("/inst-portal/sanctions").body()).contains("id=\"no-sanctions\"");
        String agreements = s.get("/inst-portal/agreements").body();
        assertThat(agreements).contains(today.withDayOfMonth(1) + " – " + today.withDayOfMonth(1).plusYears(1).minusDays(1))
                .contains("新定点").contains("审核通过");

        String reason = "虚记诊疗项目 " + RefData.digits(4);
        ApiClient.Response decided = admin.post("/api/admin/institutions/" + code + "/sanctions", Map.of("kind", "SUSPENSION",
                "end_date", today.plusDays(30).toString(), "reason", reason, "evidence", "稽核报告 JH-1"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);

        String sanctions = s.get("/inst-portal/sanctions").body();
        assertThat(sanctions).contains("暂停结算").contains(reason).contains(today + " – " + today.plusDays(30))
                .contains("期间拒绝结算，期满自动恢复").contains("生效中").doesNotContain("稽核报告 JH-1");
        String home = s.get("/inst-portal").body();
        assertThat(home).contains("暂停结算").contains("本机构医保结算已被暂停").contains(today.plusDays(31) + " 起恢复")
                .doesNotContain("可以结算");
        assertThat(s.get("/inst-portal/agreements").body()).contains(reason);
        // Switched to English, the refusal reads in English with its dates and the reason as decided.
        assertThat(s.get("/inst-portal?lang=en").body()).contains("Settlement is suspended for this institution (" + today + " to "
                + today.plusDays(30) + ", reason: " + reason + ") and resumes on " + today.plusDays(31)).doesNotContain("本机构医保结算已被暂停");
        // Another institution sees nothing of it.
        assertThat(admin(EAST).get("/inst-portal/sanctions").body()).doesNotContain(reason);
    }
}
