package org.yibao.bench.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;

/** Visits as an HIS drives them through the national interface: 2201 → 2204 → 2207, and variants. */
public final class Visits {

    /** Catalogue items of region 990100 (DOMAIN §2.4) with plausible prices. */
    static final String[][] ITEMS = {
            {"001101000010000", "20.00"}, {"XC09CAL100A001010101002", "36.50"}, {"XA10BAE054A001010101001", "42.30"},
            {"002101000010000", "220.00"}, {"C0102030400001010101001", "12.00"}, {"XJ01DCT013B002010101003", "55.00"},
            {"XD11AXM999A001010101005", "88.00"}, {"003101000010000", "300.00"}};

    private Visits() {}

    /** What one call answered, for the caller's statistics. */
    public interface Recorder {
        void record(String infno, HisClient.Reply reply);
    }

    public static final class Failed extends Exception {
        public Failed(String infno, HisClient.Reply reply) {
            super(infno + ": " + reply.errMsg());
        }
    }

    private static HisClient.Reply checked(String infno, HisClient.Reply reply, Recorder recorder) throws Failed {
        recorder.record(infno, reply);
        if (!reply.ok()) {
            throw new Failed(infno, reply);
        }
        return reply;
    }

    /** 9001 sign-in of operator D001; returns the sign_no. */
    public static String signIn(HisClient his, Recorder recorder) throws IOException, Failed {
        return checked("9001", his.call("9001", null, Map.of("signIn", Map.of("opter_no", "D001", "mac", "00:16:3e:00:00:01",
                "ip", "10.0.0.1"))), recorder).output().get("signinoutb").get("sign_no").asString();
    }

    /** 2201 registration now; returns the mdtrt_id. */
    public static String register(HisClient his, DemoPopulation.Person p, Recorder recorder)
            throws IOException, Failed {
        return register(his, p, HisClient.now(), "OP" + System.nanoTime(), recorder);
    }

    /** 2201 registration at {@code begntime} under the HIS's outpatient number; returns the mdtrt_id. */
    public static String register(HisClient his, DemoPopulation.Person p, String begntime, String iptOtpNo, Recorder recorder)
            throws IOException, Failed {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("psn_no", p.psnNo());
        data.put("insutype", p.insutype());
        data.put("begntime", begntime);
        data.put("mdtrt_cert_type", "02");
        data.put("mdtrt_cert_no", p.certno());
        data.put("ipt_otp_no", iptOtpNo);
        data.put("atddr_no", "D001");
        data.put("dr_name", "医生");
        data.put("dept_code", "A03");
        data.put("dept_name", "内科");
        data.put("caty", "A03");
        return checked("2201", his.call("2201", p.admdvs(), Map.of("data", data)), recorder)
                .output().get("data").get("mdtrt_id").asString();
    }

    /**
     * One fee line as an HIS uploads it: when and how much; {@code prdDays} (days supplied) and {@code memo} (a CT
     * result {@code exam_rslt=1|0}) only when given.
     */
    public record Fee(String feedetlSn, String itemCode, String time, BigDecimal cnt, BigDecimal pric, BigDecimal sumamt, Integer prdDays,
                      String memo) {}

