package org.yibao.server.evaluation;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.region.RefData;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-INST-2 on the pages: the console's list with its chart, detail, report and feed forms by role; the
 * institution portal's 年度考核 (own final evaluations only); the insured portal's survey after a
 * settlement (once, own settlement only).
 */
@IntegrationTest
class AnnualEvaluationPagesTest {

    static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FsiClients fsi;
    @Autowired
    YibaoProperties properties;

    final int year = LocalDate.now(BusinessTime.ZONE).getYear();
    final String today = LocalDate.now(BusinessTime.ZONE).toString();

    @Test
    void theConsoleListsTheRegionsYearWithAChartAndShowsEachFormOnlyToWhoMayUseIt() {
        String code = EvaluationFixtures.centre(users, year);
        long id = EvaluationFixtures.run(users, code, year);

        String list = users.readOnly().get("/evaluations?year=" + year + "&admdvs=" + RefData.REGION).body();
        assertThat(list).contains("id=\"evaluation-row-" + code + "\"", "id=\"chart-evaluations\"", "/js/evaluation-chart.js",
                "echarts.min.js", "\"" + code + "\"", "年度考核", year + " 年考核得分");
        assertThat(list).doesNotContain("evaluation-run-form", "import-reviews-form");
        assertThat(users.clerk().get("/evaluations?year=" + year).body()).contains("import-reviews-form").doesNotContain("evaluation-run-form");
        assertThat(users.admin().get("/evaluations?year=" + year).body()).contains("import-reviews-form", "evaluation-run-form");
        assertThat(users.readOnly().get("/evaluations?year=" + year + "&lang=en").body()).contains("Annual evaluation of designated institutions");

        String detail = users.readOnly().get("/evaluations/" + id).body();
        assertThat(detail).contains("id=\"indicator-PRESCRIPTION_QUALIFICATION\"", "无数据，按满分计", "evaluation-report-link")
                .doesNotContain("evaluation-finalise-form");
        assertThat(users.admin().get("/evaluations/" + id).body()).contains("evaluation-finalise-form", "evaluation-rerun-form");
        String report = users.readOnly().get("/evaluations/" + id + "/report").body();
        assertThat(report).contains("定点医药机构年度考核报告", "/css/evaluation-report.css", "id=\"report-draft\"", "window.print()", code, year + " 年度");
        assertThat(users.readOnly().get("/evaluations/" + id + "/report?lang=en").body()).contains("Annual evaluation report");
        assertThat(users.anonymous().get("/css/evaluation-report.css").body()).contains("@media print");
        assertThat(users.readOnly().get("/evaluations/999999999").status()).isEqualTo(404);

        // A clerk records a review in the console; may neither run, finalise nor confirm a violation.
        ApiClient.Response review = users.clerk().send("POST", "/institutions/" + code + "/prescription-reviews",
                "review_date=" + today + "&prescription_no=C1&qualified=0&reviewer=%E7%8E%8B&year=" + year, FORM);
        assertThat(review.status()).as(review.body()).isEqualTo(302);
        assertThat(users.readOnly().get("/institutions/" + code + "/evaluation?year=" + year).body()).contains("id=\"review-list\"", "C1");
        ApiClient.Response badReview = users.clerk().send("POST", "/institutions/" + code + "/prescription-reviews",
                "review_date=" + today + "&prescription_no=&qualified=0&reviewer=&year=" + year, FORM);
        assertThat(badReview.status()).isEqualTo(400);
        assertThat(badReview.body()).contains("id=\"feed-error\"", "prescription_no", "reviewer");
        assertThat(users.clerk().send("POST", "/evaluations/run", "year=" + year + "&fixmedins_code=" + code, FORM).status()).isEqualTo(403);
        assertThat(users.clerk().send("POST", "/evaluations/" + id + "/finalise", "", FORM).status()).isEqualTo(403);
        assertThat(users.clerk().send("POST", "/institutions/" + code + "/violations", "violation_date=" + today
                + "&description=d&evidence=e", FORM).status()).isEqualTo(403);
        assertThat(users.auditor().send("POST", "/institutions/" + code + "/prescription-reviews", "review_date=" + today
                + "&prescription_no=C2&qualified=1&reviewer=x", FORM).status()).isEqualTo(403);
        // The administrator confirms a violation and finalises from the console.
        assertThat(users.admin().send("POST", "/institutions/" + code + "/violations", "violation_date=" + today
                + "&description=%E4%B8%B2%E6%8D%A2&evidence=%E8%AE%B0%E5%BD%95&year=" + year, FORM).status()).isEqualTo(302);
        assertThat(users.admin().send("POST", "/evaluations/run", "year=" + year + "&fixmedins_code=" + code, FORM).status()).isEqualTo(302);
        assertThat(users.admin().send("POST", "/evaluations/" + id + "/finalise", "", FORM).status()).isEqualTo(302);
        JsonNode e = users.readOnly().get("/api/admin/evaluations/" + id).json();
        assertThat(e.get("status").asString()).isEqualTo("FINAL");
        // 0/1 qualified → 0 points; 1 violation → 15: 20 + 0 + 20 (no hypertension data) + 20 + 15 = 75.00.
        assertThat(e.get("total").decimalValue()).isEqualByComparingTo("75.00");
        // A console CSV import with a bad line imports nothing.
        assertThat(users.clerk().send("POST", "/evaluations/import/surveys", "csv=" + java.net.URLEncoder.encode(
                "fixmedins_code,survey_date,satisfied,comment\n" + code + "," + today + ",1,\n" + code + ",bad,1,\n",
                java.nio.charset.StandardCharsets.UTF_8), FORM).status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from satisfaction_survey where fixmedins_code = ?").param(code).query(Long.class).single()).isZero();
    }

    @Test
    void anInstitutionSeesOnlyItsOwnFinalEvaluationsAndTheirReports() {
        String code = EvaluationFixtures.centre(users, year);
        String other = EvaluationFixtures.centre(users, year);
        long draft = EvaluationFixtures.run(users, code, year);
        long othersFinal = EvaluationFixtures.run(users, other, year);
        assertThat(users.admin().post("/api/admin/evaluations/" + othersFinal + "/finalise", Map.of()).status()).isEqualTo(200);

        PortalSession inst = InstitutionPortalLogins.signedIn(users.port(),
                InstitutionPortalLogins.create(users, code, "eval-" + code.toLowerCase(), "INST_STAFF"));
        assertThat(inst.get("/inst-portal").body()).contains("id=\"nav-evaluations\"");
        // A draft is not shown; another institution's final evaluation is not reachable.
        assertThat(inst.get("/inst-portal/evaluations").body()).contains("id=\"no-evaluations\"");
        assertThat(inst.get("/inst-portal/evaluations/" + draft + "/report").status()).isEqualTo(404);
        PortalSession.Page foreign = inst.get("/inst-portal/evaluations/" + othersFinal + "/report");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(other);

        assertThat(users.admin().post("/api/admin/evaluations/" + draft + "/finalise", Map.of()).status()).isEqualTo(200);
        String page = inst.get("/inst-portal/evaluations").body();
        assertThat(page).contains("id=\"evaluation-" + draft + "\"", "100.00", "续签").doesNotContain("evaluation-" + othersFinal);
        PortalSession.Page report = inst.get("/inst-portal/evaluations/" + draft + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("定点医药机构年度考核报告", code, "/inst-portal/evaluations").doesNotContain("id=\"report-draft\"");
        // Staff sessions and the admin API stay out of reach of the institution user.
        assertThat(inst.get("/evaluations").location()).endsWith("/login");
        assertThat(inst.get("/api/admin/evaluations/" + draft).status()).isEqualTo(401);
    }

    @Test
    void aPersonAnswersTheSurveyOfHerOwnSettlementOnceAndNoOneElsesSettlement() {
        Visit v = new Visit(fsi.as(DemoCast.EAST_COMMUNITY_CENTRE), DemoCast.LI_QIANG, "310");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").upload("2204").ok();
        String setlId = v.settle("2207", "11", true).ok().output().get("setlinfo").get("setl_id").asString();
        try {
            PortalSession li = DemoPortalUsers.signedIn(users.port(), properties, DemoPortalUsers.LI_QIANG_CERTNO);
            String path = "/portal/settlements/" + setlId;
            assertThat(li.get(path).body()).contains("id=\"survey-form\"");
            // Someone else cannot answer it, and learns nothing.
            PortalSession zhang = DemoPortalUsers.signedIn(users.port(), properties, DemoPortalUsers.ZHANG_MIN_CERTNO);
            PortalSession.Page foreign = zhang.post("/portal/settlements", path + "/survey", Map.of("satisfied", "1"));
            assertThat(foreign.status()).isEqualTo(404);
            // An answer without a choice is refused; nothing stored.
            li.post(path, path + "/survey", Map.of("comment", "x"));
            assertThat(surveys(setlId)).isZero();
            assertThat(li.post(path, path + "/survey", Map.of("satisfied", "0", "comment", "候诊时间长")).status()).isEqualTo(302);
            String answered = li.get(path).body();
            assertThat(answered).contains("id=\"survey-answered\"", "不满意").doesNotContain("id=\"survey-form\"");
            // Once only.
            li.post("/portal/settlements", path + "/survey", Map.of("satisfied", "1"));
            assertThat(surveys(setlId)).isEqualTo(1);
            assertThat(jdbc.sql("select satisfied from satisfaction_survey where setl_id = ?").param(setlId).query(Boolean.class).single()).isFalse();
            assertThat(jdbc.sql("select fixmedins_code from satisfaction_survey where setl_id = ?").param(setlId).query(String.class).single())
                    .isEqualTo(DemoCast.EAST_COMMUNITY_CENTRE);
            assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'satisfaction_survey' and entity_key = ? and actor = ?")
                    .params(setlId, DemoCast.LI_QIANG).query(Long.class).single()).isEqualTo(1);
            // Without a session: to the sign-in page.
            assertThat(new PortalSession(users.port()).postRaw(path + "/survey", Map.of("satisfied", "1")).status()).isIn(302, 403);
            assertThat(surveys(setlId)).isEqualTo(1);
        } finally {
            v.reverse("2208", setlId).ok();
        }
    }

    private long surveys(String setlId) {
        return jdbc.sql("select count(*) from satisfaction_survey where setl_id = ?").param(setlId).query(Long.class).single();
    }
}
