package org.yibao.server.settlement;

import org.yibao.server.platform.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yibao.server.support.FsiClient;
import tools.jackson.databind.JsonNode;

/** Test helper: one visit driven through the national interface as an HIS drives it. */
public final class Visit {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final FsiClient his;
    final String psnNo;
    final String insutype;
    public String mdtrtId;
    final List<Map<String, Object>> lines = new ArrayList<>();
    JsonNode uploadResult;
    private int serial;

    public Visit(FsiClient his, String psnNo, String insutype) {
        this.his = his;
        this.psnNo = psnNo;
        this.insutype = insutype;
    }

    public static String now() {
        return fiveMinutesAgoToday(LocalDateTime.now(BusinessTime.ZONE)).format(TIME);
    }

    /**
     * Five minutes ago on the HIS's clock (which follows the platform's, see FsiClients), but not before today began: in
     * the first five minutes after midnight (China time) a visit would otherwise fall on yesterday, before anything a
     * test set up "from today" (a mutual-aid binding, a recognition), and the test would fail only then.
     */
    String time() {
        return fiveMinutesAgoToday(his.now()).format(TIME);
    }

    private static LocalDateTime fiveMinutesAgoToday(LocalDateTime now) {
        LocalDateTime earlier = now.minusMinutes(5);
        return earlier.toLocalDate().equals(now.toLocalDate()) ? earlier : now.toLocalDate().atStartOfDay();
    }

    public FsiClient.Reply register() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("psn_no", psnNo);
        data.put("insutype", insutype);
        data.put("begntime", time());
        data.put("mdtrt_cert_type", "02");
        data.put("mdtrt_cert_no", "ID");
        data.put("ipt_otp_no", "OP" + System.nanoTime());
        data.put("atddr_no", "D001");
        data.put("dr_name", "李医生");
        data.put("dept_code", "A03");
        data.put("dept_name", "内科");
        data.put("caty", "A03");
        FsiClient.Reply r = his.call("2201", Map.of("data", data));
        if (r.infcode() == 0) {
            mdtrtId = r.output().get("data").get("mdtrt_id").asString();
        }
        return r;
    }

    public FsiClient.Reply admit(String medType, String diseCodg) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("psn_no", psnNo);
        info.put("insutype", insutype);
        info.put("begntime", his.now().minusDays(5).format(TIME));
        info.put("mdtrt_cert_type", "02");
        info.put("mdtrt_cert_no", "ID");
        info.put("med_type", medType);
        info.put("ipt_no", "IP" + System.nanoTime());
        info.put("atddr_no", "D002");
        info.put("chfpdr_name", "王医生");
        info.put("adm_dept_codg", "A04");
        info.put("adm_dept_name", "外科");
        info.put("dise_codg", diseCodg);
        info.put("dise_name", "");
        FsiClient.Reply r = his.call("2401", Map.of("mdtrtinfo", info, "diseinfo", List.of(Map.of("diag_type", "1",
                "maindiag_flag", "1", "diag_srt_no", 1, "diag_code", diseCodg, "diag_name", "诊断"))));
        if (r.infcode() == 0) {
            mdtrtId = r.output().get("result").get("mdtrt_id").asString();
        }
        return r;
    }

    public FsiClient.Reply discharge() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("mdtrt_id", mdtrtId);
        info.put("psn_no", psnNo);
        info.put("insutype", insutype);
        info.put("endtime", time());
        info.put("dscg_way", "1");
        return his.call("2402", Map.of("dscginfo", info));
    }

    public FsiClient.Reply visitInfo(String medType, String diseCodg) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("mdtrt_id", mdtrtId);
        info.put("psn_no", psnNo);
        info.put("med_type", medType);
        info.put("begntime", time());
        info.put("dise_codg", diseCodg);
        return his.call("2203", Map.of("mdtrtinfo", info));
    }

    public Visit line(String code, String cnt, String pric) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("feedetl_sn", "F" + (++serial));
        l.put("mdtrt_id", mdtrtId);
        l.put("psn_no", psnNo);
        l.put("chrg_bchno", "B1");
        l.put("fee_ocur_time", time());
        l.put("med_list_codg", code);
        l.put("medins_list_codg", "H-" + code);
        l.put("det_item_fee_sumamt", new BigDecimal(cnt).multiply(new BigDecimal(pric)).setScale(2, java.math.RoundingMode.HALF_UP));
        l.put("cnt", new BigDecimal(cnt));
        l.put("pric", new BigDecimal(pric));
        l.put("hosp_appr_flag", "1");
        lines.add(l);
        return this;
    }

    /** A line that occurred at {@code occurred} instead of five minutes ago (R-INST-3: a late upload). */
    public Visit lineAt(String code, String cnt, String pric, LocalDateTime occurred) {
        line(code, cnt, pric);
        lines.get(lines.size() - 1).put("fee_ocur_time", occurred.format(TIME));
        return this;
    }

    /** Uploads one fresh line in a message of its own, not kept for settlement (R-INST-3: one more submitted message). */
    public FsiClient.Reply uploadSingle(String infno, String code) {
        line(code, "1", "20.00");
        return his.call(infno, Map.of("feedetail", List.of(lines.remove(lines.size() - 1))));
    }

    public FsiClient.Reply upload(String infno) {
        FsiClient.Reply r = his.call(infno, Map.of("feedetail", lines));
        if (r.infcode() == 0) {
            uploadResult = r.output().get("result");
        }
        return r;
    }

    BigDecimal sum(String field) {
        BigDecimal s = BigDecimal.ZERO;
        for (JsonNode n : uploadResult) {
            s = s.add(n.get(field).decimalValue());
        }
        return s;
    }

    Map<String, Object> settlementData(String medType, boolean acctUsed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("psn_no", psnNo);
        data.put("mdtrt_cert_type", "02");
        data.put("mdtrt_cert_no", "ID");
        data.put("med_type", medType);
        data.put("medfee_sumamt", sum("det_item_fee_sumamt"));
        data.put("psn_setlway", "01");
        data.put("mdtrt_id", mdtrtId);
        data.put("chrg_bchno", "0000");
        data.put("acct_used_flag", acctUsed ? "1" : "0");
        data.put("insutype", insutype);
        data.put("invono", "INV" + System.nanoTime());
        data.put("fulamt_ownpay_amt", sum("fulamt_ownpay_amt"));
        data.put("overlmt_selfpay", sum("overlmt_amt"));
        data.put("preselfpay_amt", sum("preselfpay_amt"));
        data.put("inscp_scp_amt", sum("inscp_scp_amt"));
        return data;
    }

    public FsiClient.Reply settle(String infno, String medType, boolean acctUsed) {
        Map<String, Object> data = settlementData(medType, acctUsed);
        if (infno.startsWith("230")) {
            data.put("mid_setl_flag", "0");
        }
        return his.call(infno, Map.of("data", data));
    }

    /**
     * Cancels every unsettled fee line of the stay (2302 with feedetl_sn "0000"), so that its lines can be
     * uploaded anew (with new serials) before settling it again.
     */
    public FsiClient.Reply cancelAllFees() {
        FsiClient.Reply r = his.call("2302", Map.of("data", Map.of("mdtrt_id", mdtrtId, "psn_no", psnNo, "feedetl_sn", "0000")));
        if (r.infcode() == 0) {
            lines.clear();
            uploadResult = null;
        }
        return r;
    }

    public FsiClient.Reply reverse(String infno, String setlId) {
        return his.call(infno, Map.of("data", Map.of("setl_id", setlId, "mdtrt_id", mdtrtId, "psn_no", psnNo)));
    }
}
