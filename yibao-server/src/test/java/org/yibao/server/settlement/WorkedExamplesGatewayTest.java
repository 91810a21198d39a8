package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import tools.jackson.databind.JsonNode;

/**
 * DOMAIN §4.4 E1–E4 through the national interface (2201 + 2204 + 2207, 2401 + 2301 + 2402 + 2304), field
 * for field, with every reply identity of NATIONAL_INTERFACE §5. Each example is reversed at the end,
 * which must give back the fixtures' balances and accumulators exactly, so the examples do not depend
 * on each other.
 */
@IntegrationTest
class WorkedExamplesGatewayTest {

    static final String ZHANG_MIN = "99010000000000000001";
    static final String LI_QIANG = "99010000000000000002";
    static final String WANG_FANG = "99010000000000000003";
    static final String ZHAO_GANG = "99010000000000000004";

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private BigDecimal balance(String psnNo) {
        return jdbc.sql("select balance from personal_account where psn_no = ?").param(psnNo).query(BigDecimal.class).single();
    }

    private long accumulatorRows(String psnNo) {
        return jdbc.sql("select count(*) from accumulator where psn_no = ? and amount <> 0").param(psnNo).query(Long.class).single();
    }

    static void assertMoney(JsonNode setlinfo, String field, String expected) {
        assertThat(setlinfo.get(field).isNumber()).as(field + " is a JSON number").isTrue();
        assertThat(setlinfo.get(field).decimalValue()).as(field).isEqualByComparingTo(expected);
    }

    static void assertIdentities(JsonNode s, JsonNode details) {
        BigDecimal medfee = s.get("medfee_sumamt").decimalValue();
        assertThat(medfee).isEqualByComparingTo(s.get("fulamt_ownpay_amt").decimalValue().add(s.get("overlmt_selfpay").decimalValue())
                .add(s.get("preselfpay_amt").decimalValue()).add(s.get("inscp_scp_amt").decimalValue()));
        BigDecimal funds = BigDecimal.ZERO;
        for (String f : new String[] {"hifp_pay", "cvlserv_pay", "hifes_pay", "hifmi_pay", "hifob_pay", "maf_pay", "oth_pay"}) {
            funds = funds.add(s.get(f).decimalValue());
        }
        assertThat(s.get("fund_pay_sumamt").decimalValue()).isEqualByComparingTo(funds);
        BigDecimal detailFunds = BigDecimal.ZERO;
        for (JsonNode d : details) {
            String type = d.get("fund_pay_type").asString();
            if (!type.equals("310200") && !type.equals("999996")) {
                detailFunds = detailFunds.add(d.get("fund_payamt").decimalValue());
            }
        }
        assertThat(detailFunds).isEqualByComparingTo(funds);
        BigDecimal psnPart = s.get("psn_part_amt").decimalValue();
        assertThat(psnPart).isEqualByComparingTo(medfee.subtract(funds).subtract(s.get("hosp_part_amt").decimalValue()));
        assertThat(psnPart).isEqualByComparingTo(s.get("acct_pay").decimalValue().add(s.get("psn_cash_pay").decimalValue()));
    }

    private JsonNode settleAndCheck(Visit v, String infno, String medType) {
        FsiClient.Reply r = v.settle(infno, medType, true).ok();
        JsonNode out = r.output();
        assertIdentities(out.get("setlinfo"), out.get("setldetail"));
        assertThat(r.text()).contains("\"err_msg\":null");
        return out.get("setlinfo");
    }

    private void reverseAndCheck(Visit v, String infno, JsonNode setlinfo) {
        JsonNode mirror = v.reverse(infno, setlinfo.get("setl_id").asString()).ok().output().get("setlinfo");
        for (String f : new String[] {"medfee_sumamt", "fund_pay_sumamt", "hifp_pay", "maf_pay", "acct_pay", "psn_cash_pay"}) {
            assertThat(mirror.get(f).decimalValue()).as(f).isEqualByComparingTo(setlinfo.get(f).decimalValue().negate());
        }
        assertIdentities(mirror, v.his.call("5203", Map.of("data", Map.of("psn_no", v.psnNo,
                "setl_id", mirror.get("setl_id").asString()))).ok().output().get("setldetail"));
        assertThat(v.reverse(infno, setlinfo.get("setl_id").asString()).refused().errMsg()).contains("已于此前撤销");
    }

