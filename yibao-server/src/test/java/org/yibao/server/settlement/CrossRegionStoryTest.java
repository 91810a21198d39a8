package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.DemoPortalUsers;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9's cross-region stories (R-XR-1…3) in 2029, through the national interface, the insured
 * portal and the staff API: 周婷's long-term filing in 远山 (980100) with both-ways benefits, 张敏
 * refused unfiled, filing in the portal and settled with the temporary band, an emergency without
 * filing, a stay filed for after discharge, the 6-month lock of a long-term filing, a referral to
 * another region filing the person, and bad input that changes nothing. No other clock test uses 2029;
 * 张敏 and 周婷 are settled without their personal accounts, and the other persons are registered here.
 */
@ClockControlledTest
class CrossRegionStoryTest {

    static final String CONSULTATION = "001101000010000";
    static final String BED = "001103000010000";

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

    private JsonNode outpatient(String institution, String psnNo, String insutype, String medType, String price) {
        Visit v = new Visit(fsi.as(institution), psnNo, insutype);
        v.register().ok();
        v.line(CONSULTATION, "1", price).upload("2204").ok();
        return v.settle("2207", medType, false).ok().output().get("setlinfo");
    }

    private static BigDecimal ratio(JsonNode setlinfo) {
        return setlinfo.get("pool_prop_selfpay").decimalValue();
    }

    private long filings(String psnNo) {
        return jdbc.sql("select count(*) from xr_filing where psn_no = ?").param(psnNo).query(Long.class).single();
    }

    private TestPersons.Registered employee(String name) {
        return new TestPersons(users, jdbc).employee(name, LocalDate.of(1980, 5, 5), "0.00");
    }

