package org.yibao.server.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.LaterYears;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * A changed knowledge base re-runs what it changed, in 2037 (used by no other clock test) at the central
 * hospital H99010000002, which gets an agreement for 2037 here. Two outpatient visits, each with two CT
 * scans on one day (the shipped limit is 3 a day), are settled through the national interface and the run
 * finds no frequency warning. An administrator lowers the CT limit to 1 through the API: the next run
 * re-evaluates the frequency rule over the settlements already analysed and finds both. An auditor takes one
 * into a case. A local rule added to rules.tsv finds the visits too; one of its warnings goes into the case;
 * removing its row withdraws its other warning at once, the one in the case stays. Restoring the CT limit
 * and running again withdraws the frequency warning no longer found, with the reason; the one in the case
 * stays. Every table is restored afterwards (the knowledge base is shared by every test).
 */
@ClockControlledTest
class KnowledgeBaseChangeStoryTest {

    static final String BASE = KnowledgeBaseApiTest.BASE;
    static final String TSV = KnowledgeBaseApiTest.TSV;
    static final String CT = KnowledgeBaseApiTest.CT;
    static final String HOSPITAL = DemoCast.CENTRAL_HOSPITAL;
    static final String LOCAL_RULE = "LK2037";

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    /** Whatever happens, the files end as shipped (an upload identical to the one in force is refused, 409). */
    @AfterEach
    void restore() {
        for (String file : List.of("frequency.tsv", "rules.tsv")) {
            String shipped = users.admin().get(BASE + "/" + file + "?version=0").body();
            users.admin().send("PUT", BASE + "/" + file + "?reason=" + KnowledgeBaseApiTest.enc("测试结束，恢复"), shipped, TSV);
        }
    }

    /** An outpatient visit today with two CT scans, settled by 2207; its mdtrt_id. */
    private String twoScans(TestPersons.Registered p) {
        Visit v = new Visit(fsi.as(HOSPITAL), p.psnNo(), "390");
        v.register().ok();
        v.line(CT, "2", "200.00").upload("2204").ok();
        v.settle("2207", "11", false).ok();
        return v.mdtrtId;
    }

