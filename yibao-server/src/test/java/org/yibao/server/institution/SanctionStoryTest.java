package org.yibao.server.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.ClockControlledTest;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;

/**
 * R-INST-4 with a moving clock, through the national interface: each graded sanction's effect on
 * settlement and its end. The township centre and the county hospital are used by no other clock
 * test; the rectification and the suspension end by themselves, the terminated hospital is
 * re-admitted with a new agreement at the end.
 */
@ClockControlledTest
class SanctionStoryTest {

    static final String CONSULTATION = "001101000010000";

    @Autowired
    TestClock clock;
    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    private TestPersons.Registered patient() {
        return new TestPersons(users, jdbc).resident("测试协议患者", LocalDate.of(1980, 5, 6));
    }

    private Visit openVisit(String institution, TestPersons.Registered p) {
        Visit v = new Visit(fsi.as(institution), p.psnNo(), "390");
        v.register().ok();
        v.line(CONSULTATION, "1", "20.00").upload("2204").ok();
        return v;
    }

    private void sanction(String institution, Map<String, Object> body) {
        var r = users.admin().post("/api/admin/institutions/" + institution + "/sanctions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static Map<String, Object> decision(String kind, String start, String end) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("kind", kind);
        if (start != null) {
            b.put("start_date", start);
        }
        if (end != null) {
            b.put("end_date", end);
        }
        b.put("reason", "测试：" + kind);
        b.put("evidence", "稽核报告 JH-2026-" + kind);
        return b;
    }

    private FsiClient.Reply insuinfo(String institution, TestPersons.Registered p) {
        return fsi.as(institution).call("1101", Map.of("data", Map.of("psn_no", p.psnNo(), "mdtrt_cert_type", "02",
                "mdtrt_cert_no", p.certno())));
    }

    @Test
    void rectificationKeepsSettlementAllowedUntilItsDeadline() {
        clock.setDay(LocalDate.of(2026, 9, 1));
        TestPersons.Registered p = patient();
        sanction(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, decision("RECTIFICATION", null, "2026-09-15"));
        var standing = users.readOnly().get("/api/admin/institutions/" + DemoCast.CHENGGUAN_TOWNSHIP_CENTRE + "/agreements/standing").json();
        assertThat(standing.get("state").asString()).isEqualTo("RECTIFICATION");
        openVisit(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, p).settle("2207", "11", false).ok();

        clock.setDay(LocalDate.of(2026, 9, 16));
        standing = users.readOnly().get("/api/admin/institutions/" + DemoCast.CHENGGUAN_TOWNSHIP_CENTRE + "/agreements/standing").json();
        assertThat(standing.get("state").asString()).isEqualTo("ACTIVE");
        openVisit(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, p).settle("2207", "11", false).ok();
    }

    @Test
    void suspensionRefusesSettlementNamingItsEndThenLiftsByItself() {
        clock.setDay(LocalDate.of(2026, 9, 30));
        TestPersons.Registered p = patient();
        Visit before = openVisit(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, p);
        Visit open = new Visit(fsi.as(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE), p.psnNo(), "390");
        open.register().ok();
        sanction(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, decision("SUSPENSION", "2026-10-01", "2026-10-11"));
        // Decided on 09-30 for October: still settles the day before.
        before.settle("2207", "11", false).ok();

        clock.setDay(LocalDate.of(2026, 10, 1));
        Visit during = new Visit(fsi.as(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE), p.psnNo(), "390");
        String refusal = during.register().refused().errMsg();
        assertThat(refusal).contains("暂停", "2026-10-01", "2026-10-11", "2026-10-12 起恢复");

        clock.setDay(LocalDate.of(2026, 10, 8));
        // Queries and uploads at the suspended centre still work.
        assertThat(insuinfo(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, p).ok().output().get("baseinfo")).isNotNull();
        clock.setDay(LocalDate.of(2026, 10, 11));
        open.line(CONSULTATION, "1", "20.00").upload("2204").ok();
        assertThat(open.settle("2207", "11", false).refused().errMsg()).contains("2026-10-11", "2026-10-12 起恢复");

        clock.setDay(LocalDate.of(2026, 10, 12));
        open.settle("2207", "11", false).ok();
        openVisit(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, p).settle("2207", "11", false).ok();
    }

    @Test
    void terminationRefusesSettlementFromItsDecisionDate() {
        clock.setDay(LocalDate.of(2026, 11, 2));
        TestPersons.Registered p = patient();
        Visit open = new Visit(fsi.as(DemoCast.COUNTY_HOSPITAL), p.psnNo(), "390");
        open.register().ok();
        sanction(DemoCast.COUNTY_HOSPITAL, decision("TERMINATION", null, null));
        open.line(CONSULTATION, "1", "20.00").upload("2204").ok();
        assertThat(open.settle("2207", "11", false).refused().errMsg()).contains("已于 2026-11-02 解除");
        insuinfo(DemoCast.COUNTY_HOSPITAL, p).ok();
        assertThat(new Visit(fsi.as(DemoCast.COUNTY_HOSPITAL), p.psnNo(), "390").register().refused().errMsg()).contains("解除");
        // The renewals already made for later years fell with it.
        var later = users.readOnly().get("/api/admin/institutions/" + DemoCast.COUNTY_HOSPITAL + "/agreements/standing?day=2027-06-01").json();
        assertThat(later.get("state").asString()).isEqualTo("TERMINATED");

        // Re-admitted the next day: a new agreement applied for and activated; it settles again.
        clock.setDay(LocalDate.of(2026, 11, 3));
        var applied = users.admin().post("/api/admin/institutions/" + DemoCast.COUNTY_HOSPITAL + "/agreements",
                Map.of("start_date", "2026-11-03", "reason", "重新签约"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.json().get("id").asLong();
        var activated = users.admin().post("/api/admin/institutions/" + DemoCast.COUNTY_HOSPITAL + "/agreements/" + id + "/activate",
                Map.of("reason", "整改完成"));
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        openVisit(DemoCast.COUNTY_HOSPITAL, p).settle("2207", "11", false).ok();
    }

    @Test
    void liftedSuspensionSettlesAgainAtOnceAndAWithdrawnOneNeverApplies() {
        clock.setDay(LocalDate.of(2026, 11, 9));
        TestPersons.Registered p = patient();
        sanction(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, decision("SUSPENSION", "2026-11-10", "2026-11-30"));
        clock.setDay(LocalDate.of(2026, 11, 12));
        assertThat(new Visit(fsi.as(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE), p.psnNo(), "390").register().refused().errMsg())
                .contains("2026-11-30", "2026-12-01 起恢复");
        long id = jdbc.sql("select id from sanction where fixmedins_code = ? and start_date = ?")
                .params(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, LocalDate.of(2026, 11, 10)).query(Long.class).single();
        // Lifted from tomorrow: today stays suspended, and the refusal now names the earlier end.
        var lifted = users.admin().post("/api/admin/institutions/" + DemoCast.CHENGGUAN_TOWNSHIP_CENTRE + "/sanctions/" + id + "/lift",
                Map.of("lifted_from", "2026-11-13", "reason", "整改到位，提前恢复结算"));
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(new Visit(fsi.as(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE), p.psnNo(), "390").register().refused().errMsg())
                .contains("2026-11-12", "2026-11-13 起恢复");
        clock.setDay(LocalDate.of(2026, 11, 13));
        openVisit(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, p).settle("2207", "11", false).ok();

        // A suspension decided for December and withdrawn before its first day never applies.
        sanction(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, decision("SUSPENSION", "2026-12-01", "2026-12-05"));
        long december = jdbc.sql("select id from sanction where fixmedins_code = ? and start_date = ?")
                .params(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, LocalDate.of(2026, 12, 1)).query(Long.class).single();
        var withdrawn = users.admin().post("/api/admin/institutions/" + DemoCast.CHENGGUAN_TOWNSHIP_CENTRE + "/sanctions/" + december
                + "/lift", Map.of("reason", "决定撤销"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("lifted_from").asString()).isEqualTo("2026-12-01");
        clock.setDay(LocalDate.of(2026, 12, 2));
        openVisit(DemoCast.CHENGGUAN_TOWNSHIP_CENTRE, p).settle("2207", "11", false).ok();
    }
}
