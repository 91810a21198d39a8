package org.yibao.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.evaluation.EvaluationFixtures;
import org.yibao.server.platform.BusinessTime;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-PAY-6 with R-INST-2: next January's capitation of a centre whose evaluation of this year is final is
 * adjusted by the quota adjustment that evaluation recorded — read, not computed again, even when the
 * hypertension management rate has changed since — and a centre with only a draft evaluation is cut
 * from its computed rate; each row says which basis it used. Two new centres of the test region 970100
 * with one contract each (8.33 a month).
 */
@IntegrationTest
class CapitationQuotaBasisTest {

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private static JsonNode row(JsonNode month, String code) {
        return DrgStays.byKey(month, "fixmedins_code", code);
    }

    @Test
    void aFinalEvaluationsRecordedAdjustmentIsPaidAndWithoutOneTheRateIsComputed() {
        int year = LocalDate.now(BusinessTime.ZONE).getYear();
        // Evaluated and finalised with no hypertension patient: no quota adjustment recorded.
        String evaluated = EvaluationFixtures.centre(users, year);
        long evaluation = EvaluationFixtures.run(users, evaluated, year);
        assertThat(users.admin().post("/api/admin/evaluations/" + evaluation + "/finalise", Map.of()).status()).isEqualTo(200);
        // Since then a patient managed at 0% would make the computed rate cut 5%.
        EvaluationFixtures.unmanagedHypertensionPatient(users, jdbc, evaluated);
        String computed = EvaluationFixtures.centre(users, year);
        EvaluationFixtures.unmanagedHypertensionPatient(users, jdbc, computed);
        EvaluationFixtures.run(users, computed, year);                   // a draft does not count

        JsonNode january = users.readOnly().get("/api/admin/capitation/" + YearMonth.of(year + 1, 1)).json();
        JsonNode byEvaluation = row(january, evaluated);
        assertThat(byEvaluation.get("quota_basis").asString()).isEqualTo("EVALUATION");
        assertThat(byEvaluation.get("evaluation_id").asLong()).isEqualTo(evaluation);
        assertThat(byEvaluation.get("quota_adjustment").decimalValue()).isEqualByComparingTo("0");
        assertThat(byEvaluation.get("payment").get("cut_applied").asBoolean()).isFalse();
        assertThat(byEvaluation.get("payment").get("net").decimalValue()).isEqualByComparingTo("8.33");

        JsonNode byRate = row(january, computed);
        assertThat(byRate.get("quota_basis").asString()).isEqualTo("MANAGEMENT_RATE");
        assertThat(byRate.path("evaluation_id").isMissingNode() || byRate.path("evaluation_id").isNull()).isTrue();
        assertThat(byRate.get("previous_year_rate").decimalValue()).isEqualByComparingTo("0");
        assertThat(byRate.get("quota_adjustment").decimalValue()).isEqualByComparingTo("-0.05");
        assertThat(byRate.get("payment").get("cut_applied").asBoolean()).isTrue();
        // 8.33 − 0.42 (5% of 8.33 = 0.4165, half-up)
        assertThat(byRate.get("payment").get("net").decimalValue()).isEqualByComparingTo("7.91");

        // The console says which basis each centre's row used.
        String page = users.readOnly().get("/capitation?month=" + YearMonth.of(year + 1, 1)).body();
        assertThat(page).contains("上年度考核（第 " + evaluation + " 号）定额调整 0%", "按上年高血压规范管理率计算");
    }
}