    @Test
    void e1ZhangMinGeneralOutpatientAtTheCommunityCentrePaidFromHerAccount() {
        BigDecimal before = balance(ZHANG_MIN);
        Visit v = new Visit(fsi.as("H99010000003"), ZHANG_MIN, "310");
        v.register().ok();
        v.line("001101000010000", "1", "25.00").line("XC09CAL100A001010101002", "2", "36.50")
                .line("XD11AXM999A001010101005", "1", "88.00").upload("2204").ok();
        JsonNode s = settleAndCheck(v, "2207", "11");

        assertMoney(s, "medfee_sumamt", "186.00");
        assertMoney(s, "fulamt_ownpay_amt", "88.00");
        assertMoney(s, "overlmt_selfpay", "5.00");
        assertMoney(s, "preselfpay_amt", "7.30");
        assertMoney(s, "inscp_scp_amt", "85.70");
        assertMoney(s, "act_pay_dedc", "85.70");
        assertMoney(s, "hifp_pay", "0.00");
        assertThat(s.get("pool_prop_selfpay").decimalValue()).isEqualByComparingTo("0.80");
        assertMoney(s, "fund_pay_sumamt", "0.00");
        assertMoney(s, "psn_part_amt", "186.00");
        assertMoney(s, "acct_pay", "186.00");
        assertMoney(s, "psn_cash_pay", "0.00");
        assertMoney(s, "balc", before.subtract(new BigDecimal("186.00")).toPlainString());
        assertThat(balance(ZHANG_MIN)).isEqualByComparingTo(before.subtract(new BigDecimal("186.00")));

        reverseAndCheck(v, "2208", s);
        assertThat(balance(ZHANG_MIN)).isEqualByComparingTo(before);
        assertThat(accumulatorRows(ZHANG_MIN)).isZero();
    }

    @Test
    void e2LiQiangChronicOutpatientForDiabetes() {
        BigDecimal before = balance(LI_QIANG);
        Visit v = new Visit(fsi.as("H99010000003"), LI_QIANG, "310");
        v.register().ok();
        v.visitInfo("14", "E11.900").ok();
        v.line("XA10BAE054A001010101001", "6", "42.30").upload("2204").ok();
        JsonNode s = settleAndCheck(v, "2207", "14");

        assertMoney(s, "medfee_sumamt", "253.80");
        assertMoney(s, "inscp_scp_amt", "253.80");
        assertMoney(s, "act_pay_dedc", "0.00");
        assertThat(s.get("pool_prop_selfpay").decimalValue()).isEqualByComparingTo("0.60");
        assertMoney(s, "hifp_pay", "152.28");
        assertMoney(s, "psn_part_amt", "101.52");
        assertMoney(s, "acct_pay", "101.52");
        assertMoney(s, "balc", before.subtract(new BigDecimal("101.52")).toPlainString());

        reverseAndCheck(v, "2208", s);
        assertThat(balance(LI_QIANG)).isEqualByComparingTo(before);
        assertThat(accumulatorRows(LI_QIANG)).isZero();
    }

