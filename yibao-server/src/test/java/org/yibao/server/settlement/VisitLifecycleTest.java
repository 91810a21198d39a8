package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import tools.jackson.databind.JsonNode;

/**
 * The visit life cycle through the interface: registered → fees → settled → reversed; admitted →
 * discharged → settled; out-of-order calls refused with what is expected; a replayed settlement
 * answered byte for byte without settling twice; mid-stay settlements sharing one deductible.
 */
@IntegrationTest
class VisitLifecycleTest {

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private String resident(int offset) {
        return jdbc.sql("""
                        select psn_no from person p where insutype = '390' and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%'
                          and not exists (select 1 from mutual_aid_binding b where b.member_psn_no = p.psn_no)
                        order by psn_no limit 1 offset ?""").param(100 + offset).query(String.class).single();
    }

    private long settlements(String mdtrtId) {
        return jdbc.sql("select count(*) from settlement where mdtrt_id = ?").param(mdtrtId).query(Long.class).single();
    }

    @Test
    void aReplayedSettlementIsAnsweredByteForByteAndSettlesOnce() {
        Visit v = new Visit(fsi.as("H99010000004"), resident(0), "390");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").upload("2204").ok();
        byte[] body = FsiClient.bytes(v.his.envelope("2207", v.his.newMsgid(), "990100",
                Map.of("data", v.settlementData("11", false))));
        FsiClient.Reply first = v.his.send(body).ok();
        FsiClient.Reply again = v.his.send(body).ok();
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(settlements(v.mdtrtId)).isEqualTo(1);
    }