    private JsonNode run(String from, String to) {
        var r = users.auditor().post("/api/admin/supervision/runs", Map.of("admdvs", "990100", "from", from, "to", to));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("state").asString()).isEqualTo("FINISHED");
        return r.json();
    }

    /** The warnings of a rule about the given visits, by visit. */
    private Map<String, JsonNode> warnings(String rule, List<String> visits) {
        var r = users.readOnly().get("/api/admin/supervision/warnings?rule=" + rule + "&institution=" + HOSPITAL + "&month=2037-03");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        r.json().forEach(w -> {
            if (visits.contains(w.get("mdtrt_id").asString())) {
                out.put(w.get("mdtrt_id").asString(), users.readOnly().get("/api/admin/supervision/warnings/" + w.get("id").asLong()).json());
            }
        });
        return out;
    }

    private JsonNode put(String file, String text, String reason) {
        var r = users.admin().send("PUT", BASE + "/" + file + "?reason=" + KnowledgeBaseApiTest.enc(reason), text, TSV);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void aLoweredLimitFindsOldSettlementsARestoredOneWithdrawsThemAndARemovedRuleWithdrawsItsOpenWarnings() {
        clock.setDay(LocalDate.of(2037, 1, 2));
        LaterYears.agreement(users, HOSPITAL, 2037);
        LaterYears.policy(users, "990100", 2037);
        clock.setDay(LocalDate.of(2037, 3, 1));
        TestPersons persons = new TestPersons(users, jdbc);
        TestPersons.Registered wang = persons.resident("知识库甲", LocalDate.of(1970, 5, 6));
        TestPersons.Registered li = persons.resident("知识库乙", LocalDate.of(1972, 7, 8));
        clock.setDay(LocalDate.of(2037, 3, 10));
        String first = twoScans(wang);
        clock.setDay(LocalDate.of(2037, 3, 20));
        String second = twoScans(li);
        List<String> visits = List.of(first, second);

        clock.setDay(LocalDate.of(2037, 4, 2));
        run("2037-03-01", "2037-03-31");
        assertThat(warnings("GZ0203", visits)).isEmpty();

        // An administrator lowers the CT limit from 3 to 1 a day: the frequency rule changed, the others did not.
        String shipped = users.admin().get(BASE + "/frequency.tsv").body();
        JsonNode lowered = put("frequency.tsv", shipped.replace(CT + "\t3\t", CT + "\t1\t"), "CT 平扫每日限 1 次");
        assertThat(texts(lowered.get("rules_changed"))).containsExactly("GZ0203");
        int loweredVersion = lowered.get("kb_version").asInt();
        assertThat(lowered.get("file").get("version").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(lowered.get("file").get("updated_by").asString()).isNotEqualTo("system");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'supervision_knowledge' and entity_key = 'frequency.tsv' "
                + "and after_state ->> 'kb_version' = ?").param(String.valueOf(loweredVersion)).query(Long.class).single()).isEqualTo(1);
        JsonNode overview = users.readOnly().get(BASE).json();
        assertThat(overview.get("kb_version").asInt()).isEqualTo(loweredVersion);
        assertThat(users.readOnly().get(BASE + "/frequency.tsv").body()).contains(CT + "\t1\t");
        assertThat(users.readOnly().get(BASE + "/frequency.tsv/versions").json().get(0).get("reason").asString()).isEqualTo("CT 平扫每日限 1 次");
        // The board tells the rule will be re-run.
        assertThat(users.readOnly().get(BASE).json().get("stale_rules").get("990100").toString()).contains("GZ0203");
        assertThat(users.auditor().get("/supervision/warnings").body()).contains("规则已变更，下次运行将重新审核", "id=\"stale-990100\"");

        // The next run — of a day with nothing new settled — re-evaluates the changed rule over the settlements analysed before.
        JsonNode rerun = run("2037-04-01", "2037-04-01");
        assertThat(rerun.get("settlements_total").asInt()).isGreaterThanOrEqualTo(2);
        Map<String, JsonNode> found = warnings("GZ0203", visits);
        assertThat(found.keySet()).containsExactlyInAnyOrder(first, second);
        found.values().forEach(w -> assertThat(w.get("state").asString()).isEqualTo("OPEN"));
        assertThat(found.get(first).get("amount").decimalValue()).isEqualByComparingTo("200.00");
        // No longer stale for the region: a run again finds nothing new and analyses nothing.
        JsonNode quiet = run("2037-04-01", "2037-04-01");
        assertThat(quiet.get("settlements_total").asInt()).isZero();
        assertThat(users.readOnly().get(BASE).json().get("stale_rules").has("990100")).isFalse();
        assertThat(users.auditor().get("/supervision/warnings").body()).doesNotContain("id=\"stale-990100\"");
        assertThat(users.readOnly().get("/supervision/knowledge").body()).contains("GZ0203", "frequency.tsv", "CT 平扫每日限 1 次");

        // A local rule (the same evaluator) added to rules.tsv finds both visits too at the next run.
        String rules = users.admin().get(BASE + "/rules.tsv").body();
        JsonNode added = put("rules.tsv", rules + LOCAL_RULE + "\tFREQUENCY\t本地超频次\tLocal frequency\tSUSPECT\tPOST\t*\t1\t\n", "试行本地规则");
        assertThat(texts(added.get("rules_added"))).containsExactly(LOCAL_RULE);
        run("2037-04-01", "2037-04-01");
        Map<String, JsonNode> local = warnings(LOCAL_RULE, visits);
        assertThat(local.keySet()).containsExactlyInAnyOrder(first, second);

        // An auditor takes the first visit's warnings of both rules into a case.
        var opened = users.auditor().post("/api/admin/supervision/cases", Map.of("warning_ids",
                List.of(found.get(first).get("id").asLong(), local.get(first).get("id").asLong()), "reason", "CT 重复收费核查"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);

        // Removing the local rule's row withdraws its open warning at once; the one in the case stays.
        JsonNode removed = put("rules.tsv", rules, "停用本地规则");
        assertThat(texts(removed.get("rules_removed"))).containsExactly(LOCAL_RULE);
        local = warnings(LOCAL_RULE, visits);
        assertThat(local.get(first).get("state").asString()).isEqualTo("IN_CASE");
        assertThat(local.get(second).get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(local.get(second).get("withdrawn_reason").asString())
                .isEqualTo("rule removed in knowledge base version " + removed.get("kb_version").asInt());
        assertThat(users.readOnly().get(BASE).json().toString()).doesNotContain(LOCAL_RULE);

        // Restoring the CT limit: the next run withdraws the frequency warning no longer found, with the reason; the one in the case stays.
        JsonNode restored = put("frequency.tsv", shipped, "恢复 CT 平扫每日 3 次");
        assertThat(texts(restored.get("rules_changed"))).containsExactly("GZ0203");
        run("2037-04-01", "2037-04-01");
        found = warnings("GZ0203", visits);
        assertThat(found.get(first).get("state").asString()).isEqualTo("IN_CASE");
        assertThat(found.get(second).get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(found.get(second).get("withdrawn_reason").asString())
                .isEqualTo("no longer found under knowledge base version " + restored.get("kb_version").asInt());
        // The versions are kept: the lowered one can still be read.
        assertThat(users.readOnly().get(BASE + "/frequency.tsv?version=" + lowered.get("file").get("version").asInt()).body())
                .contains(CT + "\t1\t");
    }
}
