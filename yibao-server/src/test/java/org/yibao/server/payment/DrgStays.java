package org.yibao.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.settlement.Visit;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.LaterYears;
import org.yibao.server.support.TestAgreements;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The DRG stories' stays (R-PAY-2): pneumonia stays settled through the national interface, their 4101 case
 * records, reversals and settlements again, and the month's run followed until it is done. Shared by
 * {@link DrgPaymentStoryTest}, {@link DrgCorrectionStoryTest} and {@link DrgReversalStoryTest}.
 */
final class DrgStays {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FsiClients fsi;
    private final JdbcClient jdbc;
    private final TestUsers users;

    DrgStays(FsiClients fsi, JdbcClient jdbc, TestUsers users) {
        this.fsi = fsi;
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * The DRG stories' beginning in May of their own year: 990100's policy of the year and the hospital's
     * agreement in force, from May 4 (the clock is left there).
     */
    static DrgStays inMay(int year, String hospital, TestClock clock, FsiClients fsi, JdbcClient jdbc, TestUsers users) {
        clock.setDay(LocalDate.of(year, 5, 4));
        LaterYears.policy(users, "990100", year);
        TestAgreements.inForce(users, hospital, LocalDate.of(year, 5, 4));
        return new DrgStays(fsi, jdbc, users);
    }

    /** A stay settled through the national interface: the HIS's visit and the settlement's {@code setlinfo}. */
    record Settled(Visit visit, JsonNode setlinfo) {

        String setlId() {
            return setlinfo.get("setl_id").asString();
        }
    }

    /** An inpatient pneumonia stay (J18.900) settled by 2304: 10 bed-days at 60.00 and {@code drugs} × 55.00. */
    JsonNode stay(String institution, TestPersons.Registered p, String insutype, int drugs) {
        return settledStay(institution, p, insutype, drugs).setlinfo();
    }

    /** {@link #stay}, with the HIS's visit to reverse and settle again. */
    Settled settledStay(String institution, TestPersons.Registered p, String insutype, int drugs) {
        Visit v = new Visit(fsi.as(institution), p.psnNo(), insutype);
        v.admit("21", "J18.900").ok();
        lines(v, drugs);
        v.discharge().ok();
        return settle(v);
    }

    /** Reverses the stay's settlement by 2305 (the stay is discharged, not settled, again); returns the reversal's setlinfo. */
    JsonNode reverse(Settled s) {
        return s.visit().reverse("2305", s.setlId()).ok().output().get("setlinfo");
    }

    /** Settles a reversed stay again, its fee lines replaced by 10 bed-days at 60.00 and {@code drugs} × 55.00. */
    Settled settleAgain(Settled s, int drugs) {
        s.visit().cancelAllFees().ok();
        lines(s.visit(), drugs);
        return settle(s.visit());
    }

    private static void lines(Visit v, int drugs) {
        v.line("001103000010000", "10", "60.00").line("XJ01DCT013B002010101003", String.valueOf(drugs), "55.00").upload("2301").ok();
    }

    private static Settled settle(Visit v) {
        return new Settled(v, v.settle("2304", "21", false).ok().output().get("setlinfo"));
    }

    /**
     * The stay's 4101 case record: five days up to the settlement's day, pneumonia as the principal diagnosis;
     * {@code gend} left out when asked (a blocking quality-control finding).
     */
    Map<String, Object> caseRecord(JsonNode settlement, boolean withSex) {
        String psn = settlement.get("psn_no").asString();
        Map<String, Object> person = jdbc.sql("select gend, brdy from person where psn_no = ? and valid_to is null").param(psn)
                .query((rs, n) -> Map.<String, Object>of("gend", rs.getString(1), "brdy", rs.getDate(2).toString())).single();
        LocalDate discharged = LocalDate.parse(settlement.get("setl_time").asString().substring(0, 10));
        Map<String, Object> setlinfo = new LinkedHashMap<>();
        setlinfo.put("psn_no", psn);
        setlinfo.put("mdtrt_id", settlement.get("mdtrt_id").asString());
        setlinfo.put("setl_id", settlement.get("setl_id").asString());
        if (withSex) {
            setlinfo.put("gend", person.get("gend"));
        }
        setlinfo.put("brdy", person.get("brdy"));
        setlinfo.put("adm_time", discharged.minusDays(5).atTime(8, 0).format(TIME));
        setlinfo.put("dscg_time", discharged.atTime(8, 30).format(TIME));
        setlinfo.put("act_ipt_days", 5);
        setlinfo.put("dscg_way", "1");
        return Map.of("setlinfo", setlinfo, "diseinfo", List.of(Map.of("diag_type", "1", "diag_code", "J18.900", "diag_name", "肺炎",
                "maindiag_flag", "1")), "oprninfo", List.of());
    }

    JsonNode upload(String institution, String infno, Map<String, Object> record) {
        return fsi.as(institution).call(infno, record).ok().output();
    }

    /** The month at {@code path}, once its run is no longer RUNNING. */
    JsonNode monthWhenDone(String path) {
        JsonNode m = users.readOnly().get(path).json();
        for (int i = 0; i < 600 && "RUNNING".equals(m.get("progress").get("state").asString()); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            m = users.readOnly().get(path).json();
        }
        return m;
    }

    /** A ledger posting's amount on an account and sub-account. */
    BigDecimal entry(long posting, String account, String subAccount) {
        return jdbc.sql("select amount from ledger_entry where posting_id = ? and account = ? and sub_account = ?")
                .params(posting, account, subAccount).query(BigDecimal.class).single();
    }

    /** The sum of a posting's entries: 0 when it is in balance. */
    BigDecimal sum(long posting) {
        return jdbc.sql("select sum(amount) from ledger_entry where posting_id = ?").param(posting).query(BigDecimal.class).single();
    }

    /**
     * The DRG_CORRECTION adjustments of an institution's clearing statement of a month (as previewed, or as
     * issued), once its payable is checked to be its settlements plus its adjustments.
     */
    List<JsonNode> corrections(String month, String institution) {
        JsonNode statement = users.readOnly().get("/api/admin/clearing/" + month + "/" + institution).json();
        assertThat(statement.get("payable").decimalValue())
                .isEqualByComparingTo(statement.get("settlements_payable").decimalValue().add(statement.get("adjustments_total").decimalValue()));
        return statement.get("adjustments").valueStream().filter(a -> a.get("kind").asString().equals("DRG_CORRECTION")).toList();
    }

    static JsonNode byKey(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError(field + " " + value + " not in " + array);
    }
}