    @Test
    void outOfOrderCallsAreRefusedWithWhatIsExpected() {
        Visit v = new Visit(fsi.as("H99010000004"), resident(1), "390");
        v.register().ok();
        v.line("001101000010000", "1", "20.00");
        v.uploadResult = FsiClient.JSON.readTree("[{\"det_item_fee_sumamt\":20.00,\"fulamt_ownpay_amt\":0,\"overlmt_amt\":0,"
                + "\"preselfpay_amt\":0,\"inscp_scp_amt\":20.00}]");
        assertThat(v.settle("2207", "11", false).refused().errMsg()).contains("没有待结算的费用明细", "2204");
        v.upload("2204").ok();
        assertThat(v.upload("2204").refused().errMsg()).contains("已上传过");
        JsonNode s = v.settle("2207", "11", false).ok().output().get("setlinfo");
        assertThat(v.settle("2207", "11", false).refused().errMsg()).contains("已结算");
        v.lines.clear();
        v.line("001101000010000", "1", "20.00");
        v.lines.get(0).put("feedetl_sn", "LATE");
        assertThat(v.upload("2204").refused().errMsg()).contains("已结算", "2208");
        assertThat(v.his.call("2202", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "psn_no", v.psnNo, "ipt_otp_no", "x")))
                .refused().errMsg()).contains("已结算", "2208");
        // An outpatient visit is not an admission.
        assertThat(v.his.call("2402", Map.of("dscginfo", Map.of("mdtrt_id", v.mdtrtId, "psn_no", v.psnNo, "endtime", Visit.now())))
                .refused().errMsg()).contains("门诊");
        v.reverse("2208", s.get("setl_id").asString()).ok();
        // After the reversal the same lines can be settled again.
        v.settle("2207", "11", false).ok();
        assertThat(settlements(v.mdtrtId)).isEqualTo(3);
    }

    @Test
    void feeLinesCanBeCancelledOnlyBeforeSettlement() {
        Visit v = new Visit(fsi.as("H99010000004"), resident(2), "390");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").line("XC09CAL100A001010101002", "2", "36.50").upload("2204").ok();
        v.his.call("2205", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "chrg_bchno", "0000", "psn_no", v.psnNo))).ok();
        assertThat(v.settle("2207", "11", false).refused().errMsg()).contains("没有待结算的费用明细");
        assertThat(v.his.call("2205", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "chrg_bchno", "0000", "psn_no", v.psnNo)))
                .refused().errMsg()).contains("没有");
    }

    @Test
    void aStayWithAMidSettlementAndARefundSharesOneDeductible() {
        String psn = resident(3);
        FsiClient hospital = fsi.as("H99010000002");
        Visit v = new Visit(hospital, psn, "390");
        v.admit("21", "K35.800").ok();
        assertThat(new Visit(fsi.as("H99010000001"), psn, "390").admit("21", "K35.800").refused().errMsg())
                .contains("未结算的住院");
        v.line("001103000010000", "3", "60.00").line("XJ01DCT013B002010101003", "10", "55.00").upload("2301").ok();
        Map<String, Object> mid = v.settlementData("21", false);
        mid.put("mid_setl_flag", "1");
        JsonNode first = hospital.call("2304", Map.of("data", mid)).ok().output().get("setlinfo");
        // The resident's level-2 deductible per admission is 500.00 (policy 990100/2026); in-scope 675.00 covers it.
        assertThat(first.get("act_pay_dedc").decimalValue()).isEqualByComparingTo("500.00");

        v.lines.clear();
        v.line("001103000010000", "2", "60.00");
        Map<String, Object> refund = new LinkedHashMap<>(v.lines.get(0));
        v.lines.add(refund);
        refund.put("feedetl_sn", "R1");
        refund.put("init_feedetl_sn", v.lines.get(0).get("feedetl_sn"));
        refund.put("cnt", new BigDecimal("-1"));
        refund.put("det_item_fee_sumamt", new BigDecimal("-60.00"));
        JsonNode upload = v.upload("2301").ok().output().get("result");
        assertThat(upload.get(1).get("det_item_fee_sumamt").decimalValue()).isEqualByComparingTo("-60.00");
        assertThat(v.settle("2304", "21", false).refused().errMsg()).contains("出院", "2402");
        v.discharge().ok();
        JsonNode last = v.settle("2304", "21", false).ok().output().get("setlinfo");
        assertThat(last.get("medfee_sumamt").decimalValue()).isEqualByComparingTo("60.00");
        // The deductible is paid once for the whole stay: nothing more at the final settlement.
        assertThat(last.get("act_pay_dedc").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(last.get("hifp_pay").decimalValue()).isPositive();
        assertThat(jdbc.sql("select status from visit where mdtrt_id = ?").param(v.mdtrtId).query(String.class).single())
                .isEqualTo("SETTLED");
        assertThat(hospital.call("2404", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "psn_no", psn))).refused().errMsg())
                .contains("已结算");
        List<Long> unbalanced = jdbc.sql("select posting_id from ledger_entry group by posting_id having sum(amount) <> 0")
                .query(Long.class).list();
        assertThat(unbalanced).isEmpty();
    }

    @Test
    void aPharmacyPurchaseIsPaidFromThePersonalAccountOnly() {
        String employee = jdbc.sql("""
                        select p.psn_no from person p join personal_account a on a.psn_no = p.psn_no
                        where p.insutype = '310' and p.insured_admdvs = '990100' and p.valid_to is null and p.status = 'NORMAL'
                          and p.psn_no not like '9901000000000000000%' and a.balance > 200
                          and not exists (select 1 from mutual_aid_binding b where b.member_psn_no = p.psn_no or b.binder_psn_no = p.psn_no)
                        order by p.psn_no limit 1 offset 20""").query(String.class).single();
        Visit v = new Visit(fsi.as("P99010000001"), employee, "310");
        v.register().ok();
        v.line("XC09CAL100A001010101002", "2", "36.50").upload("2204").ok();
        JsonNode s = v.settle("2207", "41", true).ok().output().get("setlinfo");
        assertThat(s.get("fund_pay_sumamt").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(s.get("acct_pay").decimalValue()).isEqualByComparingTo("73.00");
        assertThat(s.get("clr_type").asString()).isEqualTo("41");
    }
}
