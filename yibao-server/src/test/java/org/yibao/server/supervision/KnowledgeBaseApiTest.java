package org.yibao.server.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base in force through the admin API: who may read and change it, and changes that are
 * refused — a malformed table (its file, line and reason; nothing changes and the rules find what they
 * found), an unknown file, a missing reason, an upload identical to the one in force. Successful changes
 * are told by {@code KnowledgeBaseChangeStoryTest}, which owns 2037 and restores what it changes.
 */
@IntegrationTest
class KnowledgeBaseApiTest {

    static final String BASE = "/api/admin/supervision/knowledge";
    static final String TSV = "text/tab-separated-values";
    static final String CT = "002101000010000";

    @Autowired
    TestUsers users;
    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    /** The rule ids 3101 answers for an outpatient visit at the central hospital with {@code cts} CT scans today. */
    private List<String> precheckRules(int cts) {
        FsiClient his = fsi.as(DemoCast.CENTRAL_HOSPITAL);
        LocalDate today = his.now().toLocalDate();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("rx_id", "1");
        order.put("hilist_code", CT);
        order.put("hilist_name", "X线计算机体层(CT)平扫");
        order.put("cnt", String.valueOf(cts));
        order.put("pric", "200");
        order.put("sumamt", (200 * cts) + ".00");
        order.put("drord_begn_date", today + " 08:00:00");
        Map<String, Object> encounter = new LinkedHashMap<>();
        encounter.put("mdtrt_id", "KB-" + System.nanoTime());
        encounter.put("medins_id", DemoCast.CENTRAL_HOSPITAL);
        encounter.put("med_type", "11");
        encounter.put("adm_date", today.toString());
        encounter.put("fsi_diagnose_dtos", List.of(Map.of("dise_codg", "J18.900", "maindise_flag", "1", "dise_name", "肺炎")));
        encounter.put("fsi_order_dtos", List.of(order));
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("patn_id", "KBTEST" + System.nanoTime());
        patient.put("patn_name", "测试");
        patient.put("gend", "2");
        patient.put("brdy", "1981-03-15");
        patient.put("curr_mdtrt_id", encounter.get("mdtrt_id"));
        patient.put("fsi_encounter_dtos", List.of(encounter));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("syscode", "HIS");
        data.put("task_id", "T-KB");
        data.put("trig_scen", "2");
        data.put("patient_dtos", List.of(patient));
        List<String> ids = new ArrayList<>();
        his.call("3101", Map.of("data", data)).ok().output().get("result").forEach(r -> ids.add(r.get("rule_id").asString()));
        return ids;
    }

