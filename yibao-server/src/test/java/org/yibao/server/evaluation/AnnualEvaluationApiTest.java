package org.yibao.server.evaluation;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.region.RefData;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-INST-2 through the admin API, on a community centre of its own (test region 970100, this year) so
 * that no other test's data reaches its indicators: the feeds land its total on 59.99 (not renewed, quota
 * −5% for 0% hypertension management), one more qualified review lands it on 60.00; versions, renewal of
 * the agreement, roles, the audit trail and CSV refusals.
 */
@IntegrationTest
class AnnualEvaluationApiTest {

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    final int year = LocalDate.now(BusinessTime.ZONE).getYear();
    final String today = LocalDate.now(BusinessTime.ZONE).toString();

    @BeforeEach
    void region() {
        RefData.ensureRegion(users.admin());
    }

    private String centre() {
        return EvaluationFixtures.centre(users, year);
    }

    private void unmanagedHypertensionPatient(String centre) {
        EvaluationFixtures.unmanagedHypertensionPatient(users, jdbc, centre);
    }

    private static String reviewsCsv(String code, String prefix, int lines, int qualified) {
        StringBuilder b = new StringBuilder("fixmedins_code,review_date,prescription_no,qualified,reviewer,note\n");
        for (int i = 0; i < lines; i++) {
            b.append(code).append(',').append(LocalDate.now(BusinessTime.ZONE)).append(',').append(prefix).append(i).append(',')
                    .append(i < qualified ? "1" : "0").append(",王审核,").append(i < qualified ? "" : "\"超量, 无指征\"").append('\n');
        }
        return b.toString();
    }

    private ApiClient.Response csv(ApiClient as, String path, String body) {
        return as.send("POST", path, body, "text/csv");
    }

