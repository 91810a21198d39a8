package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-INS-8: a person whose benefits staff have suspended, or who is blacklisted, is shown so by 1101 and
 * cannot settle until the end date (the refusal says why and until when); once the end date has passed
 * the suspension lifts by itself.
 */
@IntegrationTest
class BenefitSuspensionTest {

    @Autowired
    TestUsers users;
    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    /** Registers an employee of 990100 through the staff API, with the given benefit status. */
    private String employee(String status, LocalDate until) {
        TestPersons persons = new TestPersons(users, jdbc);
        Map<String, Object> body = persons.body("停保测试", LocalDate.of(1975, 6, 12), "310", "1101");
        body.put("emp_name", "测试公司");
        body.put("opening_balance", "800.00");
        body.put("status", status);
        if (until != null) {
            body.put("status_until", until.toString());
        }
        return persons.register(body).psnNo();
    }

    private JsonNode insuinfo(String psnNo) {
        String certno = jdbc.sql("select certno from person where psn_no = ? and valid_to is null").param(psnNo).query(String.class).single();
        return fsi.as("H99010000004").call("1101", Map.of("data", Map.of("psn_no", psnNo, "mdtrt_cert_type", "02",
                "mdtrt_cert_no", certno))).ok().output().get("insuinfo").get(0);
    }

    private Visit uploadedVisit(String psnNo) {
        Visit v = new Visit(fsi.as("H99010000004"), psnNo, "310");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").upload("2204").ok();
        return v;
    }

    private long settlements(String psnNo) {
        return jdbc.sql("select count(*) from settlement where psn_no = ?").param(psnNo).query(Long.class).single();
    }

    private String balance(String psnNo) {
        return jdbc.sql("select balance::text from personal_account where psn_no = ?").param(psnNo).query(String.class).single();
    }

    @Test
    void aSuspendedPersonIsShownAsSuspendedAndRefusedWithTheEndDate() {
        LocalDate until = TODAY.plusDays(90);
        String psnNo = employee("SUSPENDED", until);
        JsonNode insu = insuinfo(psnNo);
        assertThat(insu.get("psn_insu_stas").asString()).isEqualTo("2");
        assertThat(insu.get("paus_insu_date").asString()).isEqualTo(until.toString());

        Visit v = uploadedVisit(psnNo);
        String err = v.settle("2207", "11", true).refused().errMsg();
        assertThat(err).contains(psnNo, "待遇暂停", "至 " + until);
        assertThat(settlements(psnNo)).isZero();
        assertThat(balance(psnNo)).isEqualTo("800.00");
    }

    @Test
    void aBlacklistedPersonIsRefusedAndTheMessageSaysWhy() {
        LocalDate until = TODAY.plusYears(1);
        String psnNo = employee("BLACKLISTED", until);
        assertThat(insuinfo(psnNo).get("psn_insu_stas").asString()).isEqualTo("2");

        Visit v = uploadedVisit(psnNo);
        assertThat(v.settle("2207", "11", true).refused().errMsg()).contains("黑名单", "至 " + until);
        assertThat(settlements(psnNo)).isZero();
        assertThat(balance(psnNo)).isEqualTo("800.00");
    }

    @Test
    void aSuspensionWhoseEndDateHasPassedNoLongerStopsSettlement() {
        String psnNo = employee("SUSPENDED", TODAY.minusDays(1));
        assertThat(insuinfo(psnNo).get("psn_insu_stas").asString()).isEqualTo("1");

        Visit v = uploadedVisit(psnNo);
        JsonNode setlinfo = v.settle("2207", "11", true).ok().output().get("setlinfo");
        assertThat(setlinfo.get("medfee_sumamt").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(settlements(psnNo)).isEqualTo(1);
    }
}
