package org.yibao.server.settlement;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import tools.jackson.databind.JsonNode;

/** 5206 accumulators, 2001 benefit check, 2601 冲正 and 3201/3202 reconciliation through the interface. */
@IntegrationTest
class AccountingTransactionsTest {

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private String employee(int offset) {
        return jdbc.sql("""
                        select p.psn_no from person p join personal_account a on a.psn_no = p.psn_no
                        where p.insutype = '310' and p.insured_admdvs = '990100' and p.valid_to is null and p.status = 'NORMAL'
                          and p.psn_no not like '9901000000000000000%' and a.balance > 500
                          and not exists (select 1 from mutual_aid_binding b where b.member_psn_no = p.psn_no or b.binder_psn_no = p.psn_no)
                        order by p.psn_no limit 1 offset ?""").param(offset).query(String.class).single();
    }

    private JsonNode settledVisit(FsiClient his, String psnNo) {
        Visit v = new Visit(his, psnNo, "310");
        v.register().ok();
        v.line("001101000010000", "1", "20.00").line("XC09CAL100A001010101002", "2", "36.50").upload("2204").ok();
        return v.settle("2207", "11", true).ok().output().get("setlinfo");
    }

    @Test
    void accumulatorsAreReportedByKeyForTheYear() {
        String psn = employee(0);
        settledVisit(fsi.as("H99010000004"), psn);
        JsonNode cum = fsi.as("H99010000004").call("5206", Map.of("data", Map.of("psn_no", psn,
                "cum_ym", LocalDate.now(BusinessTime.ZONE).getYear() + "01"))).ok().output().get("cuminfo");
        Map<String, String> byKey = new LinkedHashMap<>();
        cum.forEach(c -> byKey.put(c.get("cum_type_code").asString(), c.get("cum").decimalValue().toPlainString()));
        assertThat(byKey).containsKey("outpatient_deductible_used");
        assertThat(fsi.as("H99010000004").call("5206", Map.of("data", Map.of("psn_no", psn, "cum_ym", "2026-1")))
                .refused().errMsg()).contains("cum_ym", "yyyyMM");
    }

    @Test
    void benefitCheckNamesWhatIsMissing() {
        FsiClient centre = fsi.as("H99010000003");
        JsonNode rows = centre.call("2001", Map.of("data", Map.of("psn_no", "99010000000000000003", "insutype", "390",
                "med_type", "14", "dise_codg", "E11.900"))).ok().output().get("trtinfo");
        assertThat(rows.toString()).contains("参保状态正常", "未认定", "2503");
        JsonNode liQiang = centre.call("2001", Map.of("data", Map.of("psn_no", "99010000000000000002", "insutype", "310",
                "med_type", "14", "dise_codg", "E11.900"))).ok().output().get("trtinfo");
        liQiang.forEach(r -> assertThat(r.get("trt_enjymnt_flag").asString()).as(r.toString()).isEqualTo("1"));
    }