    /** The fee line's wire shape ({@code feedetail[]} of 2204 and 2301); {@code batch} (chrg_bchno) for outpatient lines only. */
    public static Map<String, Object> feeLine(String mdtrtId, DemoPopulation.Person p, String batch, Fee fee) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("feedetl_sn", fee.feedetlSn());
        l.put("mdtrt_id", mdtrtId);
        l.put("psn_no", p.psnNo());
        if (batch != null) {
            l.put("chrg_bchno", batch);
        }
        l.put("fee_ocur_time", fee.time());
        l.put("med_list_codg", fee.itemCode());
        l.put("medins_list_codg", "H" + fee.itemCode());
        l.put("det_item_fee_sumamt", fee.sumamt());
        l.put("cnt", fee.cnt());
        l.put("pric", fee.pric());
        l.put("bilg_dept_codg", "A03");
        l.put("bilg_dr_codg", "D001");
        l.put("hosp_appr_flag", "1");
        if (fee.prdDays() != null) {
            l.put("prd_days", fee.prdDays());
        }
        if (fee.memo() != null) {
            l.put("memo", fee.memo());
        }
        return l;
    }

    /** 2204 with {@code count} lines; returns the reply's result[]. */
    public static JsonNode upload(HisClient his, DemoPopulation.Person p, String mdtrtId, int count, SplittableRandom random,
                                  Recorder recorder) throws IOException, Failed {
        List<Map<String, Object>> lines = new ArrayList<>();
        String time = HisClient.now();
        for (int i = 0; i < count; i++) {
            String[] item = ITEMS[random.nextInt(ITEMS.length)];
            BigDecimal cnt = BigDecimal.valueOf(1 + random.nextInt(3));
            BigDecimal pric = new BigDecimal(item[1]);
            lines.add(feeLine(mdtrtId, p, "1", new Fee(String.valueOf(i + 1), item[0], time, cnt, pric,
                    cnt.multiply(pric).setScale(2, RoundingMode.HALF_UP), null, null)));
        }
        return upload(his, "2204", p, lines, recorder);
    }

    /** 2204 (outpatient) or 2301 (inpatient) of the given lines; returns the reply's result[]. */
    public static JsonNode upload(HisClient his, String infno, DemoPopulation.Person p, List<Map<String, Object>> lines, Recorder recorder)
            throws IOException, Failed {
        return checked(infno, his.call(infno, p.admdvs(), Map.of("feedetail", lines)), recorder).output().get("result");
    }

    /** 2205: cancels the lines of one batch (chrg_bchno) not settled yet, as an HIS refunds an outpatient charge. */
    public static void cancel(HisClient his, DemoPopulation.Person p, String mdtrtId, String batch, Recorder recorder) throws IOException, Failed {
        checked("2205", his.call("2205", p.admdvs(), Map.of("data", Map.of("mdtrt_id", mdtrtId, "chrg_bchno", batch, "psn_no", p.psnNo()))),
                recorder);
    }

    /** 2401 admission at {@code begntime} with the diagnoses (the first the main one); returns the mdtrt_id. */
    public static String admit(HisClient his, DemoPopulation.Person p, String begntime, String iptNo, List<String> diagnoses, Recorder recorder)
            throws IOException, Failed {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("psn_no", p.psnNo());
        info.put("insutype", p.insutype());
        info.put("begntime", begntime);
        info.put("mdtrt_cert_type", "02");
        info.put("mdtrt_cert_no", p.certno());
        info.put("med_type", "21");
        info.put("ipt_no", iptNo);
        info.put("atddr_no", "D002");
        info.put("chfpdr_name", "医生");
        info.put("adm_dept_codg", "A04");
        info.put("adm_dept_name", "内科");
        info.put("dise_codg", diagnoses.get(0));
        List<Map<String, Object>> diseinfo = new ArrayList<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            diseinfo.add(Map.of("diag_type", "1", "maindiag_flag", i == 0 ? "1" : "0", "diag_srt_no", i + 1, "diag_code", diagnoses.get(i),
                    "diag_name", "诊断"));
        }
        return checked("2401", his.call("2401", p.admdvs(), Map.of("mdtrtinfo", info, "diseinfo", diseinfo)), recorder)
                .output().get("result").get("mdtrt_id").asString();
    }

    /** 2402 discharge at {@code endtime}. */
    public static void discharge(HisClient his, DemoPopulation.Person p, String mdtrtId, String endtime, Recorder recorder)
            throws IOException, Failed {
        checked("2402", his.call("2402", p.admdvs(), Map.of("dscginfo", Map.of("mdtrt_id", mdtrtId, "psn_no", p.psnNo(),
                "insutype", p.insutype(), "endtime", endtime, "dscg_way", "1"))), recorder);
    }

    private static BigDecimal sum(JsonNode result, String field) {
        BigDecimal s = BigDecimal.ZERO;
        for (JsonNode n : result) {
            s = s.add(n.get(field).decimalValue());
        }
        return s;
    }

    /** 2206 (pre) or 2207 with the sums of the upload reply; returns setlinfo. */
    public static JsonNode settle(HisClient his, String infno, DemoPopulation.Person p, String mdtrtId, String medType,
                                  JsonNode result, Recorder recorder) throws IOException, Failed {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("psn_no", p.psnNo());
        data.put("mdtrt_cert_type", "02");
        data.put("mdtrt_cert_no", p.certno());
        data.put("med_type", medType);
        data.put("medfee_sumamt", sum(result, "det_item_fee_sumamt"));
        data.put("psn_setlway", "01");
        data.put("mdtrt_id", mdtrtId);
        data.put("chrg_bchno", "0000");
        data.put("acct_used_flag", "1");
        data.put("insutype", p.insutype());
        data.put("invono", "INV" + System.nanoTime());
        data.put("fulamt_ownpay_amt", sum(result, "fulamt_ownpay_amt"));
        data.put("overlmt_selfpay", sum(result, "overlmt_amt"));
        data.put("preselfpay_amt", sum(result, "preselfpay_amt"));
        data.put("inscp_scp_amt", sum(result, "inscp_scp_amt"));
        return checked(infno, his.call(infno, p.admdvs(), Map.of("data", data)), recorder).output().get("setlinfo");
    }

    /** A whole outpatient visit: registration, {@code lines} fee lines, settlement. */
    public static JsonNode outpatient(HisClient his, DemoPopulation.Person p, int lines, SplittableRandom random, Recorder recorder)
            throws IOException, Failed {
        String mdtrtId = register(his, p, recorder);
        JsonNode result = upload(his, p, mdtrtId, lines, random, recorder);
        return settle(his, "2207", p, mdtrtId, "11", result, recorder);
    }
}
