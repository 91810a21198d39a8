package org.yibao.server.institution;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.region.RefData.assertRefused;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.region.RefData;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-INST-1 and R-INST-4 through the admin API: every allowed and refused transition of the agreement,
 * expiry by date, renewal, who may change what, the audit trail, and bad input changing nothing.
 * Each test registers its own hospital.
 */
@IntegrationTest
class AgreementApiTest {

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void region() {
        RefData.ensureRegion(users.admin());
    }

    private String hospital() {
        String code = "H96" + RefData.digits(9);
        var created = users.admin().post("/api/admin/institutions", new HashMap<>(Map.of("fixmedins_code", code, "name", "协议测试医院" + code,
                "admdvs", RefData.REGION, "level", 2, "kind", "HOSPITAL", "validFrom", "2024-01-01")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return code;
    }

    /** A 409 problem naming the field and the rule (a transition the state does not allow). */
    private static void assertConflict(ApiClient.Response reply, String field, String rule) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(reply.json().get("errors").get(0).get("rule").asString()).isEqualTo(rule);
    }

    private static String base(String code) {
        return "/api/admin/institutions/" + code;
    }

    private ApiClient.Response post(ApiClient who, String path, Map<String, Object> body) {
        return who.post(path, body);
    }

    private JsonNode standing(String code, String day) {
        return users.readOnly().get(base(code) + "/agreements/standing?day=" + day).json();
    }

    private long count(String table, String code) {
        return jdbc.sql("select count(*) from " + table + " where fixmedins_code = ?").param(code).query(Long.class).single();
    }

    private long audited(String code) {
        return jdbc.sql("select count(*) from audit_log where entity_type in ('agreement', 'sanction') and entity_key like ?")
                .param(code + "/%").query(Long.class).single();
    }

    @Test
    void anAgreementGoesFromAppliedToActiveIsRenewedAndTerminatedAndRefusesEveryOtherTransition() {
        String code = hospital();
        JsonNode none = standing(code, "2026-03-01");
        assertThat(none.get("settlement_allowed").asBoolean()).isFalse();
        assertThat(none.get("refusal").asString()).contains("没有医保服务协议");

        var applied = post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2026-01-01", "reason", "新定点申请"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.json().get("id").asLong();
        assertThat(applied.json().get("end_date").asString()).isEqualTo("2026-12-31");
        assertThat(standing(code, "2026-03-01").get("state").asString()).isEqualTo("APPLIED");
        assertThat(standing(code, "2026-03-01").get("refusal").asString()).contains("尚在申请中");
        // Renewing or activating twice is refused; an overlapping application too.
        assertConflict(post(users.admin(), base(code) + "/agreements/" + id + "/renew", Map.of()), "state", "invalid_transition");
        assertThat(post(users.admin(), base(code) + "/agreements/" + id + "/activate", Map.of("reason", "审核通过")).status()).isEqualTo(200);
        assertConflict(post(users.admin(), base(code) + "/agreements/" + id + "/activate", Map.of()), "state", "invalid_transition");
        assertConflict(post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2026-06-01")), "start_date", "overlap");
        assertThat(standing(code, "2026-03-01").get("state").asString()).isEqualTo("ACTIVE");
        assertThat(standing(code, "2026-03-01").get("settlement_allowed").asBoolean()).isTrue();

        // Expiry by date alone: the last day is active, the next expired, naming the end.
        assertThat(standing(code, "2026-12-31").get("state").asString()).isEqualTo("ACTIVE");
        JsonNode expired = standing(code, "2027-01-01");
        assertThat(expired.get("state").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("refusal").asString()).contains("已于 2026-12-31 到期");

        // Renewal: a one-year agreement following the old; only once.
        var renewed = post(users.admin(), base(code) + "/agreements/" + id + "/renew", Map.of("reason", "年度续签"));
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        assertThat(renewed.json().get("start_date").asString()).isEqualTo("2027-01-01");
        assertThat(renewed.json().get("end_date").asString()).isEqualTo("2027-12-31");
        assertThat(renewed.json().get("renews_id").asLong()).isEqualTo(id);
        assertConflict(post(users.admin(), base(code) + "/agreements/" + id + "/renew", Map.of()), "id", "already_renewed");
        assertThat(standing(code, "2027-01-01").get("state").asString()).isEqualTo("ACTIVE");

        // Termination: a reason is required and the day cannot be in the future; nothing changes when refused.
        assertRefused(post(users.admin(), base(code) + "/agreements/" + id + "/terminate", Map.of()), "reason", "required");
        assertRefused(post(users.admin(), base(code) + "/agreements/" + id + "/terminate",
                Map.of("reason", "x", "date", LocalDate.now(BusinessTime.ZONE).plusDays(3).toString())), "date", "not_future");
        assertThat(standing(code, LocalDate.now(BusinessTime.ZONE).toString()).get("state").asString()).isEqualTo("ACTIVE");
        var terminated = post(users.admin(), base(code) + "/agreements/" + id + "/terminate", Map.of("reason", "机构主动退出"));
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        JsonNode after = standing(code, LocalDate.now(BusinessTime.ZONE).toString());
        assertThat(after.get("state").asString()).isEqualTo("TERMINATED");
        assertThat(after.get("refusal").asString()).contains("已于 " + LocalDate.now(BusinessTime.ZONE) + " 解除");
        assertThat(standing(code, "2027-06-01").get("state").asString()).as("the renewal fell with it").isEqualTo("TERMINATED");
        for (String action : List.of("activate", "renew", "terminate")) {
            assertConflict(post(users.admin(), base(code) + "/agreements/" + id + "/" + action, Map.of("reason", "再试")),
                    "state", "invalid_transition");
        }

        JsonNode history = users.auditor().get(base(code) + "/agreements").json().get("history");
        assertThat(history).extracting(e -> e.get("action").asString())
                .containsExactly("APPLY", "ACTIVATE", "RENEW", "TERMINATE", "TERMINATE");
        assertThat(history.get(3).get("reason").asString()).isEqualTo("机构主动退出");
        assertThat(history.get(3).get("recorded_by").asString()).isEqualTo("admin");
        assertThat(audited(code)).isEqualTo(5);
    }

    @Test
    void anApplicationWhosePeriodHasPassedCannotBeActivatedAndAnAppliedOneCanBeTerminated() {
        String code = hospital();
        long old = post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2024-03-01")).json().get("id").asLong();
        assertConflict(post(users.admin(), base(code) + "/agreements/" + old + "/activate", Map.of()), "state", "invalid_transition");
        assertThat(standing(code, "2025-03-01").get("state").asString()).isEqualTo("EXPIRED");
        long next = post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2026-01-01")).json().get("id").asLong();
        var withdrawn = post(users.admin(), base(code) + "/agreements/" + next + "/terminate", Map.of("reason", "申请撤回"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertConflict(post(users.admin(), base(code) + "/agreements/" + next + "/activate", Map.of()), "state", "invalid_transition");
    }

    @Test
    void onlyAdministratorsChangeAgreementsAndSanctions() {
        String code = hospital();
        long id = post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2026-01-01")).json().get("id").asLong();
        Map<String, Object> sanction = Map.of("kind", "RECTIFICATION", "end_date", LocalDate.now(BusinessTime.ZONE).plusDays(30).toString(),
                "reason", "病历不规范", "evidence", "检查记录");
        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly(), users.anonymous())) {
            assertThat(post(who, base(code) + "/agreements", Map.of("start_date", "2028-01-01")).status()).isIn(401, 403);
            assertThat(post(who, base(code) + "/agreements/" + id + "/activate", Map.of()).status()).isIn(401, 403);
            assertThat(post(who, base(code) + "/agreements/" + id + "/terminate", Map.of("reason", "x")).status()).isIn(401, 403);
            assertThat(post(who, base(code) + "/sanctions", sanction).status()).isIn(401, 403);
        }
        assertThat(users.readOnly().get(base(code) + "/agreements").status()).isEqualTo(200);
        assertThat(users.auditor().get(base(code) + "/sanctions").status()).isEqualTo(200);
        assertThat(count("agreement", code)).isEqualTo(1);
        assertThat(jdbc.sql("select status from agreement where id = ?").param(id).query(String.class).single()).isEqualTo("APPLIED");
        assertThat(count("sanction", code)).isZero();

        assertThat(post(users.admin(), base(code) + "/agreements/" + id + "/activate", Map.of()).status()).isEqualTo(200);
        var decided = post(users.admin(), base(code) + "/sanctions", sanction);
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        assertThat(decided.json().get("decided_by").asString()).isEqualTo("admin");
        assertThat(audited(code)).isEqualTo(3);
        assertThat(standing(code, LocalDate.now(BusinessTime.ZONE).toString()).get("state").asString()).isEqualTo("RECTIFICATION");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String code = hospital();
        Map<String, Object> good = new HashMap<>(Map.of("kind", "SUSPENSION", "start_date", LocalDate.now(BusinessTime.ZONE).toString(),
                "end_date", LocalDate.now(BusinessTime.ZONE).plusDays(10).toString(), "reason", "数据上传不及时", "evidence", "日志"));
        assertThat(post(users.admin(), base("H96UNKNOWN0000") + "/agreements", Map.of()).status()).isEqualTo(404);
        assertThat(post(users.admin(), base("H96UNKNOWN0000") + "/sanctions", good).status()).isEqualTo(404);
        assertConflict(post(users.admin(), base(code) + "/sanctions", good), "start_date", "no_agreement");
        long id = post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2026-01-01")).json().get("id").asLong();
        assertConflict(post(users.admin(), base(code) + "/sanctions", good), "state", "invalid_transition");
        post(users.admin(), base(code) + "/agreements/" + id + "/activate", Map.of());

        Map<String, Object> noReason = new HashMap<>(good);
        noReason.remove("reason");
        assertRefused(post(users.admin(), base(code) + "/sanctions", noReason), "reason", "required");
        Map<String, Object> noEvidence = new HashMap<>(good);
        noEvidence.put("evidence", " ");
        assertRefused(post(users.admin(), base(code) + "/sanctions", noEvidence), "evidence", "required");
        Map<String, Object> backwards = new HashMap<>(good);
        backwards.put("end_date", LocalDate.now(BusinessTime.ZONE).minusDays(1).toString());
        assertRefused(post(users.admin(), base(code) + "/sanctions", backwards), "end_date", "before_start");
        Map<String, Object> kind = new HashMap<>(good);
        kind.put("kind", "FINE");
        assertRefused(post(users.admin(), base(code) + "/sanctions", kind), "kind", "enum");
        Map<String, Object> future = new HashMap<>(good);
        future.put("decision_date", LocalDate.now(BusinessTime.ZONE).plusDays(1).toString());
        assertRefused(post(users.admin(), base(code) + "/sanctions", future), "decision_date", "not_future");
        Map<String, Object> deadline = new HashMap<>(Map.of("kind", "RECTIFICATION", "end_date", LocalDate.now(BusinessTime.ZONE).toString(),
                "reason", "r", "evidence", "e"));
        assertRefused(post(users.admin(), base(code) + "/sanctions", deadline), "end_date", "after_decision");
        Map<String, Object> termination = new HashMap<>(Map.of("kind", "TERMINATION", "end_date", "2026-12-31", "reason", "r", "evidence", "e"));
        assertRefused(post(users.admin(), base(code) + "/sanctions", termination), "end_date", "absent");

        assertThat(count("sanction", code)).isZero();
        assertThat(standing(code, LocalDate.now(BusinessTime.ZONE).toString()).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(users.readOnly().get(base(code) + "/agreements").json().get("history")).hasSize(2);
    }

    @Test
    void liftingASanctionIsForAdministratorsWithAReasonFromTodayAndIsAudited() {
        String code = hospital();
        long agreement = post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2026-01-01")).json().get("id").asLong();
        post(users.admin(), base(code) + "/agreements/" + agreement + "/activate", Map.of());
        String today = LocalDate.now(BusinessTime.ZONE).toString();
        long id = post(users.admin(), base(code) + "/sanctions", Map.of("kind", "SUSPENSION", "start_date", today,
                "end_date", LocalDate.now(BusinessTime.ZONE).plusDays(10).toString(), "reason", "串换药品", "evidence", "稽核报告")).json().get("id").asLong();
        String lift = base(code) + "/sanctions/" + id + "/lift";
        long auditedBefore = audited(code);

        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly(), users.anonymous())) {
            assertThat(post(who, lift, Map.of("reason", "整改到位")).status()).isIn(401, 403);
        }
        assertRefused(post(users.admin(), lift, Map.of()), "reason", "required");
        assertRefused(post(users.admin(), lift, Map.of("reason", "补录", "lifted_from", LocalDate.now(BusinessTime.ZONE).minusDays(1).toString())),
                "lifted_from", "not_past");
        assertConflict(post(users.admin(), lift, Map.of("reason", "太晚", "lifted_from", LocalDate.now(BusinessTime.ZONE).plusDays(11).toString())),
                "lifted_from", "after_end");
        assertThat(post(users.admin(), base(code) + "/sanctions/999999999/lift", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select lifted_from is null from sanction where id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(audited(code)).isEqualTo(auditedBefore);
        assertThat(standing(code, today).get("state").asString()).isEqualTo("SUSPENDED");

        var lifted = post(users.admin(), lift, Map.of("reason", "整改到位，提前恢复"));
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.json().get("lifted_from").asString()).isEqualTo(today);
        assertThat(lifted.json().get("lifted_by").asString()).isEqualTo("admin");
        assertThat(lifted.json().get("end_date").asString()).as("the decided period stays as decided")
                .isEqualTo(LocalDate.now(BusinessTime.ZONE).plusDays(10).toString());
        assertThat(standing(code, today).get("state").asString()).isEqualTo("ACTIVE");
        assertThat(audited(code)).isEqualTo(auditedBefore + 1);
        JsonNode history = users.auditor().get(base(code) + "/agreements").json().get("history");
        assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("LIFT");
        assertThat(history.get(history.size() - 1).get("to_state").asString()).isEqualTo("ACTIVE");
        assertConflict(post(users.admin(), lift, Map.of("reason", "再次")), "lifted_from", "already_lifted");

        long termination = post(users.admin(), base(code) + "/sanctions", Map.of("kind", "TERMINATION", "reason", "骗保",
                "evidence", "判决书")).json().get("id").asLong();
        assertConflict(post(users.admin(), base(code) + "/sanctions/" + termination + "/lift", Map.of("reason", "撤销")),
                "kind", "not_liftable");
        assertThat(standing(code, today).get("state").asString()).isEqualTo("TERMINATED");
    }

    @Test
    void aPeriodWhoseRenewalFellWithATerminationCanBeAppliedForAgain() {
        String code = hospital();
        long first = post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2026-01-01")).json().get("id").asLong();
        post(users.admin(), base(code) + "/agreements/" + first + "/activate", Map.of());
        var renewed = post(users.admin(), base(code) + "/agreements/" + first + "/renew", Map.of());
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        var terminated = post(users.admin(), base(code) + "/agreements/" + first + "/terminate", Map.of("reason", "严重违规"));
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        assertThat(standing(code, "2027-03-01").get("state").asString()).isEqualTo("TERMINATED");

        // The 2027 renewal never came into force: the institution may apply for 2027 again.
        var again = post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2027-01-01", "reason", "重新申请"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(post(users.admin(), base(code) + "/agreements/" + again.json().get("id").asLong() + "/activate", Map.of()).status())
                .isEqualTo(200);
        assertThat(standing(code, "2027-03-01").get("state").asString()).isEqualTo("ACTIVE");
        // The same period twice while in force is still refused, naming the rule.
        assertConflict(post(users.admin(), base(code) + "/agreements", Map.of("start_date", "2027-01-01")), "start_date", "overlap");
    }
}
