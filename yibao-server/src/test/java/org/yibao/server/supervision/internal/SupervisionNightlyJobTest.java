package org.yibao.server.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
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
 * R-SUP-2's nightly run, driven by the clock in February 2036 (the clock years of the supervision
 * tests are 2035–2036): a visit charging 普通门诊诊查费 twice is settled on 10 February; the night of
 * the 11th runs every pooling region over the 31 days up to yesterday and finds it (GZ0203); the next
 * night finds nothing new; an auditor dismisses another visit's warning; once the settlement is reversed, the
 * night after withdraws the warning.
 */
@ClockControlledTest
class SupervisionNightlyJobTest {

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
    SupervisionNightlyJob job;

    private long warnings(String mdtrtId) {
        return jdbc.sql("select count(*) from supervision_warning where rule_id = 'GZ0203' and mdtrt_id = ?").param(mdtrtId)
                .query(Long.class).single();
    }

    @Test
    void theNightAfterASettlementFindsItOnce() {
        clock.setDay(LocalDate.of(2036, 1, 2));
        LaterYears.agreement(users, DemoCast.CENTRAL_HOSPITAL, 2036);
        LaterYears.policy(users, "990100", 2036);
        clock.setDay(LocalDate.of(2036, 2, 10));
        TestPersons.Registered p = new TestPersons(users, jdbc).resident("夜间分析患者", LocalDate.of(1990, 7, 8));
        Visit v = new Visit(fsi.as(DemoCast.CENTRAL_HOSPITAL), p.psnNo(), "390");
        v.register().ok();
        v.line(CONSULTATION, "2", "20.00").upload("2204").ok();
        JsonNode s = v.settle("2207", "11", false).ok().output().get("setlinfo");
        assertThat(s.get("setl_id").asString()).isNotBlank();
        TestPersons.Registered q = new TestPersons(users, jdbc).resident("夜间分析患者乙", LocalDate.of(1991, 8, 9));
        Visit other = new Visit(fsi.as(DemoCast.CENTRAL_HOSPITAL), q.psnNo(), "390");
        other.register().ok();
        other.line(CONSULTATION, "3", "20.00").upload("2204").ok();
        other.settle("2207", "11", false).ok();

        clock.set(LocalDate.of(2036, 2, 11).atTime(2, 30));
        job.run();
        assertThat(warnings(v.mdtrtId)).isEqualTo(1);
        var run = jdbc.sql("select trigger, period_from, period_to, state, started_by from supervision_run where admdvs = '990100' "
                        + "order by id desc limit 1")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5)}).single();
        assertThat(run).containsExactly("NIGHTLY", LocalDate.of(2036, 1, 11), LocalDate.of(2036, 2, 10), "FINISHED", "system");

        clock.set(LocalDate.of(2036, 2, 12).atTime(2, 30));
        job.run();
        assertThat(warnings(v.mdtrtId)).isEqualTo(1);
        assertThat(state(v.mdtrtId)).isEqualTo("OPEN");

        // An auditor dismisses the other visit's warning as no violation, with the reason; a clerk may not; once is enough.
        long dismissed = jdbc.sql("select id from supervision_warning where rule_id = 'GZ0203' and mdtrt_id = ?").param(other.mdtrtId)
                .query(Long.class).single();
        String url = "/api/admin/supervision/warnings/" + dismissed + "/dismiss";
        assertThat(users.clerk().post(url, Map.of("reason", "x")).status()).isEqualTo(403);
        var noReason = users.auditor().post(url, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var ok = users.auditor().post(url, Map.of("reason", "病历记载两次接诊，收费合理"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("state").asString()).isEqualTo("DISMISSED");
        assertThat(ok.json().get("dismissed_by").asString()).isEqualTo("auditor1");
        assertThat(users.auditor().post(url, Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'supervision_warning' and entity_key = ? and action = 'DISMISS'")
                .param(String.valueOf(dismissed)).query(Long.class).single()).isEqualTo(1);

        // The settlement is reversed: the next night withdraws its warning (kept, not deleted).
        clock.setDay(LocalDate.of(2036, 2, 12));
        v.reverse("2208", s.get("setl_id").asString()).ok();
        clock.set(LocalDate.of(2036, 2, 13).atTime(2, 30));
        job.run();
        assertThat(warnings(v.mdtrtId)).isEqualTo(1);
        assertThat(state(v.mdtrtId)).isEqualTo("WITHDRAWN");
    }

    private String state(String mdtrtId) {
        return jdbc.sql("select state from supervision_warning where rule_id = 'GZ0203' and mdtrt_id = ?").param(mdtrtId)
                .query(String.class).single();
    }
}
