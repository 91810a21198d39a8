package org.yibao.server.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionPortalLogins;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.LaterYears;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-SUP-2…6 through the real interfaces in 2035 (used by no other clock test), at the central
 * hospital H99010000002, which gets agreements for 2035 here: a split hospitalisation (readmission 5
 * days after discharge) is found by the run after settlement, once; an auditor opens a case,
 * the inspection confirms 2,000 yuan, the decision fines 3× (a multiple outside 3–8× refused), posts the
 * recovery to the fund and the fine to the treasury payable in balance, the next clearing statement
 * withholds both, and the hospital sees the warning and the sanction in its portal. A person who used
 * another's credential has benefits suspended for 3 months and settlement is refused with the end
 * date. Clerks and read-only users cannot open or decide cases; institutions see only their own warnings.
 */
@ClockControlledTest
class SupervisionCaseStoryTest {

    static final String HOSPITAL = DemoCast.CENTRAL_HOSPITAL;
    static final String OTHER = DemoCast.FIRST_PEOPLES_HOSPITAL;
    static final String CEFUROXIME = "XJ01DCT013B002010101003";
    static final String CONSULTATION = "001101000010000";

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    YibaoProperties properties;

    /** A stay admitted 5 days ago, discharged now and settled by 2304; its mdtrt_id. */
    private String stay(TestPersons.Registered p, String diagnosis) {
        Visit v = new Visit(fsi.as(HOSPITAL), p.psnNo(), "390");
        v.admit("21", diagnosis).ok();
        v.line(CEFUROXIME, "10", "55.00").upload("2301").ok();
        v.discharge().ok();
        v.settle("2304", "21", false).ok();
        return v.mdtrtId;
    }

