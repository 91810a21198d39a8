package org.yibao.server.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.calendar.WorkingCalendar;
import org.yibao.server.insured.PortalCredentials;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Complaints (R-CMP) over real HTTP: hotline intake by a clerk, the states with who and when, the
 * audit trail; bad input refused with the field and nothing changed; read-only roles read but do not
 * write; a person files in the portal, sees the reply, and never sees another person's complaint.
 */
@IntegrationTest
class ComplaintApiTest {

    static final String EAST_CENTRE = "H99010000003";
    static final String PORTAL_PASSWORD = "complaint-test-1";

    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    PortalCredentials portalCredentials;

    static Map<String, Object> hotline(String text) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("channel", "HOTLINE");
        b.put("complainant_name", "赵先生");
        b.put("complainant_phone", "13800001234");
        b.put("subject_kind", "INSTITUTION");
        b.put("subject_code", EAST_CENTRE);
        b.put("category", "FEES");
        b.put("text", text);
        return b;
    }

    @Test
    void aHotlineComplaintGoesThroughItsStatesWithWhoAndWhenAndIsAudited() {
        ApiClient clerk = users.clerk();
        ApiClient.Response made = clerk.post("/api/admin/complaints", hotline("门诊收取了未使用的检查费"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode c = made.json();
        long id = c.get("id").asLong();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(c.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(c.get("subject_name").asString()).isEqualTo("示范市城东社区卫生服务中心");
        assertThat(c.get("received_date").asString()).isEqualTo(today.toString());
        assertThat(c.get("due_date").asString()).isEqualTo(calendar.addWorkingDays(today, 15).toString());
        assertThat(c.get("overdue").asBoolean()).isFalse();

        assertThat(clerk.post("/api/admin/complaints/" + id + "/assign", Map.of("assignee", "clerk1")).json().get("state").asString())
                .isEqualTo("ASSIGNED");
        assertThat(clerk.post("/api/admin/complaints/" + id + "/investigate", Map.of("note", "调取收费明细")).json().get("state").asString())
                .isEqualTo("INVESTIGATING");
        assertThat(clerk.post("/api/admin/complaints/" + id + "/supervision-case", Map.of("supervision_case_id", "JG-2026-0001"))
                .json().get("supervision_case_id").asString()).isEqualTo("JG-2026-0001");
        ApiClient.Response answered = clerk.post("/api/admin/complaints/" + id + "/answer", Map.of("reply", "经核实，已责令退还检查费 120 元。"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("state").asString()).isEqualTo("ANSWERED");
        assertThat(answered.json().get("answered_by").asString()).isEqualTo("clerk1");

        JsonNode detail = users.readOnly().get("/api/admin/complaints/" + id).json();
        JsonNode transitions = detail.get("transitions");
        assertThat(transitions).hasSize(5);
        assertThat(transitions.get(0).has("from_state")).as("the intake comes from no state").isFalse();
        assertThat(transitions.get(0).get("to_state").asString()).isEqualTo("RECEIVED");
        assertThat(transitions.get(1).get("note").asString()).isEqualTo("分派给 clerk1");
        assertThat(transitions.get(2).get("note").asString()).isEqualTo("调取收费明细");
        assertThat(transitions.get(4).get("to_state").asString()).isEqualTo("ANSWERED");
        for (JsonNode t : transitions) {
            assertThat(t.get("actor").asString()).isEqualTo("clerk1");
            assertThat(t.has("occurred_at")).isTrue();
        }
        assertThat(audits(id)).containsExactly("CREATE", "UPDATE", "UPDATE", "UPDATE", "CLOSE");

        ApiClient.Response list = users.auditor().get("/api/admin/complaints?state=ANSWERED&size=200");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":" + id + ",");
    }

    @Test
    void badInputIsRefusedClearlyAndNothingChanges() {
        ApiClient clerk = users.clerk();
        long open = clerk.post("/api/admin/complaints", hotline("候诊时间过长")).json().get("id").asLong();
        String before = snapshot();

        Map<String, Object> noText = hotline("  ");
        ApiClient.Response r = clerk.post("/api/admin/complaints", noText);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(r.body()).contains("请填写投诉内容");

        Map<String, Object> unknown = hotline("收费问题");
        unknown.put("subject_code", "H00000000000");
        r = clerk.post("/api/admin/complaints", unknown);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("subject_code");
        assertThat(r.body()).contains("没有编码为 H00000000000 的定点机构");

        Map<String, Object> category = hotline("收费问题");
        category.put("category", "NOISE");
        assertThat(clerk.post("/api/admin/complaints", category).body()).contains("category").contains("NOISE");

        Map<String, Object> portalChannel = hotline("收费问题");
        portalChannel.put("channel", "PORTAL");
        assertThat(clerk.post("/api/admin/complaints", portalChannel).status()).as("staff do not file as the portal").isEqualTo(400);

        Map<String, Object> future = hotline("收费问题");
        future.put("received_on", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString());
        assertThat(clerk.post("/api/admin/complaints", future).body()).contains("received_on");

        ApiClient.Response notAssigned = clerk.post("/api/admin/complaints/" + open + "/answer", Map.of("reply", "已处理"));
        assertThat(notAssigned.status()).isEqualTo(409);
        assertThat(notAssigned.body()).contains("当前状态为 RECEIVED").contains("请先分派经办人");
        ApiClient.Response investigate = clerk.post("/api/admin/complaints/" + open + "/investigate", Map.of());
        assertThat(investigate.status()).isEqualTo(409);
        assertThat(clerk.post("/api/admin/complaints/" + open + "/escalate", Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(clerk.post("/api/admin/complaints/" + open + "/supervision-case", Map.of("supervision_case_id", "含空格 的编号")).status())
                .isEqualTo(400);
        assertThat(clerk.post("/api/admin/complaints/99999999/assign", Map.of("assignee", "clerk1")).status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);

        clerk.post("/api/admin/complaints/" + open + "/assign", Map.of("assignee", "clerk1"));
        clerk.post("/api/admin/complaints/" + open + "/answer", Map.of("reply", "已协调医院增开诊室。"));
        String closed = snapshot();
        ApiClient.Response again = clerk.post("/api/admin/complaints/" + open + "/answer", Map.of("reply", "再次答复"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("已于").contains("答复办结，不能再次答复");
        assertThat(clerk.post("/api/admin/complaints/" + open + "/escalate", Map.of("reason", "复查")).status()).isEqualTo(409);
        assertThat(snapshot()).isEqualTo(closed);
    }

    @Test
    void readOnlyRolesReadButDoNotWrite() {
        long id = users.clerk().post("/api/admin/complaints", hotline("态度恶劣")).json().get("id").asLong();
        String before = snapshot();
        assertThat(users.readOnly().post("/api/admin/complaints", hotline("只读用户登记")).status()).isEqualTo(403);
        assertThat(users.readOnly().post("/api/admin/complaints/" + id + "/assign", Map.of("assignee", "viewer1")).status()).isEqualTo(403);
        assertThat(users.auditor().post("/api/admin/complaints/escalate-overdue", Map.of()).status()).isEqualTo(403);
        assertThat(users.anonymous().get("/api/admin/complaints").status()).isEqualTo(401);
        assertThat(users.readOnly().get("/api/admin/complaints/" + id).status()).isEqualTo(200);
        assertThat(users.readOnly().get("/api/admin/complaints?overdue=true").status()).isEqualTo(200);
        assertThat(snapshot()).isEqualTo(before);

        PortalSession viewer = new PortalSession(users.port());
        assertThat(viewer.consoleLogin("viewer1", TestUsers.PASSWORD).status()).isEqualTo(302);
        PortalSession.Page page = viewer.get("/complaints/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("态度恶劣").doesNotContain("id=\"complaint-actions\"");
        assertThat(viewer.get("/complaints").body()).contains("data-chart=\"complaintsByStateAndAge\"").doesNotContain("id=\"complaint-form\"");
        assertThat(viewer.post("/complaints/" + id, "/complaints/" + id + "/assign", Map.of("assignee", "viewer1")).status()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPersonFilesInThePortalSeesTheReplyAndNeverAnotherPersonsComplaint() {
        TestPersons persons = new TestPersons(users, jdbc);
        TestPersons.Registered alice = persons.resident("投诉甲", LocalDate.of(1980, 5, 1));
        TestPersons.Registered bob = persons.resident("投诉乙", LocalDate.of(1975, 3, 2));
        portalCredentials.setPassword(alice.psnNo(), PORTAL_PASSWORD);
        portalCredentials.setPassword(bob.psnNo(), PORTAL_PASSWORD);
        PortalSession a = signedIn(alice);
        PortalSession b = signedIn(bob);

        // Bad input in the portal: shown again with the reason, nothing stored.
        PortalSession.Page refused = a.post("/portal/complaints", "/portal/complaints",
                Map.of("subject_kind", "INSTITUTION", "subject_code", "H00000000000", "category", "FEES", "text", "乱收费"));
        assertThat(refused.location()).endsWith("/portal/complaints");
        assertThat(a.get("/portal/complaints").body()).contains("没有编码为 H00000000000 的定点机构");
        assertThat(count(alice.psnNo())).isZero();

        PortalSession.Page filed = a.post("/portal/complaints", "/portal/complaints",
                Map.of("subject_kind", "INSTITUTION", "subject_code", EAST_CENTRE.toLowerCase(), "category", "SERVICE", "text", "医生态度冷淡"));
        assertThat(filed.status()).isEqualTo(302);
        Matcher m = Pattern.compile("/portal/complaints/(\\d+)$").matcher(filed.location());
        assertThat(m.find()).as(filed.location()).isTrue();
        long id = Long.parseLong(m.group(1));
        assertThat(a.get("/portal/complaints/" + id).body()).contains("医生态度冷淡").contains("已受理").contains("id=\"filed\"");

        JsonNode c = users.clerk().get("/api/admin/complaints/" + id).json().get("complaint");
        assertThat(c.get("channel").asString()).isEqualTo("PORTAL");
        assertThat(c.get("complainant_psn_no").asString()).isEqualTo(alice.psnNo());
        assertThat(c.get("complainant_name").asString()).isEqualTo("投诉甲");
        assertThat(auditActors(id)).containsExactly(alice.psnNo());

        // Another person: 404 like a complaint that does not exist, and not in their list.
        PortalSession.Page foreign = b.get("/portal/complaints/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("医生态度冷淡");
        assertThat(b.get("/portal/complaints").body()).doesNotContain("医生态度冷淡");
        assertThat(b.get("/portal/complaints/99999999").status()).isEqualTo(404);

        users.clerk().post("/api/admin/complaints/" + id + "/assign", Map.of("assignee", "clerk1"));
        users.clerk().post("/api/admin/complaints/" + id + "/answer", Map.of("reply", "已约谈该医生并要求整改。"));
        assertThat(a.get("/portal/complaints").body()).contains("已约谈该医生并要求整改。");
        assertThat(a.get("/portal/complaints/" + id).body()).contains("id=\"complaint-reply\"").contains("已约谈该医生并要求整改。")
                .contains("已答复");
        assertThat(a.get("/portal/complaints?lang=en").body()).contains("My complaints").contains("File a complaint").doesNotContain("??");
        // A person cannot reach the staff API or console at all.
        assertThat(a.get("/complaints/" + id).status()).isEqualTo(302);
    }

    @Test
    void aClerkEntersAHotlineComplaintInTheConsoleAndSeesRefusalsOnThePage() {
        PortalSession clerk = new PortalSession(users.port());
        users.clerk();
        assertThat(clerk.consoleLogin("clerk1", TestUsers.PASSWORD).status()).isEqualTo(302);
        String before = snapshot();
        Map<String, String> form = new LinkedHashMap<>(Map.of("channel", "HOTLINE", "complainant_name", "孙先生",
                "subject_kind", "INSTITUTION", "subject_code", EAST_CENTRE, "category", "FEES", "text", ""));
        PortalSession.Page refused = clerk.post("/complaints", "/complaints", form);
        assertThat(refused.location()).contains("/complaints");
        assertThat(clerk.get("/complaints").body()).contains("id=\"complaint-errors\"").contains("请填写投诉内容").contains("孙先生");
        assertThat(snapshot()).isEqualTo(before);

        form.put("text", "药品价格高于挂网价");
        PortalSession.Page entered = clerk.post("/complaints", "/complaints", form);
        Matcher m = Pattern.compile("/complaints/(\\d+)$").matcher(entered.location());
        assertThat(m.find()).as(entered.location()).isTrue();
        long id = Long.parseLong(m.group(1));
        assertThat(clerk.get("/complaints/" + id).body()).contains("药品价格高于挂网价").contains("12393 热线").contains("id=\"assign-submit\"");
        // An answer before assignment is refused on the page; nothing changes.
        String entered1 = snapshot();
        clerk.post("/complaints/" + id, "/complaints/" + id + "/answer", Map.of("reply", "已处理"));
        assertThat(clerk.get("/complaints/" + id).body()).contains("请先分派经办人");
        assertThat(snapshot()).isEqualTo(entered1);
        assertThat(clerk.get("/complaints?state=RECEIVED&overdue=false").body()).contains("id=\"complaint-row-" + id + "\"");
        assertThat(clerk.get("/complaints?overdue=true").body()).doesNotContain("id=\"complaint-row-" + id + "\"");
        // The English console has every label.
        String english = clerk.get("/complaints/" + id + "?lang=en").body();
        assertThat(english).contains("Complaint " + id).contains("12393 hotline").doesNotContain("??");
        assertThat(clerk.get("/complaints?lang=en").body()).contains("Overdue only").doesNotContain("??");
        clerk.get("/complaints?lang=zh");
    }

    private PortalSession signedIn(TestPersons.Registered person) {
        PortalSession s = new PortalSession(users.port());
        PortalSession.Page login = s.portalLogin(person.certno(), PORTAL_PASSWORD);
        assertThat(login.location()).as("portal sign-in").endsWith("/portal");
        return s;
    }

    private long count(String psnNo) {
        return jdbc.sql("select count(*) from complaint where complainant_psn_no = ?").param(psnNo).query(Long.class).single();
    }

    private java.util.List<String> audits(long id) {
        return jdbc.sql("select action from audit_log where entity_type = 'complaint' and entity_key = ? and actor = 'clerk1' order by id")
                .param(String.valueOf(id)).query(String.class).list();
    }

    private java.util.List<String> auditActors(long id) {
        return jdbc.sql("select actor from audit_log where entity_type = 'complaint' and entity_key = ? order by id")
                .param(String.valueOf(id)).query(String.class).list();
    }

    /** Every complaint row, transition and complaint audit row: equal before and after a refusal. */
    private String snapshot() {
        return jdbc.sql("""
                select (select count(*) || ':' || coalesce(sum(hashtext(c::text)), 0) from complaint c) || '/'
                    || (select count(*) from complaint_transition) || '/'
                    || (select count(*) from audit_log where entity_type = 'complaint')""").query(String.class).single();
    }
}