    @Test
    void zhouTingSettlesInYuanshanWithItsCatalogueAndHerHomePolicyAndAtHomeWithoutACut() {
        clock.setDay(LocalDate.of(2029, 2, 5));
        // 980100's catalogue caps the consultation at 25.00 (990100: 20.00), 990100's 2029 policy sets her ratio.
        JsonNode away = outpatient(DemoCast.YUANSHAN_HOSPITAL, DemoCast.ZHOU_TING, "310", "11", "25.00");
        assertThat(away.get("overlmt_selfpay").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(away.get("clr_optins").asString()).isEqualTo("990100");
        JsonNode home = outpatient(DemoCast.FIRST_PEOPLES_HOSPITAL, DemoCast.ZHOU_TING, "310", "11", "25.00");
        assertThat(home.get("overlmt_selfpay").decimalValue()).isEqualByComparingTo("5.00");
        // R-XR-2 both ways: the long-term band is 0 in 远山, and at home her filing cuts nothing either.
        assertThat(ratio(away)).isEqualByComparingTo(ratio(home));
        assertThat(ratio(away)).isGreaterThan(BigDecimal.ZERO);
        assertThat(jdbc.sql("select insured_admdvs || '/' || treatment_admdvs from settlement where setl_id = ?")
                .param(away.get("setl_id").asString()).query(String.class).single()).isEqualTo("990100/980100");
    }

    @Test
    void zhangMinIsRefusedUnfiledFilesInThePortalAndIsSettledWithTwentyPointsLess() {
        clock.setDay(LocalDate.of(2029, 3, 5));
        Visit v = new Visit(fsi.as(DemoCast.YUANSHAN_HOSPITAL), DemoCast.ZHANG_MIN, "310");
        v.register().ok();
        v.line(CONSULTATION, "1", "25.00").upload("2204").ok();
        // R-XR-3: refused, with where and how to file.
        assertThat(v.settle("2207", "11", false).refused().errMsg())
                .contains("未办理到就医地 980100 的异地就医备案", "“异地就医备案”", "经办窗口", "转出医院");

        PortalSession zhang = DemoPortalUsers.signedIn(users.port(), properties, DemoPortalUsers.ZHANG_MIN_CERTNO);
        String page = zhang.get("/portal/xr-filings").body();
        // The rules in plain words come before the confirmation.
        assertThat(page.indexOf("个人承诺制")).isPositive().isLessThan(page.indexOf("id=\"xr-submit\""));
        assertThat(page).contains("临时外出就医备案有效期 6 个月", "6 个月内不能变更或撤销", "远山市");
        long before = filings(DemoCast.ZHANG_MIN);
        // Without the commitment, and for her own region, nothing is filed.
        PortalSession.Page unconfirmed = zhang.post("/portal/xr-filings", "/portal/xr-filings",
                Map.of("category", "TEMPORARY", "region", "980100"));
        assertThat(unconfirmed.location()).endsWith("/portal/xr-filings");
        assertThat(zhang.get("/portal/xr-filings").body()).contains("id=\"xr-error\"", "承诺");
        zhang.post("/portal/xr-filings", "/portal/xr-filings", Map.of("category", "TEMPORARY", "region", "990121", "commitment", "yes"));
        assertThat(zhang.get("/portal/xr-filings").body()).contains("同一统筹区", "无需办理异地就医备案");
        assertThat(filings(DemoCast.ZHANG_MIN)).isEqualTo(before);

        zhang.post("/portal/xr-filings", "/portal/xr-filings", Map.of("category", "TEMPORARY", "region", "980100", "commitment", "yes"));
        assertThat(zhang.get("/portal/xr-filings").body()).contains("id=\"xr-filed\"", "2029-03-05 – 2029-09-04");
        assertThat(jdbc.sql("select channel || '/' || recorded_by from xr_filing where psn_no = ? and cancelled_at is null")
                .param(DemoCast.ZHANG_MIN).query(String.class).list()).containsExactly("PORTAL/" + DemoCast.ZHANG_MIN);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'xr_filing' and actor = ? and action = 'CREATE'")
                .param(DemoCast.ZHANG_MIN).query(Long.class).single()).isEqualTo(1);

        // The same visit now settles, 20 points below the same care at home (R-XR-2 other temporary).
        JsonNode away = v.settle("2207", "11", false).ok().output().get("setlinfo");
        JsonNode home = outpatient(DemoCast.FIRST_PEOPLES_HOSPITAL, DemoCast.ZHANG_MIN, "310", "11", "20.00");
        assertThat(ratio(home).subtract(ratio(away))).isEqualByComparingTo("0.20");
        assertThat(away.get("setl_proc_info").asString()).contains("临时外出就医备案");

        // She sees and changes only her own filings: 周婷's id answers like an unknown one.
        long zhouTings = jdbc.sql("select id from xr_filing where psn_no = ? and cancelled_at is null").param(DemoCast.ZHOU_TING)
                .query(Long.class).single();
        assertThat(page).doesNotContain("id=\"xr-" + zhouTings + "\"");
        zhang.post("/portal/xr-filings", "/portal/xr-filings/" + zhouTings + "/cancel", Map.of());
        assertThat(zhang.get("/portal/xr-filings").body()).contains("异地就医备案 " + zhouTings + " 不存在");
        assertThat(jdbc.sql("select cancelled_at is null from xr_filing where id = ?").param(zhouTings).query(Boolean.class).single()).isTrue();
        // A post without the portal's CSRF token changes nothing.
        assertThat(zhang.postRaw("/portal/xr-filings", Map.of("category", "TEMPORARY", "region", "990200", "commitment", "yes")).status())
                .isEqualTo(403);
    }

    @Test
    void anEmergencyWithoutFilingSettlesWithTenPointsLess() {
        clock.setDay(LocalDate.of(2029, 4, 2));
        TestPersons.Registered p = employee("急诊测试");
        JsonNode away = outpatient(DemoCast.YUANSHAN_HOSPITAL, p.psnNo(), "310", "13", "25.00");
        JsonNode home = outpatient(DemoCast.FIRST_PEOPLES_HOSPITAL, p.psnNo(), "310", "13", "20.00");
        assertThat(ratio(home).subtract(ratio(away))).isEqualByComparingTo("0.10");
        assertThat(filings(p.psnNo())).isZero();
    }

    @Test
    void aStayFiledForAfterDischargeButBeforeItsSettlementSettlesDirectly() {
        clock.setDay(LocalDate.of(2029, 5, 10));
        TestPersons.Registered p = employee("住院补办备案");
        Visit stay = new Visit(fsi.as(DemoCast.YUANSHAN_HOSPITAL), p.psnNo(), "310");
        stay.admit("21", "K35.800").ok();
        stay.line(BED, "5", "60.00").upload("2301").ok();
        stay.discharge().ok();
        assertThat(stay.settle("2304", "21", false).refused().errMsg()).contains("异地就医备案", "出院结算前补办备案");

        // The next day, at the counter: the filing begins after the discharge and still covers the stay (R-XR-3).
        clock.setDay(LocalDate.of(2029, 5, 11));
        var filed = users.clerk().post("/api/admin/persons/" + p.psnNo() + "/xr-filings",
                Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "980100"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("begndate").asString()).isEqualTo("2029-05-11");
        JsonNode s = stay.settle("2304", "21", false).ok().output().get("setlinfo");
        assertThat(s.get("setl_id").asString()).isNotBlank();
        assertThat(s.get("setl_proc_info").asString()).contains("临时外出就医备案");
        assertThat(jdbc.sql("select treatment_admdvs from settlement where setl_id = ?").param(s.get("setl_id").asString())
                .query(String.class).single()).isEqualTo("980100");
    }