    private JsonNode run(ApiClient who, String from, String to) {
        var r = who.post("/api/admin/supervision/runs", Map.of("admdvs", "990100", "from", from, "to", to));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("state").asString()).isEqualTo("FINISHED");
        return r.json();
    }

    private List<JsonNode> warnings(String query) {
        var r = users.readOnly().get("/api/admin/supervision/warnings?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    private BigDecimal postingSum(long posting) {
        return jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(posting).query(BigDecimal.class).single();
    }

    private BigDecimal entry(long posting, String account, String sub) {
        return jdbc.sql("select amount from ledger_entry where posting_id = ? and account = ? and sub_account = ?")
                .params(posting, account, sub).query(BigDecimal.class).single();
    }

    @Test
    void aSplitHospitalisationIsFoundThenCaseInspectionFineRecoveryAndTheHospitalSeesIt() {
        clock.setDay(LocalDate.of(2035, 1, 2));
        LaterYears.agreement(users, HOSPITAL, 2035);
        LaterYears.policy(users, "990100", 2035);
        clock.setDay(LocalDate.of(2035, 3, 1));
        TestPersons.Registered p = new TestPersons(users, jdbc).resident("分解住院患者", LocalDate.of(1961, 4, 5));
        clock.setDay(LocalDate.of(2035, 3, 10));
        String first = stay(p, "K35.800");
        // Admitted again 5 days after the discharge of 2035-03-10 (admission 2035-03-15).
        clock.setDay(LocalDate.of(2035, 3, 20));
        String second = stay(p, "J18.900");

        clock.setDay(LocalDate.of(2035, 4, 2));
        // Bad input changes nothing and says what to do; clerks do not start runs.
        var bad = users.auditor().post("/api/admin/supervision/runs", Map.of("admdvs", "990100", "from", "2035-03-31", "to", "2035-03-01"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\"to\"", "before it begins");
        assertThat(users.clerk().post("/api/admin/supervision/runs", Map.of("admdvs", "990100", "from", "2035-03-01", "to", "2035-03-31"))
                .status()).isEqualTo(403);

        JsonNode firstRun = run(users.auditor(), "2035-03-01", "2035-03-31");
        assertThat(firstRun.get("settlements_total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(firstRun.get("settlements_done").asInt()).isEqualTo(firstRun.get("settlements_total").asInt());
        List<JsonNode> found = warnings("rule=GZ0301&institution=" + HOSPITAL + "&month=2035-03");
        assertThat(found).hasSize(1);
        JsonNode w = found.get(0);
        assertThat(w.get("psn_no").asString()).isEqualTo(p.psnNo());
        assertThat(w.get("mdtrt_id").asString()).isEqualTo(second);
        assertThat(w.get("state").asString()).isEqualTo("OPEN");
        long warningId = w.get("id").asLong();
        // R-SUP-6: the warning names both stays and the settlement of the second.
        JsonNode detail = users.readOnly().get("/api/admin/supervision/warnings/" + warningId).json();
        List<String> visits = new ArrayList<>();
        detail.get("evidence").forEach(e -> visits.add(e.get("mdtrt_id").asString()));
        assertThat(visits).contains(first, second);
        String secondSetl = jdbc.sql("select setl_id from settlement where mdtrt_id = ?").param(second).query(String.class).single();
        assertThat(detail.get("setl_id").asString()).isEqualTo(secondSetl);
        assertThat(detail.get("amount").decimalValue()).isEqualByComparingTo("550.00");

        // Incremental: the same period again analyses nothing and finds nothing twice.
        JsonNode again = run(users.admin(), "2035-03-01", "2035-03-31");
        assertThat(again.get("settlements_total").asInt()).isZero();
        assertThat(again.get("warnings_found").asInt()).isZero();
        assertThat(warnings("rule=GZ0301&institution=" + HOSPITAL)).hasSize(1);
        // The board's totals by rule count it.
        JsonNode summary = users.readOnly().get("/api/admin/supervision/warnings/summary?institution=" + HOSPITAL + "&month=2035-03").json();
        boolean byRule = false;
        for (JsonNode t : summary.get("by_rule")) {
            byRule |= t.get("key").asString().equals("GZ0301") && t.get("count").asLong() == 1;
        }
        assertThat(byRule).isTrue();

        // The institution risk view: both stays of 5 days, every fee a drug, the warning counted; a bad quarter is refused.
        JsonNode row = null;
        for (JsonNode r : users.readOnly().get("/api/admin/supervision/indicators?admdvs=990100&quarter=2035Q1").json()) {
            if (r.get("fixmedins_code").asString().equals(HOSPITAL)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("stays").asLong()).isEqualTo(2);
        assertThat(row.get("average_stay").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(row.get("drug_share").decimalValue()).isEqualByComparingTo("1");
        assertThat(row.get("medfee").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(row.get("warnings").asLong()).isGreaterThanOrEqualTo(1);
        var badQuarter = users.readOnly().get("/api/admin/supervision/indicators?admdvs=990100&quarter=2035Q5");
        assertThat(badQuarter.status()).isEqualTo(400);
        assertThat(badQuarter.body()).contains("quarter", "2035Q1");
        assertThat(users.readOnly().get("/supervision/risk?quarter=2035Q1").body()).contains("risk-" + HOSPITAL, "机构风险");

        // Only auditors open cases.
        Map<String, Object> opening = Map.of("warning_ids", List.of(warningId), "reason", "出院 5 天后再次入院，疑似分解住院，立案核查");
        for (ApiClient who : List.of(users.clerk(), users.readOnly())) {
            assertThat(who.post("/api/admin/supervision/cases", opening).status()).isEqualTo(403);
        }
        var opened = users.auditor().post("/api/admin/supervision/cases", opening);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long caseId = opened.json().get("id").asLong();
        assertThat(opened.json().get("fixmedins_code").asString()).isEqualTo(HOSPITAL);
        assertThat(opened.json().get("opened_by").asString()).isEqualTo("auditor1");
        assertThat(users.readOnly().get("/api/admin/supervision/warnings/" + warningId).json().get("state").asString()).isEqualTo("IN_CASE");
        var twice = users.auditor().post("/api/admin/supervision/cases", opening);
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.body()).contains("warning_ids", "not OPEN");

        clock.setDay(LocalDate.of(2035, 4, 5));
        String caseUrl = "/api/admin/supervision/cases/" + caseId;
        var inspected = users.auditor().post(caseUrl + "/inspection", Map.of("inspected_on", "2035-04-05",
                "findings", "病历显示两次住院为同一疾病诊疗过程，分解为两次结算", "confirmed_amount", "2000.00"));
        assertThat(inspected.status()).as(inspected.body()).isEqualTo(200);
        assertThat(inspected.json().get("state").asString()).isEqualTo("INSPECTED");
        assertThat(inspected.json().get("confirmed_amount").decimalValue()).isEqualByComparingTo("2000.00");

        // A fine outside 3–8× is refused with the range, and nothing is decided or posted.
        Map<String, Object> decision = new LinkedHashMap<>(Map.of("violation", "SPLIT_OR_HANGING_BED", "fine_multiple", "9",
                "measure", "RECTIFICATION", "months", 1, "reason", "分解住院，约谈整改并处罚款"));
        var outside = users.auditor().post(caseUrl + "/decision", decision);
        assertThat(outside.status()).as(outside.body()).isEqualTo(400);
        assertThat(outside.body()).contains("fine_multiple", "3–8×");
        decision.put("fine_multiple", "3");
        assertThat(users.clerk().post(caseUrl + "/decision", decision).status()).isEqualTo(403);
        assertThat(users.readOnly().get(caseUrl).json().get("state").asString()).isEqualTo("INSPECTED");
        assertThat(jdbc.sql("select count(*) from ledger_posting where source_type = 'SUPERVISION_CASE' and source_id like ?")
                .param(caseId + "/%").query(Long.class).single()).isZero();

        var decided = users.auditor().post(caseUrl + "/decision", decision);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode k = decided.json();
        assertThat(k.get("state").asString()).isEqualTo("DECIDED");
        assertThat(k.get("decided_by").asString()).isEqualTo("auditor1");
        assertThat(k.get("recovery_amount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(k.get("fine_amount").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(k.get("sanction_id").isNull()).isFalse();
        long recovery = 0;
        long fine = 0;
        for (JsonNode posting : k.get("postings")) {
            if (posting.get("kind").asString().equals("RECOVERY")) {
                recovery = posting.get("ledger_posting_id").asLong();
            } else {
                fine = posting.get("ledger_posting_id").asLong();
            }
        }
        // The recovery returns to the basic pool from the hospital's receivable; the fine is owed to the treasury; both balance.
        assertThat(postingSum(recovery)).isEqualByComparingTo("0");
        assertThat(postingSum(fine)).isEqualByComparingTo("0");
        assertThat(entry(recovery, "INSTITUTION_RECEIVABLE", HOSPITAL)).isEqualByComparingTo("2000.00");
        assertThat(entry(recovery, "BASIC_POOL", "390")).isEqualByComparingTo("-2000.00");
        assertThat(entry(fine, "INSTITUTION_RECEIVABLE", HOSPITAL)).isEqualByComparingTo("6000.00");
        assertThat(entry(fine, "TREASURY_PAYABLE", HOSPITAL)).isEqualByComparingTo("-6000.00");
        // Deciding twice changes nothing.
        assertThat(users.auditor().post(caseUrl + "/decision", decision).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from ledger_posting where source_type = 'SUPERVISION_CASE' and source_id like ?")
                .param(caseId + "/%").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from audit_log where entity_type = 'supervision_case' and entity_key = ?")
                .param(String.valueOf(caseId)).query(String.class).single()).isEqualTo("OPEN,INSPECT,DECIDE");

        // The next clearing statement withholds the recovery and the fine.
        JsonNode statement = users.readOnly().get("/api/admin/clearing/2035-04/" + HOSPITAL).json();
        Map<String, BigDecimal> adjustments = new LinkedHashMap<>();
        for (JsonNode a : statement.get("adjustments")) {
            if (a.get("source_id").asString().startsWith("SUP" + caseId + "/")) {
                adjustments.put(a.get("kind").asString(), a.get("amount").decimalValue());
            }
        }
        assertThat(adjustments).hasSize(2);
        assertThat(adjustments.get("RECOVERY")).isEqualByComparingTo("-2000.00");
        assertThat(adjustments.get("WITHHOLDING")).isEqualByComparingTo("-6000.00");

        // R-KPI: the analytics dashboard shows the year's warnings and recoveries by rule (this case's 2,000.00 among them).
        BigDecimal recoveredForSplits = jdbc.sql("""
                        select coalesce(sum(p.amount), 0) from supervision_case_posting p
                        where p.kind = 'RECOVERY' and p.case_id in (select cw.case_id from supervision_case_warning cw
                            join supervision_warning w on w.id = cw.warning_id
                            where w.rule_id = 'GZ0301' and w.admdvs = '990100' and w.month >= date '2035-01-01' and w.month < date '2036-01-01')""")
                .query(BigDecimal.class).single();
        assertThat(recoveredForSplits).isGreaterThanOrEqualTo(new BigDecimal("2000.00"));
        var analyticsPage = users.readOnly().get("/analytics?region=990100&year=2035");
        assertThat(analyticsPage.status()).as(analyticsPage.body()).isEqualTo(200);
        String analytics = analyticsPage.body();
        java.util.regex.Matcher splitRow = java.util.regex.Pattern.compile("id=\"analytics-rule-GZ0301\">(.*?)</tr>", java.util.regex.Pattern.DOTALL)
                .matcher(analytics);
        assertThat(splitRow.find()).as("GZ0301 on the analytics page").isTrue();
        assertThat(splitRow.group(1)).contains("分解住院", new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(recoveredForSplits));
        assertThat(analytics).contains("chart-analytics-warnings");

        // The console: the board with its charts and the case page, in Chinese by default and in English; a clerk posts no case.
        var board = users.auditor().get("/supervision/warnings?institution=" + HOSPITAL + "&month=2035-03");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("监管线索", "warning-" + warningId, "chart-warnings-rule", "run-form");
        assertThat(users.readOnly().get("/supervision/warnings?lang=en").body()).contains("Supervision warnings").doesNotContain("run-form");
        var casePage = users.auditor().get("/supervision/cases/" + caseId);
        assertThat(casePage.status()).isEqualTo(200);
        assertThat(casePage.body()).contains("case-recovery", "case-fine", "已决定");
        assertThat(users.clerk().post("/supervision/cases", Map.of()).status()).isEqualTo(403);

        // The hospital sees the sanction and its warning in its portal; another hospital does not see the warning.
        PortalSession portal = InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, HOSPITAL));
        String sanctions = portal.get("/inst-portal/sanctions").body();
        assertThat(sanctions).contains("sanction-" + k.get("sanction_id").asLong(), "案件 " + caseId);
        PortalSession.Page own = portal.get("/inst-portal/warnings");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("warning-" + warningId, "GZ0301", "已立案");
        assertThat(portal.get("/inst-portal/warnings?lang=en").body()).contains("Warnings", "In a case", "warning-" + warningId);
        String others = InstitutionPortalLogins.signedIn(users.port(), InstitutionPortalLogins.demoAdmin(properties, OTHER))
                .get("/inst-portal/warnings").body();
        assertThat(others).doesNotContain("warning-" + warningId);
    }

    @Test
    void aPersonWhoUsedAnothersCredentialHasBenefitsSuspendedAndSettlementIsRefusedWithTheEndDate() {
        clock.setDay(LocalDate.of(2035, 1, 2));
        LaterYears.agreement(users, HOSPITAL, 2035);
        LaterYears.policy(users, "990100", 2035);
        clock.setDay(LocalDate.of(2035, 6, 1));
        TestPersons.Registered p = new TestPersons(users, jdbc).resident("冒名就医者", LocalDate.of(1975, 8, 9));
        Map<String, Object> report = Map.of("psn_no", p.psnNo(), "title", "冒用他人医保凭证就医", "reason", "举报：使用其兄医保电子凭证在门诊就医");
        assertThat(users.clerk().post("/api/admin/supervision/cases", report).status()).isEqualTo(403);
        var opened = users.auditor().post("/api/admin/supervision/cases", report);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseUrl = "/api/admin/supervision/cases/" + opened.json().get("id").asLong();
        assertThat(users.auditor().post(caseUrl + "/inspection", Map.of("findings", "就诊记录与监控影像核实为本人冒用", "confirmed_amount", "300.00"))
                .status()).isEqualTo(200);
        // An institution's violation is not one of a person's.
        var wrong = users.auditor().post(caseUrl + "/decision", Map.of("violation", "SPLIT_OR_HANGING_BED", "fine_multiple", "3",
                "reason", "误选"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("violation");
        var decided = users.auditor().post(caseUrl + "/decision", Map.of("violation", "CREDENTIAL_MISUSE", "fine_multiple", "1",
                "measure", "BENEFIT_SUSPENSION", "months", 3, "reason", "冒名就医，退回费用，罚款 1 倍，暂停待遇 3 个月"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("measure_to").asString()).isEqualTo("2035-08-31");
        for (JsonNode posting : decided.json().get("postings")) {
            long id = posting.get("ledger_posting_id").asLong();
            assertThat(postingSum(id)).isEqualByComparingTo("0");
            assertThat(entry(id, "INSURED_RECEIVABLE", p.psnNo())).isEqualByComparingTo("300.00");
        }

        // Settlement is refused until the end date, with the end date in the message.
        clock.setDay(LocalDate.of(2035, 7, 15));
        Visit v = new Visit(fsi.as(HOSPITAL), p.psnNo(), "390");
        v.register().ok();
        v.line(CONSULTATION, "1", "20.00").upload("2204").ok();
        assertThat(v.settle("2207", "11", false).refused().errMsg()).contains("待遇暂停", "2035-08-31");
        // From the day after, the person settles again.
        clock.setDay(LocalDate.of(2035, 9, 1));
        Visit after = new Visit(fsi.as(HOSPITAL), p.psnNo(), "390");
        after.register().ok();
        after.line(CONSULTATION, "1", "20.00").upload("2204").ok();
        after.settle("2207", "11", false).ok();
    }
}
