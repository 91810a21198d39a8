package org.yibao.server.console;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.console.internal.AnalyticsQueries;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-KPI: a settlement at a level-1 centre shows in this year's fund expenditure (by fund and by level)
 * and adds one level-1 visit; its reversal takes both back. The page is there for every staff role, in
 * Chinese and in English, and refuses no one signed in.
 */
@IntegrationTest
class AnalyticsPagesTest {

    @Autowired
    AnalyticsQueries analytics;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private BigDecimal fund(int year) {
        return analytics.fundsByMonth("990100", year).stream().map(f -> f.basicPool().add(f.seriousIllness()).add(f.largeAmount())
                .add(f.assistance()).add(f.civilServant()).add(f.other())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long levelOneVisits(int year) {
        return analytics.byLevel("990100", year).stream().filter(l -> l.level() == 1).mapToLong(AnalyticsQueries.LevelMonth::visits).sum();
    }

    private BigDecimal levelOneFund(int year) {
        return analytics.byLevel("990100", year).stream().filter(l -> l.level() == 1).map(AnalyticsQueries.LevelMonth::fund)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aSettlementAtALevelOneCentreCountsAndItsReversalTakesItBack() {
        int year = LocalDate.now(BusinessTime.ZONE).getYear();
        BigDecimal fundBefore = fund(year);
        long visitsBefore = levelOneVisits(year);
        BigDecimal levelOneBefore = levelOneFund(year);

        TestPersons.Registered p = new TestPersons(users, jdbc).resident("统计测试", LocalDate.of(1970, 2, 3));
        Visit v = new Visit(fsi.as(DemoCast.EAST_COMMUNITY_CENTRE), p.psnNo(), "390");
        v.register().ok();
        v.line("001101000010000", "10", "20.00").upload("2204").ok();
        JsonNode s = v.settle("2207", "11", false).ok().output().get("setlinfo");
        BigDecimal paid = s.get("fund_pay_sumamt").decimalValue();
        assertThat(paid.signum()).as(s.toString()).isPositive();

        assertThat(fund(year)).isEqualByComparingTo(fundBefore.add(paid));
        assertThat(levelOneFund(year)).isEqualByComparingTo(levelOneBefore.add(paid));
        assertThat(levelOneVisits(year)).isEqualTo(visitsBefore + 1);

        v.reverse("2208", s.get("setl_id").asString()).ok();
        assertThat(fund(year)).isEqualByComparingTo(fundBefore);
        assertThat(levelOneFund(year)).isEqualByComparingTo(levelOneBefore);
        assertThat(levelOneVisits(year)).isEqualTo(visitsBefore);
    }

    @Test
    void thePageShowsTheFiguresAndChartsToEveryStaffRoleInBothLanguages() {
        for (var who : java.util.List.of(users.readOnly(), users.clerk(), users.auditor(), users.admin())) {
            var page = who.get("/analytics?region=990100&year=" + LocalDate.now(BusinessTime.ZONE).getYear());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("统计分析", "kpi-fund-total", "kpi-level1-share", "data-chart=\"funds\"",
                    "data-chart=\"level1Share\"", "analytics-county-budgets", "示范县医共体");
        }
        assertThat(users.readOnly().get("/analytics?lang=en").body()).contains("Share of visits at level-1 institutions");
        assertThat(users.anonymous().get("/analytics").status()).isIn(302, 401);
    }
}