    @Test
    void aLongTermFilingCannotBeChangedOrCancelledInItsFirstSixMonthsAndBadInputChangesNothing() {
        clock.setDay(LocalDate.of(2029, 6, 1));
        TestPersons.Registered p = employee("长期备案");
        String path = "/api/admin/persons/" + p.psnNo() + "/xr-filings";
        ApiClient clerk = users.clerk();
        var made = clerk.post(path, Map.of("category", "LONG_TERM_RESIDENT", "mdtrtarea_admdvs", "980100"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(made.json().path("enddate").isMissingNode() || made.json().get("enddate").isNull()).isTrue();
        assertThat(made.json().get("changeable_from").asString()).isEqualTo("2029-12-01");

        // Bad input: each a clear 400, nothing changed.
        String listed = clerk.get(path).body();
        assertThat(clerk.post(path, Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "990100")).body()).contains("同一统筹区");
        assertThat(clerk.post(path, Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "970100")).body()).contains("不是现行的医保区划");
        assertThat(clerk.post(path, Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "abc")).body()).contains("6 位医保区划代码");
        assertThat(clerk.post(path, Map.of("category", "FOO", "mdtrtarea_admdvs", "990200")).status()).isEqualTo(400);
        var second = clerk.post(path, Map.of("category", "POSTED_WORKER", "mdtrtarea_admdvs", "990200"));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body()).contains("同一时间只能有一项长期备案");
        var twice = clerk.post(path, Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "980100"));
        assertThat(twice.body()).contains("无需重复备案");
        // Staff without a changing role read but do not file; nobody signed out does either.
        assertThat(users.readOnly().get(path).status()).isEqualTo(200);
        assertThat(users.readOnly().post(path, Map.of("category", "TEMPORARY", "mdtrtarea_admdvs", "990200")).status()).isEqualTo(403);
        assertThat(users.anonymous().get(path).status()).isEqualTo(401);
        assertThat(clerk.get(path).body()).isEqualTo(listed);

        // Three months on: a change and a cancellation are refused with the day they become possible.
        clock.setDay(LocalDate.of(2029, 9, 1));
        var change = clerk.post(path + "/" + id + "/change", Map.of("mdtrtarea_admdvs", "990200"));
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.body()).contains("6 个月内不能变更或撤销", "2029-12-01 起可变更");
        assertThat(clerk.post(path + "/" + id + "/cancel", Map.of("memo", "回原籍")).body()).contains("2029-12-01 起可撤销");
        assertThat(clerk.get(path).body()).isEqualTo(listed);

        // From 2029-12-01 the change goes through: the old filing is cancelled, the new one replaces it and is locked anew.
        clock.setDay(LocalDate.of(2029, 12, 1));
        var changed = clerk.post(path + "/" + id + "/change", Map.of("mdtrtarea_admdvs", "990200"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("replaces_id").asLong()).isEqualTo(id);
        assertThat(changed.json().get("changeable_from").asString()).isEqualTo("2030-06-01");
        assertThat(jdbc.sql("select action from audit_log where entity_type = 'xr_filing' and entity_key in (?, ?) order by id")
                .params(String.valueOf(id), changed.json().get("id").asString()).query(String.class).list())
                .containsExactly("CREATE", "CHANGE");
    }

    @Test
    void aReferralToAnotherRegionFilesThePersonAndItsCancellationCancelsTheFiling() {
        clock.setDay(LocalDate.of(2029, 7, 1));
        TestPersons.Registered p = employee("异地转诊");
        String serial = fsi.as(DemoCast.FIRST_PEOPLES_HOSPITAL).call("2501", Map.of("refmedin", Map.of("psn_no", p.psnNo(),
                        "insutype", "310", "diag_code", "I10.x00", "reflin_medins_no", DemoCast.YUANSHAN_HOSPITAL, "refl_type", "1",
                        "hosp_agre_refl_flag", "1")))
                .ok().output().get("result").get("trt_dcla_detl_sn").asString();
        var listed = users.clerk().get("/api/admin/persons/" + p.psnNo() + "/xr-filings").json();
        assertThat(listed.size()).isEqualTo(1);
        JsonNode f = listed.get(0);
        assertThat(List.of(f.get("category").asString(), f.get("channel").asString(), f.get("mdtrtarea_admdvs").asString(),
                f.get("begndate").asString(), f.get("enddate").asString(), f.get("trt_dcla_detl_sn").asString()))
                .containsExactly("REFERRAL", "HOSPITAL", "980100", "2029-07-01", "2029-12-31", serial);
        // Referred care in 远山 is settled with 10 points less than at home.
        JsonNode away = outpatient(DemoCast.YUANSHAN_HOSPITAL, p.psnNo(), "310", "11", "25.00");
        JsonNode home = outpatient(DemoCast.FIRST_PEOPLES_HOSPITAL, p.psnNo(), "310", "11", "20.00");
        assertThat(ratio(home).subtract(ratio(away))).isEqualByComparingTo("0.10");

        // A referral inside the home region files nothing.
        TestPersons.Registered q = employee("本地转诊");
        fsi.as(DemoCast.EAST_COMMUNITY_CENTRE).call("2501", Map.of("refmedin", Map.of("psn_no", q.psnNo(), "diag_code", "I10.x00",
                "reflin_medins_no", DemoCast.FIRST_PEOPLES_HOSPITAL, "refl_type", "3", "hosp_agre_refl_flag", "1"))).ok();
        assertThat(filings(q.psnNo())).isZero();

        // The hospital cancels its referral (2502), and the filing with it.
        TestPersons.Registered r = employee("转诊撤销");
        String serial2 = fsi.as(DemoCast.FIRST_PEOPLES_HOSPITAL).call("2501", Map.of("refmedin", Map.of("psn_no", r.psnNo(),
                        "diag_code", "I10.x00", "reflin_medins_no", DemoCast.YUANSHAN_HOSPITAL, "refl_type", "1", "hosp_agre_refl_flag", "1")))
                .ok().output().get("result").get("trt_dcla_detl_sn").asString();
        fsi.as(DemoCast.FIRST_PEOPLES_HOSPITAL).call("2502", Map.of("data", Map.of("trt_dcla_detl_sn", serial2, "psn_no", r.psnNo()))).ok();
        assertThat(jdbc.sql("select cancelled_at is not null from xr_filing where psn_no = ?").param(r.psnNo()).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void anInstitutionWithoutTheCrossRegionFlagRefusesDirectSettlement() {
        clock.setDay(LocalDate.of(2029, 8, 1));
        // 周婷 is filed for 远山; a 远山 institution without the general-outpatient flag still cannot settle her visit.
        String unflagged = jdbc.sql("""
                        select fixmedins_code from institution where admdvs = '980100' and valid_to is null and designated
                           and level is not null and not xr_outpatient order by fixmedins_code limit 1""")
                .query(String.class).single();
        Visit v = new Visit(fsi.as(unflagged), DemoCast.ZHOU_TING, "310");
        v.register().ok();
        v.line(CONSULTATION, "1", "25.00").upload("2204").ok();
        assertThat(v.settle("2207", "11", false).refused().errMsg()).contains("未开通异地普通门诊直接结算", "✓");
        assertThat(jdbc.sql("select count(*) from settlement where mdtrt_id = ?").param(v.mdtrtId).query(Long.class).single()).isZero();
    }

    @Test
    void simultaneousLongTermFilingsForOnePersonLeaveExactlyOne() throws Exception {
        clock.setDay(LocalDate.of(2029, 10, 8));
        TestPersons.Registered p = employee("同时备案");
        String path = "/api/admin/persons/" + p.psnNo() + "/xr-filings";
        ApiClient clerk = users.clerk();
        List<String> regions = List.of("980100", "990200", "980100", "990200");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(regions.size());
        try {
            List<java.util.concurrent.Future<ApiClient.Response>> replies = new java.util.ArrayList<>();
            for (String region : regions) {
                replies.add(pool.submit(() -> clerk.post(path, Map.of("category", "POSTED_WORKER", "mdtrtarea_admdvs", region))));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var r : replies) {
                ApiClient.Response reply = r.get();
                statuses.add(reply.status());
                if (reply.status() == 400) {
                    assertThat(reply.body()).contains("同一时间只能有一项长期备案");
                }
            }
            assertThat(statuses).containsOnly(201, 400).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(filings(p.psnNo())).isEqualTo(1);
    }
}