    @Test
    void aSettlementIsUndoneByItsMsgidOnceAndTheBalanceComesBack() {
        String psn = employee(1);
        FsiClient his = fsi.as("H99010000004");
        java.math.BigDecimal before = jdbc.sql("select balance from personal_account where psn_no = ?").param(psn)
                .query(java.math.BigDecimal.class).single();
        JsonNode s = settledVisit(his, psn);
        String msgid = s.get("medins_setl_id").asString();
        JsonNode mirror = his.call("2601", Map.of("data", Map.of("psn_no", psn, "omsgid", msgid, "oinfno", "2207")))
                .ok().output().get("setlinfo");
        assertThat(mirror.get("medfee_sumamt").decimalValue()).isEqualByComparingTo(s.get("medfee_sumamt").decimalValue().negate());
        assertThat(jdbc.sql("select balance from personal_account where psn_no = ?").param(psn)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo(before);
        assertThat(his.call("2601", Map.of("data", Map.of("psn_no", psn, "omsgid", msgid, "oinfno", "2207"))).refused().errMsg())
                .contains("已于此前撤销");
        // Another institution cannot undo it, nor learn that it exists.
        assertThat(fsi.as("H99010000003").call("2601", Map.of("data", Map.of("psn_no", psn, "omsgid", msgid, "oinfno", "2207")))
                .refused().errMsg()).contains("本机构没有");
    }

    @Test
    void aRegistrationIsUndoneByItsMsgid() {
        String psn = employee(2);
        FsiClient his = fsi.as("H99010000004");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("psn_no", psn);
        data.put("insutype", "310");
        data.put("begntime", Visit.now());
        data.put("mdtrt_cert_type", "02");
        data.put("mdtrt_cert_no", "X");
        data.put("ipt_otp_no", "OP-UNDO");
        String msgid = his.newMsgid();
        FsiClient.Reply reg = his.send(FsiClient.bytes(his.envelope("2201", msgid, "990100", Map.of("data", data)))).ok();
        String mdtrtId = reg.output().get("data").get("mdtrt_id").asString();
        his.call("2601", Map.of("data", Map.of("psn_no", psn, "omsgid", msgid, "oinfno", "2201"))).ok();
        assertThat(jdbc.sql("select status from visit where mdtrt_id = ?").param(mdtrtId).query(String.class).single())
                .isEqualTo("CANCELLED");
        assertThat(his.call("2601", Map.of("data", Map.of("psn_no", psn, "omsgid", msgid, "oinfno", "2201"))).refused().errMsg())
                .contains("已冲正");
    }

    @Test
    void reconciliationOfTotalsAndDetailsFindsTheDifference() {
        String psn = employee(3);
        FsiClient his = fsi.as("H99010000004");
        JsonNode s = settledVisit(his, psn);
        String today = LocalDate.now(BusinessTime.ZONE).toString();
        var totals = jdbc.sql("""
                        select coalesce(sum(medfee_sumamt), 0) m, coalesce(sum(fund_pay_sumamt), 0) f, coalesce(sum(acct_pay), 0) a,
                               count(*) filter (where reverses_setl_id is null) - count(*) filter (where reverses_setl_id is not null) c
                        from settlement where fixmedins_code = 'H99010000004' and insured_admdvs = '990100'
                          and setl_time >= cast(? as date) and setl_time < cast(? as date) + 1 and insutype = '310' and clr_type = '11'""")
                .params(today, today).query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4)}).single();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("insutype", "310");
        data.put("clr_type", "11");
        data.put("setl_optins", "990100");
        data.put("stmt_begndate", today);
        data.put("stmt_enddate", today);
        data.put("medfee_sumamt", totals[0]);
        data.put("fund_pay_sumamt", totals[1]);
        data.put("acct_pay", totals[2]);
        data.put("fixmedins_setl_cnt", totals[3]);
        JsonNode ok = his.call("3201", Map.of("data", data)).ok().output().get("stmtinfo");
        assertThat(ok.get("stmt_rslt").asString()).isEqualTo("0");
        data.put("acct_pay", ((java.math.BigDecimal) totals[2]).add(java.math.BigDecimal.ONE));
        JsonNode off = his.call("3201", Map.of("data", data)).ok().output().get("stmtinfo");
        assertThat(off.get("stmt_rslt").asString()).isEqualTo("1");
        assertThat(off.get("stmt_rslt_dscr").asString()).contains("个人账户支付");

        // 3202: the institution's file misses nothing but states one settlement with a wrong amount.
        String setlId = s.get("setl_id").asString();
        StringBuilder file = new StringBuilder("setl_id,mdtrt_id,psn_no,medfee_sumamt,fund_pay_sumamt,acct_pay,refd_setl_flag\n");
        jdbc.sql("""
                        select setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay from settlement
                        where fixmedins_code = 'H99010000004' and insured_admdvs = '990100' and setl_time >= cast(? as date)""")
                .param(today).query(rs -> {
                    boolean wrong = rs.getString(1).equals(setlId);
                    file.append(rs.getString(1)).append(',').append(rs.getString(2)).append(',').append(rs.getString(3)).append(',')
                            .append(wrong ? rs.getBigDecimal(4).add(java.math.BigDecimal.TEN) : rs.getBigDecimal(4)).append(',')
                            .append(rs.getBigDecimal(5)).append(',').append(rs.getBigDecimal(6)).append(",0\n");
                });
        String fileNo = "T3202-" + System.nanoTime();
        jdbc.sql("insert into fsi_file (file_qury_no, fixmedins_code, filename, content, uploaded_at) values (?, 'H99010000004', 'stmt.csv', ?, now())")
                .params(fileNo, file.toString().getBytes(StandardCharsets.UTF_8)).update();
        Map<String, Object> d2 = new LinkedHashMap<>();
        d2.put("setl_optins", "990100");
        d2.put("file_qury_no", fileNo);
        d2.put("stmt_begndate", today);
        d2.put("stmt_enddate", today);
        d2.put("medfee_sumamt", totals[0]);
        d2.put("fund_pay_sumamt", totals[1]);
        d2.put("cash_payamt", "0");
        d2.put("fixmedins_setl_cnt", totals[3]);
        JsonNode detail = his.call("3202", Map.of("data", d2)).ok().output();
        assertThat(detail.get("result")).hasSize(1);
        assertThat(detail.get("result").get(0).get("setl_id").asString()).isEqualTo(setlId);
        assertThat(fsi.as("H99010000003").call("3202", Map.of("data", d2)).refused().errMsg()).contains("不存在或不属于本机构");
    }
}
