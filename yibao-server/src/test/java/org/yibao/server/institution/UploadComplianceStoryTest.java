package org.yibao.server.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-INST-3 with a moving clock, through the national interface: late uploads and the error rate suspend
 * settlement automatically for 3 working days (5 for a repeat), naming the cause and the end; queries
 * and uploads keep working; the suspension lifts by itself. The Linjiang hospital is used by no other
 * clock test; its days are 2026-09-30 to 2026-12 (the National Day holidays 2026-10-01..07 and the
 * make-up working day 2026-10-10 make the ends non-trivial).
 */
@ClockControlledTest
class UploadComplianceStoryTest {

    static final String CONSULTATION = "001101000010000";
    static final String HOSPITAL = DemoCast.LINJIANG_HOSPITAL;

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.yibao.server.platform.YibaoProperties properties;

    /** A resident of Linjiang (990200), insured where the hospital is: no cross-region filing needed. */
    private TestPersons.Registered patient() {
        TestPersons persons = new TestPersons(users, jdbc);
        Map<String, Object> body = persons.body("测试报送患者", LocalDate.of(1975, 3, 4), "390", "1501");
        body.put("insuplc_admdvs", DemoCast.LINJIANG_CITY);
        body.put("residence_admdvs", DemoCast.LINJIANG_CITY);
        return persons.register(body);
    }

    private FsiClient his() {
        return fsi.as(HOSPITAL).insuredIn(DemoCast.LINJIANG_CITY);
    }

