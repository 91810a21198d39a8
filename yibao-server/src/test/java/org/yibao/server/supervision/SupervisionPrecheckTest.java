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
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * 3101/3102 conformance through the real interface (R-SUP-1, NATIONAL_INTERFACE §3): the shape of
 * {@code result[]}, severities, the stage and scene selecting the rules, an empty result when clean,
 * a stored stay found by the time-window rule, and bad input refused naming the field.
 */
@IntegrationTest
class SupervisionPrecheckTest {

    private static final String BED = "001103000010000";
    private static final String WARD_CONSULTATION = "001102000010000";
    private static final String CEFUROXIME = "XJ01DCT013B002010101003";

    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private static Map<String, Object> order(String rxId, String code, String name, String cnt, String pric, String sumamt, LocalDate day) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("rx_id", rxId);
        o.put("hilist_code", code);
        o.put("hilist_name", name);
        o.put("cnt", cnt);
        o.put("pric", pric);
        o.put("sumamt", sumamt);
        o.put("drord_begn_date", day + " 08:00:00");
        return o;
    }

    private static Map<String, Object> encounter(String mdtrtId, String medins, String medType, LocalDate adm, List<Map<String, Object>> orders) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("mdtrt_id", mdtrtId);
        e.put("medins_id", medins);
        e.put("med_type", medType);
        e.put("adm_date", adm.toString());
        e.put("fsi_diagnose_dtos", List.of(Map.of("dise_codg", "J18.900", "maindise_flag", "1", "dise_name", "肺炎")));
        e.put("fsi_order_dtos", orders);
        return e;
    }

    private static Map<String, Object> input(String scene, String patnId, String gend, String brdy, Map<String, Object> encounter) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("patn_id", patnId);
        patient.put("patn_name", "测试");
        patient.put("gend", gend);
        patient.put("brdy", brdy);
        patient.put("curr_mdtrt_id", encounter.get("mdtrt_id"));
        patient.put("fsi_encounter_dtos", List.of(encounter));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("syscode", "HIS");
        data.put("task_id", "T-" + scene);
        data.put("trig_scen", scene);
        data.put("patient_dtos", List.of(patient));
        return new LinkedHashMap<>(Map.of("data", data));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> input) {
        return (Map<String, Object>) input.get("data");
    }

    private static JsonNode result(FsiClient.Reply reply) {
        return reply.ok().output().get("result");
    }

    /** A three-day stay at the Chengdong community centre (level 1): a level-2 antibiotic and three bed-only days. */
    private Map<String, Object> communityStay(FsiClient his, String scene) {
        LocalDate adm = his.now().toLocalDate().minusDays(3);
        List<Map<String, Object>> orders = new ArrayList<>();
        orders.add(order("RX-A", CEFUROXIME, "注射用头孢呋辛钠", "2", "15.600000", "31.20", adm));
        for (int i = 0; i < 3; i++) {
            LocalDate d = adm.plusDays(i + 1);
            orders.add(order("RX-B" + i, BED, "床位费", "1", "60", "60.00", d));
            orders.add(order("RX-C" + i, WARD_CONSULTATION, "住院诊查费", "1", "30", "30.00", d));
        }
        return input(scene, "SUPTEST" + System.nanoTime(), "1", "1958-06-20", encounter("SUP-" + System.nanoTime(), DemoCast.EAST_COMMUNITY_CENTRE,
                "21", adm, orders));
    }

    @Test
    void aCleanOutpatientVisitGetsAnEmptyResult() {
        FsiClient his = fsi.as(DemoCast.CENTRAL_HOSPITAL);
        LocalDate today = his.now().toLocalDate();
        Map<String, Object> in = input("2", "SUPTEST" + System.nanoTime(), "2", "1981-03-15", encounter("SUP-CLEAN", DemoCast.CENTRAL_HOSPITAL,
                "11", today, List.of(order("1", "001101000010000", "普通门诊诊查费", "1", "20", "20.00", today),
                        order("2", CEFUROXIME, "注射用头孢呋辛钠", "2", "15.6", "31.20", today))));
        for (String infno : List.of("3101", "3102")) {
            FsiClient.Reply reply = his.call(infno, in);
            assertThat(result(reply).isArray()).isTrue();
            assertThat(result(reply)).isEmpty();
            assertThat(reply.json().get("err_msg").isNull()).isTrue();
        }
    }

    @Test
    void findingsCarryEveryFieldWithTheirSeverityAndEvidence() {
        FsiClient his = fsi.as(DemoCast.EAST_COMMUNITY_CENTRE);
        Map<String, Object> in = communityStay(his, "4");
        FsiClient.Reply reply = his.call("3102", in);
        JsonNode result = result(reply);
        assertThat(result).hasSize(2);
        // Money keeps its two decimals on the wire (NATIONAL_INTERFACE §3 "money 16,2").
        assertThat(reply.text()).contains("\"vola_amt\":31.20,", "\"vola_amt\":270.00,", "\"vola_amt\":60.00}");
        JsonNode level = result.get(0);
        assertThat(level.get("rule_id").asString()).isEqualTo("GZ0103");
        assertThat(level.get("rule_name").asString()).isEqualTo("限医疗机构级别项目");
        assertThat(level.get("sev_deg").asString()).isEqualTo("1");
        assertThat(level.get("vola_cont").asString()).contains("注射用头孢呋辛钠", "限二级及以上医疗机构", "本机构为一级");
        assertThat(level.get("vola_amt").decimalValue()).isEqualByComparingTo("31.20");
        assertThat(level.get("vola_amt_stas").asString()).isEqualTo("1");
        assertThat(level.get("patn_id").asString()).startsWith("SUPTEST");
        assertThat(level.get("mdtrt_id").asString()).startsWith("SUP-");
        assertThat(level.get("task_id").asString()).isEqualTo("T-4");
        assertThat(level.get("vola_bhvr_type").asString()).isEqualTo("2");
        assertThat(level.get("vola_evid").asString()).contains("RX-A");
        assertThat(level.get("jr_id").asString()).startsWith(DemoCast.EAST_COMMUNITY_CENTRE).endsWith("0001");
        JsonNode detail = level.get("judge_result_detail_dtos").get(0);
        assertThat(detail.get("rx_id").asString()).isEqualTo("RX-A");
        assertThat(detail.get("vola_item_type").asString()).isEqualTo("1");
        assertThat(detail.get("jrd_id").asString()).startsWith(level.get("jr_id").asString());
        assertThat(detail.get("vola_amt").decimalValue()).isEqualByComparingTo("31.20");

        JsonNode hanging = result.get(1);
        assertThat(hanging.get("rule_id").asString()).isEqualTo("GZ0204");
        assertThat(hanging.get("sev_deg").asString()).isEqualTo("2");
        assertThat(hanging.get("vola_amt").decimalValue()).isEqualByComparingTo("270.00");
        assertThat(hanging.get("judge_result_detail_dtos")).hasSize(6);
        assertThat(hanging.get("vola_cont").asString()).contains("连续 3 天", "挂床");
    }

    @Test
    void theStageAndTheRuleIdsChooseTheRules() {
        FsiClient his = fsi.as(DemoCast.EAST_COMMUNITY_CENTRE);
        // Hanging bed is a 事中/事后 rule: the 事前 check (3101) of the same stay finds only the level rule.
        JsonNode pre = result(his.call("3101", communityStay(his, "4")));
        assertThat(pre).extracting(r -> r.get("rule_id").asString()).containsExactly("GZ0103");
        // 住院登记 (scene 3) is not a scene of the hanging-bed rule.
        assertThat(result(his.call("3102", communityStay(his, "3")))).extracting(r -> r.get("rule_id").asString())
                .containsExactly("GZ0103");
        Map<String, Object> only = communityStay(his, "4");
        data(only).put("rule_ids", List.of("GZ0204"));
        assertThat(result(his.call("3102", only))).extracting(r -> r.get("rule_id").asString()).containsExactly("GZ0204");
    }

    @Test
    void aReadmissionFourteenDaysAfterAStoredStayIsSplitAndSixteenDaysIsNot() {
        TestPersons.Registered p = new TestPersons(users, jdbc).resident("分解住院测试", LocalDate.of(1970, 4, 2));
        FsiClient his = fsi.as(DemoCast.CENTRAL_HOSPITAL);
        Visit stay = new Visit(his, p.psnNo(), "390");
        stay.admit("21", "J18.900").ok();
        stay.discharge().ok();
        LocalDate discharged = his.now().toLocalDate();
        for (int days : List.of(14, 16)) {
            Map<String, Object> in = input("3", p.psnNo(), "1", "1970-04-02", encounter("SUP-READMIT-" + days,
                    DemoCast.CENTRAL_HOSPITAL, "21", discharged.plusDays(days), List.of()));
            JsonNode result = result(his.call("3101", in));
            if (days == 14) {
                assertThat(result).singleElement().satisfies(r -> {
                    assertThat(r.get("rule_id").asString()).isEqualTo("GZ0301");
                    assertThat(r.get("sev_deg").asString()).isEqualTo("2");
                    assertThat(r.get("vola_cont").asString()).contains("14 天后", stay.mdtrtId);
                    assertThat(r.get("judge_result_detail_dtos").get(0).get("mdtrt_id").asString()).isEqualTo(stay.mdtrtId);
                    assertThat(r.get("judge_result_detail_dtos").get(0).get("vola_item_type").asString()).isEqualTo("2");
                });
            } else {
                assertThat(result).isEmpty();
            }
        }
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingRuns() {
        FsiClient his = fsi.as(DemoCast.EAST_COMMUNITY_CENTRE);
        Map<String, Object> noScene = communityStay(his, "4");
        data(noScene).remove("trig_scen");
        assertThat(his.call("3102", noScene).refused().errMsg()).contains("data.trig_scen", "必填");

        Map<String, Object> badScene = communityStay(his, "11");
        assertThat(his.call("3102", badScene).refused().errMsg()).contains("data.trig_scen", "11");

        Map<String, Object> noPatients = communityStay(his, "4");
        data(noPatients).remove("patient_dtos");
        assertThat(his.call("3101", noPatients).refused().errMsg()).contains("data.patient_dtos", "必填");

        Map<String, Object> unknownRule = communityStay(his, "4");
        data(unknownRule).put("rule_ids", List.of("GZ0101", "GZ9999"));
        assertThat(his.call("3101", unknownRule).refused().errMsg()).contains("data.rule_ids[1]", "GZ9999", "不存在", "GZ0204");

        Map<String, Object> noCode = communityStay(his, "4");
        firstOrders(noCode).get(1).remove("hilist_code");
        assertThat(his.call("3102", noCode).refused().errMsg())
                .contains("data.patient_dtos[0].fsi_encounter_dtos[0].fsi_order_dtos[1].hilist_code", "必填");

        Map<String, Object> badCount = communityStay(his, "4");
        firstOrders(badCount).get(0).put("cnt", "two");
        assertThat(his.call("3102", badCount).refused().errMsg()).contains("fsi_order_dtos[0].cnt", "应为数值");

        Map<String, Object> otherInstitution = communityStay(his, "4");
        firstEncounter(otherInstitution).put("medins_id", DemoCast.CENTRAL_HOSPITAL);
        assertThat(his.call("3102", otherInstitution).refused().errMsg()).contains("medins_id", "只能分析本机构");

        Map<String, Object> missingCurrent = communityStay(his, "4");
        firstPatient(missingCurrent).put("curr_mdtrt_id", "NOPE");
        assertThat(his.call("3102", missingCurrent).refused().errMsg()).contains("curr_mdtrt_id", "NOPE");

        Map<String, Object> badDate = communityStay(his, "4");
        firstEncounter(badDate).put("adm_date", "2026-02-30");
        assertThat(his.call("3102", badDate).refused().errMsg()).contains("adm_date", "yyyy-MM-dd");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstPatient(Map<String, Object> in) {
        return ((List<Map<String, Object>>) data(in).get("patient_dtos")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstEncounter(Map<String, Object> in) {
        return ((List<Map<String, Object>>) firstPatient(in).get("fsi_encounter_dtos")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> firstOrders(Map<String, Object> in) {
        return (List<Map<String, Object>>) firstEncounter(in).get("fsi_order_dtos");
    }
}
