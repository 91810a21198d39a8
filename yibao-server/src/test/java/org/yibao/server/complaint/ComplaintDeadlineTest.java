package org.yibao.server.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.insured.PortalCredentials;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-CMP's 15 working days on the official calendar, with the platform's clock moved by the test
 * (2026 only; each test sets the clock first and depends on no other test): a complaint filed on the
 * Friday before the 2026 Spring Festival is due 2026-03-12, is left alone by the job that day and
 * escalated by it the day after; one answered in time is never escalated.
 */
@ClockControlledTest
class ComplaintDeadlineTest {

    static final String PASSWORD = "deadline-test-1";

    @Autowired
    TestClock clock;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PortalCredentials portalCredentials;

    @Test
    void aComplaintFiledBeforeSpringFestivalIsDueTwelveMarchAndEscalatedWhenOverdue() {
        clock.setDay(LocalDate.parse("2026-02-13"));
        TestPersons.Registered person = new TestPersons(users, jdbc).resident("逾期甲", LocalDate.of(1970, 8, 8));
        portalCredentials.setPassword(person.psnNo(), PASSWORD);
        PortalSession portal = new PortalSession(users.port());
        assertThat(portal.portalLogin(person.certno(), PASSWORD).location()).endsWith("/portal");
        PortalSession.Page filed = portal.post("/portal/complaints", "/portal/complaints",
                Map.of("subject_kind", "PERSON", "subject_name", "某药店店员", "category", "FRAUD", "text", "药店用医保卡刷生活用品"));
        Matcher m = Pattern.compile("/portal/complaints/(\\d+)$").matcher(filed.location());
        assertThat(m.find()).as(filed.location()).isTrue();
        long id = Long.parseLong(m.group(1));
        ApiClient clerk = users.clerk();
        JsonNode c = complaint(id);
        assertThat(c.get("received_date").asString()).isEqualTo("2026-02-13");
        assertThat(c.get("due_date").asString()).isEqualTo("2026-03-12");
        assertThat(portal.get("/portal/complaints/" + id).body()).contains("2026-03-12");

        // On the due day it is not overdue yet.
        clock.setDay(LocalDate.parse("2026-03-12"));
        assertThat(runJob(clerk)).doesNotContain(id);
        assertThat(complaint(id).get("state").asString()).isEqualTo("RECEIVED");
        assertThat(complaint(id).get("overdue").asBoolean()).isFalse();

        // The day after: overdue, listed, and escalated by the job as the platform.
        clock.setDay(LocalDate.parse("2026-03-13"));
        assertThat(complaint(id).get("overdue").asBoolean()).isTrue();
        assertThat(clerk.get("/api/admin/complaints/overdue").body()).contains("\"id\":" + id + ",");
        assertThat(clerk.get("/api/admin/complaints?overdue=true&size=200").body()).contains("\"id\":" + id + ",");
        assertThat(runJob(clerk)).contains(id);
        JsonNode escalated = complaint(id);
        assertThat(escalated.get("state").asString()).isEqualTo("ESCALATED");
        assertThat(escalated.get("escalation_reason").asString()).isEqualTo("逾期未答复");
        JsonNode last = lastTransition(id);
        assertThat(last.get("from_state").asString()).isEqualTo("RECEIVED");
        assertThat(last.get("to_state").asString()).isEqualTo("ESCALATED");
        assertThat(last.get("actor").asString()).isEqualTo("system");
        assertThat(last.get("occurred_at").asString()).startsWith("2026-03-13");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'complaint' and entity_key = ? and action = 'ESCALATE' and actor = 'system'")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        // A second run leaves it as it is.
        assertThat(runJob(clerk)).doesNotContain(id);
        assertThat(portal.get("/portal/complaints/" + id).body()).contains("处理中（已转上级）");

        // The escalated complaint is still answered, and the person reads the reply.
        clock.setDay(LocalDate.parse("2026-03-16"));
        clerk.post("/api/admin/complaints/" + id + "/assign", Map.of("assignee", "clerk1", "note", "上级督办"));
        assertThat(clerk.post("/api/admin/complaints/" + id + "/answer", Map.of("reply", "已移交稽核，药店已被约谈。")).status()).isEqualTo(200);
        assertThat(portal.get("/portal/complaints/" + id).body()).contains("已移交稽核，药店已被约谈。");
        assertThat(complaint(id).get("overdue").asBoolean()).isFalse();
    }

    @Test
    void aComplaintAnsweredInTimeIsNeverEscalated() {
        clock.setDay(LocalDate.parse("2026-09-30"));
        ApiClient clerk = users.clerk();
        ApiClient.Response made = clerk.post("/api/admin/complaints", Map.of("channel", "HOTLINE", "complainant_name", "钱女士",
                "subject_kind", "INSTITUTION", "subject_code", "H99010000001", "category", "BENEFITS", "text", "住院报销比例与政策不符"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        // 10-08, 10-09, 10-10 (make-up Saturday), 10-12 … 10-27: fifteen working days after National Day.
        assertThat(made.json().get("due_date").asString()).isEqualTo("2026-10-27");

        clock.setDay(LocalDate.parse("2026-10-20"));
        clerk.post("/api/admin/complaints/" + id + "/assign", Map.of("assignee", "clerk1"));
        clerk.post("/api/admin/complaints/" + id + "/answer", Map.of("reply", "经复核，报销比例符合 2026 年政策。"));

        clock.setDay(LocalDate.parse("2026-10-28"));
        assertThat(runJob(clerk)).doesNotContain(id);
        JsonNode c = complaint(id);
        assertThat(c.get("state").asString()).isEqualTo("ANSWERED");
        assertThat(c.get("overdue").asBoolean()).isFalse();
        assertThat(clerk.get("/api/admin/complaints/overdue").body()).doesNotContain("\"id\":" + id + ",");
    }

    /** Runs the overdue job on demand; the ids it escalated. */
    private static java.util.List<Long> runJob(ApiClient clerk) {
        ApiClient.Response r = clerk.post("/api/admin/complaints/escalate-overdue", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        r.json().get("escalated").forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    private JsonNode complaint(long id) {
        return users.readOnly().get("/api/admin/complaints/" + id).json().get("complaint");
    }

    private JsonNode lastTransition(long id) {
        JsonNode t = users.readOnly().get("/api/admin/complaints/" + id).json().get("transitions");
        return t.get(t.size() - 1);
    }
}