    private JsonNode evaluate(String day) {
        ApiClient.Response r = users.admin().post("/api/admin/upload-compliance/evaluate?day=" + day + "&fixmedins_code=" + HOSPITAL, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode row(JsonNode evaluation) {
        assertThat(evaluation.get("institutions")).hasSize(1);
        return evaluation.get("institutions").get(0);
    }

    private Visit lateUpload(TestPersons.Registered p) {
        Visit v = new Visit(his(), p.psnNo(), "390");
        v.register().ok();
        v.lineAt(CONSULTATION, "1", "20.00", java.time.LocalDateTime.now(clock).minusHours(25)).upload("2204").ok();
        return v;
    }

    @Test
    void lateUploadSuspendsSettlementForThreeWorkingDaysThenFiveForARepeat() {
        clock.setDay(LocalDate.of(2026, 9, 30));
        TestPersons.Registered p = patient();
        Visit open = new Visit(his(), p.psnNo(), "390");
        open.register().ok();
        open.line(CONSULTATION, "1", "20.00").upload("2204").ok();
        Visit late = lateUpload(p);

        clock.setDay(LocalDate.of(2026, 10, 1));
        JsonNode breach = evaluate("2026-09-30");
        assertThat(row(breach).get("breach").asBoolean()).isTrue();
        assertThat(row(breach).get("late_records").asInt()).isEqualTo(1);
        assertThat(row(breach).get("cause").asString()).isEqualTo("1 条记录超过 24 小时");
        JsonNode suspension = breach.get("new_suspensions").get(0);
        assertThat(suspension.get("starts_on").asString()).isEqualTo("2026-10-01");
        assertThat(suspension.get("resumes_on").asString()).isEqualTo("2026-10-12");
        assertThat(suspension.get("working_days").asInt()).isEqualTo(3);

        // Settlement refused with the cause and the end; queries and uploads work.
        String refusal = open.settle("2207", "11", false).refused().errMsg();
        assertThat(refusal).contains("2026-09-30 数据上传不合规（1 条记录超过 24 小时）", "至 2026-10-12 恢复");
        his().call("1101", Map.of("data", Map.of("psn_no", p.psnNo(), "mdtrt_cert_type", "02", "mdtrt_cert_no", p.certno()))).ok();
        late.uploadSingle("2204", CONSULTATION).ok();
        assertThat(new Visit(his(), p.psnNo(), "390").register().refused().errMsg()).contains("至 2026-10-12 恢复");
        var standing = users.readOnly().get("/api/admin/institutions/" + HOSPITAL + "/agreements/standing").json();
        assertThat(standing.get("settlement_allowed").asBoolean()).isFalse();
        assertThat(standing.get("upload_suspension").get("resumes_on").asString()).isEqualTo("2026-10-12");

        clock.setDay(LocalDate.of(2026, 10, 10));
        assertThat(open.settle("2207", "11", false).refused().errMsg()).contains("至 2026-10-12 恢复");

        // Lifted by itself on the 4th working day after the breach (10-08, 10-09, 10-10 make-up day, 10-12).
        clock.setDay(LocalDate.of(2026, 10, 12));
        open.settle("2207", "11", false).ok();

        // A second breach within 12 months: 5 working days (10-21, 22, 23, 26, 27), settlement again on 10-28.
        clock.setDay(LocalDate.of(2026, 10, 20));
        Visit second = lateUpload(p);
        clock.setDay(LocalDate.of(2026, 10, 21));
        JsonNode repeat = evaluate("2026-10-20").get("new_suspensions").get(0);
        assertThat(repeat.get("working_days").asInt()).isEqualTo(5);
        assertThat(repeat.get("resumes_on").asString()).isEqualTo("2026-10-28");
        clock.setDay(LocalDate.of(2026, 10, 27));
        assertThat(second.settle("2207", "11", false).refused().errMsg()).contains("2026-10-20", "暂停结算 5 个工作日", "至 2026-10-28 恢复");
        clock.setDay(LocalDate.of(2026, 10, 28));
        second.settle("2207", "11", false).ok();

        // The institution's record: both days and both suspensions, with their causes.
        var history = users.readOnly().get("/api/admin/institutions/" + HOSPITAL + "/upload-compliance?from=2026-09-01&to=2026-10-31").json();
        assertThat(history).hasSize(2);
        var suspensions = users.readOnly().get("/api/admin/institutions/" + HOSPITAL + "/upload-compliance/suspensions").json();
        assertThat(suspensions.get(0).get("breach_day").asString()).isEqualTo("2026-10-20");
        assertThat(suspensions.get(1).get("cause").asString()).isEqualTo("1 条记录超过 24 小时");

        // The console's institution page: the daily table, the chart and the suspensions with their causes.
        var page = users.readOnly().get("/institutions/" + HOSPITAL);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"compliance-days\"", "id=\"chart-compliance\"", "compliance-chart.js",
                "2026-09-30", "2026-10-12", "2026-10-28", "1 条记录超过 24 小时");

        // The hospital sees the same in its institution portal (R-INST-5); another institution does not.
        String own = InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, HOSPITAL))
                .get("/inst-portal/compliance").body();
        assertThat(own).contains("id=\"day-2026-09-30\"", "id=\"day-2026-10-20\"", "2026-10-12", "2026-10-28", "1 条记录超过 24 小时");
        assertThat(InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, DemoCast.CENTRAL_HOSPITAL))
                .get("/inst-portal/compliance").body()).doesNotContain("2026-09-30");
    }

    /** {@code accepted} fresh 2204 messages and {@code rejected} refused ones (an unknown visit) on the clock's day. */
    private void submit(TestPersons.Registered p, int accepted, int rejected) {
        Visit v = new Visit(his(), p.psnNo(), "390");
        v.register().ok();
        for (int i = 0; i < accepted; i++) {
            v.uploadSingle("2204", CONSULTATION).ok();
        }
        Visit unknown = new Visit(his(), p.psnNo(), "390");
        unknown.mdtrtId = "NO-SUCH-VISIT";
        for (int i = 0; i < rejected; i++) {
            unknown.uploadSingle("2204", CONSULTATION).refused();
        }
    }

    @Test
    void errorRateAboveFivePercentFromTwentySubmittedIsABreach() {
        clock.setDay(LocalDate.of(2026, 12, 1));
        TestPersons.Registered p = patient();
        submit(p, 19, 1);
        clock.setDay(LocalDate.of(2026, 12, 2));
        JsonNode fivePercent = row(evaluate("2026-12-01"));
        assertThat(fivePercent.get("submitted").asInt()).isEqualTo(20);
        assertThat(fivePercent.get("rejected").asInt()).isEqualTo(1);
        assertThat(fivePercent.get("error_rate").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(fivePercent.get("breach").asBoolean()).isFalse();

        submit(p, 14, 5);
        clock.setDay(LocalDate.of(2026, 12, 3));
        JsonNode fewerThanTwenty = row(evaluate("2026-12-02"));
        assertThat(fewerThanTwenty.get("submitted").asInt()).isEqualTo(19);
        assertThat(fewerThanTwenty.get("rejected").asInt()).isEqualTo(5);
        assertThat(fewerThanTwenty.path("error_rate").isNumber()).as("no rate below 20 submitted").isFalse();
        assertThat(fewerThanTwenty.get("breach").asBoolean()).isFalse();

        submit(p, 18, 2);
        clock.setDay(LocalDate.of(2026, 12, 4));
        JsonNode evaluation = evaluate("2026-12-03");
        JsonNode tenPercent = row(evaluation);
        assertThat(tenPercent.get("error_rate").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(tenPercent.get("breach").asBoolean()).isTrue();
        assertThat(tenPercent.get("cause").asString()).isEqualTo("差错率 10%（2/20）超过 5%");
        assertThat(evaluation.get("new_suspensions")).hasSize(1);

        // Idempotent: the day again (for every institution, then for this one) changes nothing.
        long days = jdbc.sql("select count(*) from upload_compliance_day").query(Long.class).single();
        long suspensions = jdbc.sql("select count(*) from upload_compliance_suspension").query(Long.class).single();
        var all = users.admin().post("/api/admin/upload-compliance/evaluate?day=2026-12-03", Map.of());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("new_suspensions")).isEmpty();
        JsonNode again = evaluate("2026-12-03");
        assertThat(again.get("new_suspensions")).isEmpty();
        assertThat(row(again)).isEqualTo(tenPercent);
        assertThat(jdbc.sql("select count(*) from upload_compliance_day").query(Long.class).single()).isEqualTo(days);
        assertThat(jdbc.sql("select count(*) from upload_compliance_suspension").query(Long.class).single()).isEqualTo(suspensions);
    }

    @Test
    void onlyAdministratorsRunTheEvaluationAndOnlyForADayThatHasEnded() {
        clock.setDay(LocalDate.of(2026, 12, 15));
        String path = "/api/admin/upload-compliance/evaluate?day=2026-12-14&fixmedins_code=" + HOSPITAL;
        assertThat(users.readOnly().post(path, Map.of()).status()).isEqualTo(403);
        assertThat(users.clerk().post(path, Map.of()).status()).isEqualTo(403);
        assertThat(users.auditor().post(path, Map.of()).status()).isEqualTo(403);
        assertThat(users.clerk().post("/upload-compliance/evaluate?day=2026-12-14", Map.of()).status()).isEqualTo(403);
        var form = users.readOnly().get("/agreements");
        assertThat(form.body()).contains("id=\"upload-compliance\"").doesNotContain("id=\"compliance-form\"");
        assertThat(users.admin().get("/agreements").body()).contains("id=\"compliance-form\"");
        assertThat(users.admin().post("/upload-compliance/evaluate?day=2026-12-14", Map.of()).status()).isIn(200, 302, 303);
        assertThat(users.readOnly().get("/api/admin/institutions/" + HOSPITAL + "/upload-compliance").status()).isEqualTo(200);
        assertThat(users.admin().post("/api/admin/upload-compliance/evaluate?day=2026-12-15", Map.of()).status()).isEqualTo(409);
        assertThat(users.admin().post(path, Map.of()).status()).isEqualTo(200);
    }
}