    @Test
    void staffWhoSuperviseReadTheRulesAndTablesInForceWithTheirVersions() {
        for (ApiClient who : List.of(users.admin(), users.auditor(), users.readOnly())) {
            var r = who.get(BASE);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode files = r.json().get("files");
            assertThat(files).hasSize(6);
            List<String> names = new ArrayList<>();
            files.forEach(f -> names.add(f.get("file").asString()));
            assertThat(names).contains("rules.tsv", "frequency.tsv", "item_sets.tsv");
            JsonNode frequencyRule = null;
            for (JsonNode rule : r.json().get("rules")) {
                if (rule.get("id").asString().equals("GZ0203")) {
                    frequencyRule = rule;
                }
            }
            assertThat(frequencyRule).isNotNull();
            assertThat(frequencyRule.get("evaluator").asString()).isEqualTo("FREQUENCY");
            assertThat(frequencyRule.get("name_zh").asString()).isEqualTo("超频次收费");
            assertThat(frequencyRule.get("tables_read").get(0).asString()).isEqualTo("frequency.tsv");
        }
        var text = users.auditor().get(BASE + "/frequency.tsv");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).startsWith(TSV);
        assertThat(text.body()).contains("code\tmax_per_day\tmax_per_visit\tname", CT + "\t");
        var shipped = users.readOnly().get(BASE + "/frequency.tsv?version=0");
        assertThat(shipped.body()).contains(CT + "\t3\t");
        var versions = users.readOnly().get(BASE + "/frequency.tsv/versions");
        assertThat(versions.status()).isEqualTo(200);
        JsonNode oldest = versions.json().get(versions.json().size() - 1);
        assertThat(oldest.get("version").asInt()).isZero();
        assertThat(oldest.get("reason").asString()).isEqualTo("shipped with the engine");
        // Clerks settle and pay; they do not read the supervision rules.
        assertThat(users.clerk().get(BASE).status()).isEqualTo(403);
        assertThat(users.readOnly().get(BASE + "/no_such.tsv").status()).isEqualTo(404);
        assertThat(users.readOnly().get(BASE + "/frequency.tsv?version=999").status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsChangeTheKnowledgeBase() {
        String text = users.admin().get(BASE + "/frequency.tsv").body();
        String lowered = text.replace(CT + "\t3\t", CT + "\t1\t");
        for (ApiClient who : List.of(users.clerk(), users.auditor(), users.readOnly())) {
            assertThat(who.send("PUT", BASE + "/frequency.tsv?reason=x", lowered, TSV).status()).isEqualTo(403);
        }
        assertThat(users.admin().get(BASE + "/frequency.tsv").body()).isEqualTo(text);
    }

    @Test
    void aMalformedTableIsRefusedWithItsLineAndReasonAndTheRulesStillFindWhatTheyFound() {
        assertThat(precheckRules(4)).contains("GZ0203");
        JsonNode before = users.admin().get(BASE).json();
        long audited = jdbc.sql("select count(*) from audit_log where entity_type = 'supervision_knowledge'").query(Long.class).single();
        String text = users.admin().get(BASE + "/frequency.tsv").body();
        int line = (int) text.lines().count() + 1;
        var refused = users.admin().send("PUT", BASE + "/frequency.tsv?reason=" + enc("加一行"), text + CT + "X\tmany\t\t坏行\n", TSV);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("frequency.tsv:" + line, "max_per_day must be a whole number, got many");
        // A rule naming an item set that does not exist: rules.tsv, its line.
        String rules = users.admin().get(BASE + "/rules.tsv").body();
        var unknownSet = users.admin().send("PUT", BASE + "/rules.tsv?reason=" + enc("新规则"),
                rules + "LX01\tBED_ONLY_DAYS\t挂床\tHanging\tSUSPECT\tPOST\t*\t3\titems=no_set;min_days=3\n", TSV);
        assertThat(unknownSet.status()).as(unknownSet.body()).isEqualTo(400);
        assertThat(unknownSet.body()).contains("rules.tsv:" + (rules.lines().count() + 1), "item set no_set is not in item_sets.tsv");
        // Nothing changed: the same versions, no audit entry, and 3101 still finds the frequency over the limit.
        assertThat(users.admin().get(BASE).json().get("files")).isEqualTo(before.get("files"));
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'supervision_knowledge'").query(Long.class).single())
                .isEqualTo(audited);
        assertThat(precheckRules(4)).contains("GZ0203");
        assertThat(precheckRules(3)).doesNotContain("GZ0203");
    }

    @Test
    void anUnknownFileAMissingReasonOrAnUnchangedUploadChangeNothing() {
        String text = users.admin().get(BASE + "/frequency.tsv").body();
        var unknown = users.admin().send("PUT", BASE + "/drugs.tsv?reason=x", text, TSV);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        var noReason = users.admin().send("PUT", BASE + "/frequency.tsv", text.replace(CT + "\t3\t", CT + "\t2\t"), TSV);
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var same = users.admin().send("PUT", BASE + "/frequency.tsv?reason=" + enc("再传一次"), text, TSV);
        assertThat(same.status()).as(same.body()).isEqualTo(409);
        assertThat(same.body()).contains("already in force", "nothing changed");
        assertThat(users.admin().get(BASE + "/frequency.tsv").body()).isEqualTo(text);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