    @Test
    void e3WangFangPaysFromHerDaughtersAccountButNotForTheHealthCheck() {
        BigDecimal binderBefore = balance(ZHANG_MIN);
        Visit v = new Visit(fsi.as("H99010000002"), WANG_FANG, "390");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").line("002101000010000", "1", "220.00")
                .line("003101000010000", "1", "300.00").upload("2204").ok();
        JsonNode s = settleAndCheck(v, "2207", "11");

        assertMoney(s, "medfee_sumamt", "540.00");
        assertMoney(s, "fulamt_ownpay_amt", "300.00");
        assertMoney(s, "overlmt_selfpay", "20.00");
        assertMoney(s, "preselfpay_amt", "20.00");
        assertMoney(s, "inscp_scp_amt", "200.00");
        assertMoney(s, "act_pay_dedc", "100.00");
        assertThat(s.get("pool_prop_selfpay").decimalValue()).isEqualByComparingTo("0.60");
        assertMoney(s, "hifp_pay", "60.00");
        assertMoney(s, "psn_part_amt", "480.00");
        assertMoney(s, "acct_pay", "180.00");
        assertMoney(s, "acct_mulaid_pay", "180.00");
        assertMoney(s, "psn_cash_pay", "300.00");
        assertMoney(s, "balc", "0.00");
        assertThat(balance(ZHANG_MIN)).isEqualByComparingTo(binderBefore.subtract(new BigDecimal("180.00")));

        reverseAndCheck(v, "2208", s);
        assertThat(balance(ZHANG_MIN)).isEqualByComparingTo(binderBefore);
        assertThat(accumulatorRows(WANG_FANG)).isZero();
    }

    @Test
    void e4ZhaoGangReferredUpForAnAppendectomyWithMedicalAssistance() {
        jdbc.sql("""
                        insert into referral (trt_dcla_detl_sn, psn_no, from_fixmedins_code, to_fixmedins_code, refl_type, diag_code,
                            begndate, enddate, hosp_agre_refl_flag, channel, recorded_at)
                        values ('E4-' || nextval('visit_seq'), ?, 'H99010000003', 'H99010000001', '1', 'K35.800',
                            current_date - 30, current_date + 60, true, 'CONSOLE', now())""")
                .param(ZHAO_GANG).update();
        FsiClient hospital = fsi.as("H99010000001");
        Visit v = new Visit(hospital, ZHAO_GANG, "390");
        FsiClient.Reply admitted = v.admit("21", "K35.800").ok();
        JsonNode admission = admitted.output().get("result");
        assertThat(admission.get("dpst_waiv_flag").asString()).isEqualTo("1");
        // R-INS-6: the warn_msg says why no deposit is taken, and the admission used the referral filed for it.
        assertThat(admitted.warnMsg()).contains("特困人员", "免收住院押金", "转诊备案 E4-");
        v.line("003102000010000", "1", "1200.00").line("001103000010000", "5", "60.00").line("001102000010000", "5", "30.00")
                .line("XJ01DCT013B002010101003", "10", "55.00").line("C0102030400001010101001", "10", "12.00").upload("2301").ok();
        assertThat(v.settle("2304", "21", false).refused().errMsg()).contains("2402");
        v.discharge().ok();
        JsonNode s = settleAndCheck(v, "2304", "21");

        assertMoney(s, "medfee_sumamt", "2320.00");
        assertMoney(s, "preselfpay_amt", "79.00");
        assertMoney(s, "inscp_scp_amt", "2241.00");
        assertMoney(s, "act_pay_dedc", "800.00");
        assertThat(s.get("pool_prop_selfpay").decimalValue()).isEqualByComparingTo("0.65");
        assertMoney(s, "hifp_pay", "936.65");
        assertMoney(s, "maf_pay", "1304.35");
        assertMoney(s, "fund_pay_sumamt", "2241.00");
        assertMoney(s, "psn_part_amt", "79.00");
        assertMoney(s, "psn_cash_pay", "79.00");
        assertThat(s.get("setl_proc_info").asString()).contains("上转诊");

        reverseAndCheck(v, "2305", s);
        assertThat(accumulatorRows(ZHAO_GANG)).isZero();
        // The stay is open again (discharged, not settled): cancel discharge and admission to leave the fixture clean.
        hospital.call("2405", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "psn_no", ZHAO_GANG))).ok();
        hospital.call("2404", Map.of("data", Map.of("mdtrt_id", v.mdtrtId, "psn_no", ZHAO_GANG))).ok();
    }
}