    private JsonNode run(String code) {
        ApiClient.Response r = users.admin().post("/api/admin/evaluations/run", Map.of("year", year, "fixmedins_code", code));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode indicator(JsonNode evaluation, String name) {
        for (JsonNode i : evaluation.get("indicators")) {
            if (i.get("indicator").asString().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + name + " in " + evaluation);
    }

    private long audits(String entity, String keyPrefix, String action) {
        return jdbc.sql("select count(*) from audit_log where entity_type = ? and entity_key like ? and action = ?")
                .params(entity, keyPrefix + "%", action).query(Long.class).single();
    }

    @Test
    void theFeedsLandTheCentreOnFiftyNinePointNinetyNineThenOneQualifiedReviewOnSixtyAndTheDecisionGovernsRenewal() {
        String code = centre();
        unmanagedHypertensionPatient(code);
        // 379 reviews, 360 qualified: 0.9499 → 19.99 points (a clerk imports them).
        ApiClient.Response imported = csv(users.clerk(), "/api/admin/prescription-reviews/import", reviewsCsv(code, "RX", 379, 360));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("reviews").asInt()).isEqualTo(379);
        // 10 surveys, 9 satisfied: 90% → 20 points.
        StringBuilder surveys = new StringBuilder("fixmedins_code,survey_date,satisfied,comment\n");
        for (int i = 0; i < 10; i++) {
            surveys.append(code).append(',').append(today).append(',').append(i < 9 ? "1" : "0").append(",电话回访\n");
        }
        assertThat(csv(users.clerk(), "/api/admin/satisfaction-surveys/import", surveys.toString()).status()).isEqualTo(201);
        // 4 confirmed violations: 20 − 4 × 5 = 0 points (administrators record them).
        for (int i = 0; i < 4; i++) {
            ApiClient.Response v = users.admin().post("/api/admin/institutions/" + code + "/violations", Map.of("violation_date", today,
                    "description", "串换项目 " + i, "evidence", "稽核记录 " + i));
            assertThat(v.status()).as(v.body()).isEqualTo(201);
        }

        JsonNode first = run(code);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("status").asString()).isEqualTo("DRAFT");
        assertThat(first.get("chronic_basis").asString()).isEqualTo("HYPERTENSION_MANAGEMENT");
        assertThat(indicator(first, "DATA_UPLOAD").get("no_data").asBoolean()).isTrue();
        assertThat(indicator(first, "DATA_UPLOAD").get("score").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(indicator(first, "PRESCRIPTION_QUALIFICATION").get("basis").asString()).isEqualTo("360/379");
        assertThat(indicator(first, "PRESCRIPTION_QUALIFICATION").get("value").decimalValue()).isEqualByComparingTo("0.9499");
        assertThat(indicator(first, "PRESCRIPTION_QUALIFICATION").get("score").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(indicator(first, "CHRONIC_MANAGEMENT").get("basis").asString()).isEqualTo("0/1");
        assertThat(indicator(first, "CHRONIC_MANAGEMENT").get("score").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(indicator(first, "PATIENT_SATISFACTION").get("basis").asString()).isEqualTo("9/10");
        assertThat(indicator(first, "PATIENT_SATISFACTION").get("score").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(indicator(first, "FUND_USE_COMPLIANCE").get("score").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(first.get("total").decimalValue()).isEqualByComparingTo("59.99");
        assertThat(first.get("decision").asString()).isEqualTo("NOT_RENEWED");
        assertThat(first.get("quota_adjustment").decimalValue()).isEqualByComparingTo("-0.05");
        assertThat(users.readOnly().get("/evaluations/" + first.get("id").asLong()).body())
                .contains("-5%（高血压规范管理率低于 60%）", "不予续签", "59.99");

        // Final: the agreement of this year cannot be renewed, and nothing is written.
        long v1 = first.get("id").asLong();
        assertThat(users.admin().post("/api/admin/evaluations/" + v1 + "/finalise", Map.of()).status()).isEqualTo(200);
        assertThat(users.admin().post("/api/admin/evaluations/" + v1 + "/finalise", Map.of()).status()).isEqualTo(409);
        long agreement = users.readOnly().get("/api/admin/institutions/" + code + "/agreements").json().get("agreements").get(0).get("id").asLong();
        ApiClient.Response refused = users.admin().post("/api/admin/institutions/" + code + "/agreements/" + agreement + "/renew", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("NOT_RENEWED", "59.99");
        assertThat(users.readOnly().get("/api/admin/institutions/" + code + "/agreements").json().get("agreements")).hasSize(1);

        // One more qualified review (the console form's API twin): 361/380 = 0.95 → 20 points → 60.00.
        ApiClient.Response one = users.clerk().post("/api/admin/institutions/" + code + "/prescription-reviews", Map.of("review_date", today,
                "prescription_no", "RX-LATE", "qualified", true, "reviewer", "王审核"));
        assertThat(one.status()).as(one.body()).isEqualTo(201);
        JsonNode second = run(code);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("total").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(second.get("decision").asString()).isEqualTo("RENEW_WITH_RECTIFICATION");
        assertThat(second.get("quota_adjustment").decimalValue()).isEqualByComparingTo("-0.05");
        // Running again replaces the draft (still version 2); version 1 stays final and unchanged.
        JsonNode again = run(code);
        assertThat(again.get("id").asLong()).isEqualTo(second.get("id").asLong());
        assertThat(again.get("version").asInt()).isEqualTo(2);
        JsonNode versions = users.readOnly().get("/api/admin/institutions/" + code + "/evaluations?year=" + year).json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("status").asString()).isEqualTo("FINAL");
        assertThat(versions.get(1).get("total").decimalValue()).isEqualByComparingTo("59.99");
        // A draft does not count: the renewal is still refused until version 2 is final.
        assertThat(users.admin().post("/api/admin/institutions/" + code + "/agreements/" + agreement + "/renew", Map.of()).status())
                .isEqualTo(409);
        assertThat(users.admin().post("/api/admin/evaluations/" + second.get("id").asLong() + "/finalise", Map.of()).status()).isEqualTo(200);
        ApiClient.Response renewed = users.admin().post("/api/admin/institutions/" + code + "/agreements/" + agreement + "/renew", Map.of());
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        JsonNode history = users.readOnly().get("/api/admin/institutions/" + code + "/agreements").json().get("history");
        assertThat(history.get(history.size() - 1).get("reason").asString()).contains("整改后续签", "60.00");

        // The list of the region's year shows the latest version; every change is in the audit trail.
        JsonNode list = users.readOnly().get("/api/admin/evaluations?year=" + year + "&admdvs=" + RefData.REGION).json();
        assertThat(list.findValuesAsString("fixmedins_code")).contains(code);
        assertThat(audits("institution_evaluation", code + "/" + year + "/v1", "EVALUATE")).isEqualTo(1);
        assertThat(audits("institution_evaluation", code + "/" + year + "/v1", "FINALISE")).isEqualTo(1);
        assertThat(audits("institution_evaluation", code + "/" + year + "/v2", "REEVALUATE")).isEqualTo(1);
        assertThat(audits("confirmed_violation", code + "/", "CREATE")).isEqualTo(4);
        assertThat(audits("prescription_review", code + "/RX-LATE", "CREATE")).isEqualTo(1);
    }

    @Test
    void aBadCsvLineIsNamedWithItsColumnAndRuleAndNothingIsImported() {
        String code = centre();
        String bad = "fixmedins_code,review_date,prescription_no,qualified,reviewer,note\n"
                + code + "," + today + ",A1,1,王审核,\n"
                + code + "," + today + ",A2,x,王审核,\n"
                + code + ",2099-01-01,A3,0,王审核,\n"
                + code + "," + today + ",A1,0,王审核,\n"
                + "H00000000000," + today + ",A4,1,王审核,\n";
        ApiClient.Response r = csv(users.clerk(), "/api/admin/prescription-reviews/import", bad);
        RefData.assertRefused(r, "line 3, column qualified", "flag");
        RefData.assertRefused(r, "line 4, column review_date", "not_future");
        RefData.assertRefused(r, "line 5, column prescription_no", "duplicate");
        RefData.assertRefused(r, "line 6, column fixmedins_code", "unknown");
        assertThat(r.body()).contains("already on line 2");
        RefData.assertRefused(csv(users.clerk(), "/api/admin/prescription-reviews/import", "code,date\n" + code + ",x\n"), "line 1", "header");
        RefData.assertRefused(csv(users.clerk(), "/api/admin/satisfaction-surveys/import",
                "fixmedins_code,survey_date,satisfied,comment\n" + code + "," + today + ",maybe,\n"), "line 2, column satisfied", "flag");
        RefData.assertRefused(csv(users.clerk(), "/api/admin/satisfaction-surveys/import",
                "fixmedins_code,survey_date,satisfied,comment\n" + code + "," + today + ",1\n"), "line 2", "columns");
        assertThat(jdbc.sql("select count(*) from prescription_review where fixmedins_code = ?").param(code).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from satisfaction_survey where fixmedins_code = ?").param(code).query(Long.class).single()).isZero();
        // A violation without evidence, or an evaluation of next year or of a pharmacy: refused, nothing written.
        RefData.assertRefused(users.admin().post("/api/admin/institutions/" + code + "/violations", Map.of("violation_date", today,
                "description", "x")), "evidence", "required");
        RefData.assertRefused(users.admin().post("/api/admin/evaluations/run", Map.of("year", year + 1, "fixmedins_code", code)), "year", "range");
        assertThat(users.admin().post("/api/admin/evaluations/run", Map.of("year", year, "fixmedins_code", DemoCast.DEMO_PHARMACY)).status())
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from institution_evaluation where fixmedins_code in (?, ?)").params(code, DemoCast.DEMO_PHARMACY)
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyAdministratorsRunFinaliseOrConfirmViolationsClerksRecordReviewsEveryStaffRoleReads() {
        String code = centre();
        Map<String, Object> run = Map.of("year", year, "fixmedins_code", code);
        for (ApiClient other : new ApiClient[] {users.clerk(), users.auditor(), users.readOnly()}) {
            assertThat(other.post("/api/admin/evaluations/run", run).status()).isEqualTo(403);
            assertThat(other.post("/api/admin/institutions/" + code + "/violations", Map.of("violation_date", today, "description", "d",
                    "evidence", "e")).status()).isEqualTo(403);
        }
        // Anonymous: refused before anything (the CSRF check answers a session-less POST without a token first).
        assertThat(users.anonymous().post("/api/admin/evaluations/run", run).status()).isIn(401, 403);
        long id = run(code).get("id").asLong();
        for (ApiClient other : new ApiClient[] {users.clerk(), users.auditor(), users.readOnly()}) {
            assertThat(other.post("/api/admin/evaluations/" + id + "/finalise", Map.of()).status()).isEqualTo(403);
            assertThat(other.get("/api/admin/evaluations/" + id).status()).isEqualTo(200);
        }
        assertThat(users.anonymous().get("/api/admin/evaluations/" + id).status()).isEqualTo(401);
        Map<String, Object> review = Map.of("review_date", today, "prescription_no", "R1", "qualified", false, "reviewer", "李");
        assertThat(users.auditor().post("/api/admin/institutions/" + code + "/prescription-reviews", review).status()).isEqualTo(403);
        assertThat(users.readOnly().post("/api/admin/institutions/" + code + "/prescription-reviews", review).status()).isEqualTo(403);
        assertThat(users.clerk().post("/api/admin/institutions/" + code + "/prescription-reviews", review).status()).isEqualTo(201);
        assertThat(users.clerk().post("/api/admin/institutions/" + code + "/prescription-reviews", review).status()).isEqualTo(400);
        assertThat(jdbc.sql("select status from institution_evaluation where id = ?").param(id).query(String.class).single()).isEqualTo("DRAFT");
    }
}
