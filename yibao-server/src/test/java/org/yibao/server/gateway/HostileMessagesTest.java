package org.yibao.server.gateway;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 4 "Bad input": a seeded corpus of more than 10,000 malformed or hostile messages — broken JSON,
 * wrong types, missing and overlong fields, control characters, unknown codes, bad signatures, stale
 * timestamps, another institution's visit, negative amounts, sums that do not add up, calls out of
 * order. Every one is answered HTTP 200 with infcode −1 and a specific err_msg (never the internal-error
 * text), and nothing in the domain tables changes.
 */
@IntegrationTest
class HostileMessagesTest {

    static final String[] TABLES = {"visit", "visit_diagnosis", "fee_line", "settlement", "settlement_fund", "settlement_mutual_aid",
            "settlement_accumulation", "accumulator", "accumulator_note", "personal_account", "personal_account_entry",
            "ledger_posting", "ledger_entry", "fsi_sign_in", "case_record", "referral", "fsi_file", "chronic_recognition",
            "designated_institution"};
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.yibao.server.demo.DemoHistory history;

    /** A message to send: the body, the client that signs it, and how (normal, or a broken signature). */
    record Hostile(String what, FsiClient client, byte[] body, String key, String signature) {}

    private Map<String, String> snapshot() {
        Map<String, String> s = new LinkedHashMap<>();
        for (String t : TABLES) {
            s.put(t, jdbc.sql("select count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) from " + t + " x").query(String.class).single());
        }
        return s;
    }

    private String person(String insutype, int offset) {
        return jdbc.sql("""
                        select psn_no from person p where insutype = ? and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%'
                          and not exists (select 1 from mutual_aid_binding b where b.member_psn_no = p.psn_no or b.binder_psn_no = p.psn_no)
                        order by psn_no desc limit 1 offset ?""").params(insutype, offset).query(String.class).single();
    }

    private static ObjectNode node(Object o) {
        return (ObjectNode) FsiClient.JSON.valueToTree(o);
    }

    private static String now(int minusMinutes) {
        return LocalDateTime.now(BusinessTime.ZONE).minusMinutes(minusMinutes).format(TIME);
    }

    @Test
    void tenThousandHostileMessagesAreAllRefusedClearlyAndChangeNothing() throws Exception {
        FsiClient centre = fsi.as("H99010000004");
        FsiClient hospital = fsi.as("H99010000002");
        FsiClient stranger = fsi.as("H99010000001");
        String p1 = person("390", 40);
        String p2 = person("390", 41);
        String p3 = person("310", 42);

        // The state the hostile messages aim at: an open outpatient visit with fees, a settled one with a
        // reversed settlement and a live one, and an admission with fees.
        String open = centre.call("2201", Map.of("data", Map.of("psn_no", p1, "insutype", "390", "begntime", now(10),
                "mdtrt_cert_type", "02", "mdtrt_cert_no", "x", "ipt_otp_no", "H1"))).ok().output().get("data").get("mdtrt_id").asString();
        centre.call("2204", Map.of("feedetail", List.of(Map.of("feedetl_sn", "1", "mdtrt_id", open, "psn_no", p1, "fee_ocur_time", now(9),
                "med_list_codg", "001101000010000", "det_item_fee_sumamt", "20.00", "cnt", "1", "pric", "20.00", "chrg_bchno", "B1")))).ok();
        String settled = centre.call("2201", Map.of("data", Map.of("psn_no", p1, "insutype", "390", "begntime", now(8),
                "mdtrt_cert_type", "02", "mdtrt_cert_no", "x", "ipt_otp_no", "H2"))).ok().output().get("data").get("mdtrt_id").asString();
        centre.call("2204", Map.of("feedetail", List.of(Map.of("feedetl_sn", "1", "mdtrt_id", settled, "psn_no", p1, "fee_ocur_time", now(7),
                "med_list_codg", "001101000010000", "det_item_fee_sumamt", "20.00", "cnt", "1", "pric", "20.00")))).ok();
        Map<String, Object> settle = new LinkedHashMap<>(Map.of("psn_no", p1, "mdtrt_id", settled, "med_type", "11",
                "medfee_sumamt", "20.00", "psn_setlway", "01", "acct_used_flag", "0", "insutype", "390"));
        String reversed = centre.call("2207", Map.of("data", settle)).ok().output().get("setlinfo").get("setl_id").asString();
        centre.call("2208", Map.of("data", Map.of("setl_id", reversed, "mdtrt_id", settled, "psn_no", p1))).ok();
        String setlId = centre.call("2207", Map.of("data", settle)).ok().output().get("setlinfo").get("setl_id").asString();
        String stay = hospital.call("2401", Map.of("mdtrtinfo", Map.of("psn_no", p2, "insutype", "390", "begntime", now(600),
                "mdtrt_cert_type", "02", "mdtrt_cert_no", "x", "med_type", "21", "ipt_no", "I1"))).ok().output().get("result").get("mdtrt_id").asString();
        hospital.call("2301", Map.of("feedetail", List.of(Map.of("feedetl_sn", "1", "mdtrt_id", stay, "psn_no", p2, "fee_ocur_time", now(500),
                "med_list_codg", "001103000010000", "det_item_fee_sumamt", "60.00", "cnt", "1", "pric", "60.00")))).ok();

        // Filings the cancellations (2502, 2504, 2506) name.
        String referral = centre.call("2501", Map.of("refmedin", Map.of("psn_no", p1, "reflin_medins_no", "H99010000002", "refl_type", "1",
                "diag_code", "I10.x00", "hosp_agre_refl_flag", "1"))).ok().output().get("result").get("trt_dcla_detl_sn").asString();
        String recognition = hospital.call("2503", Map.of("data", Map.of("psn_no", p2, "opsp_dise_code", "I10.x00"))).ok().output()
                .get("result").get("trt_dcla_detl_sn").asString();
        String designation = centre.call("2505", Map.of("data", Map.of("psn_no", p1))).ok().output().get("result")
                .get("trt_dcla_detl_sn").asString();

        // Base messages (each valid or nearly so, never sent as they are) and the fields each must have.
        record Base(String infno, FsiClient client, String insuplc, ObjectNode input, List<String> required, boolean namesAVisit) {}
        Map<String, Object> feeLine = new LinkedHashMap<>(Map.of("feedetl_sn", "N1", "mdtrt_id", open, "psn_no", p1,
                "fee_ocur_time", now(5), "med_list_codg", "XC09CAL100A001010101002", "det_item_fee_sumamt", "73.00", "cnt", "2",
                "pric", "36.50"));
        Map<String, Object> stayLine = new LinkedHashMap<>(feeLine);
        stayLine.put("mdtrt_id", stay);
        stayLine.put("psn_no", p2);
        List<Base> bases = List.of(
                new Base("9001", centre, null, node(Map.of("signIn", Map.of("opter_no", "O1"))), List.of("signIn", "signIn.opter_no"), false),
                new Base("2001", centre, "990100", node(Map.of("data", Map.of("psn_no", p1, "med_type", "11"))), List.of("data", "data.psn_no", "data.med_type"), false),
                new Base("2201", centre, "990100", node(Map.of("data", Map.of("psn_no", p3, "insutype", "310", "begntime", now(3),
                        "mdtrt_cert_type", "02", "mdtrt_cert_no", "x", "ipt_otp_no", "H3"))),
                        List.of("data", "data.psn_no", "data.insutype", "data.begntime", "data.mdtrt_cert_type", "data.mdtrt_cert_no", "data.ipt_otp_no"), false),
                new Base("2202", centre, "990100", node(Map.of("data", Map.of("mdtrt_id", open, "psn_no", p1))), List.of("data", "data.mdtrt_id", "data.psn_no"), true),
                new Base("2203", centre, "990100", node(Map.of("mdtrtinfo", Map.of("mdtrt_id", open, "psn_no", p1, "med_type", "11"))),
                        List.of("mdtrtinfo", "mdtrtinfo.mdtrt_id", "mdtrtinfo.psn_no", "mdtrtinfo.med_type"), true),
                new Base("2204", centre, "990100", node(Map.of("feedetail", List.of(feeLine))),
                        List.of("feedetail", "feedetail.0.feedetl_sn", "feedetail.0.mdtrt_id", "feedetail.0.psn_no", "feedetail.0.fee_ocur_time",
                                "feedetail.0.med_list_codg", "feedetail.0.det_item_fee_sumamt", "feedetail.0.cnt", "feedetail.0.pric"), true),
                new Base("2205", centre, "990100", node(Map.of("data", Map.of("mdtrt_id", open, "psn_no", p1, "chrg_bchno", "0000"))),
                        List.of("data", "data.mdtrt_id", "data.psn_no", "data.chrg_bchno"), true),
                new Base("2207", centre, "990100", node(Map.of("data", Map.of("psn_no", p1, "mdtrt_id", open, "med_type", "11",
                        "medfee_sumamt", "20.00", "acct_used_flag", "0", "insutype", "390"))),
                        List.of("data", "data.psn_no", "data.mdtrt_id", "data.med_type", "data.medfee_sumamt"), true),
                new Base("2206", centre, "990100", node(Map.of("data", Map.of("psn_no", p1, "mdtrt_id", open, "med_type", "11",
                        "medfee_sumamt", "20.00"))), List.of("data", "data.psn_no", "data.mdtrt_id", "data.med_type", "data.medfee_sumamt"), true),
                new Base("2208", centre, "990100", node(Map.of("data", Map.of("setl_id", setlId, "mdtrt_id", settled, "psn_no", p1))),
                        List.of("data", "data.setl_id", "data.mdtrt_id", "data.psn_no"), true),
                new Base("2301", hospital, "990100", node(Map.of("feedetail", List.of(stayLine))),
                        List.of("feedetail", "feedetail.0.feedetl_sn", "feedetail.0.mdtrt_id", "feedetail.0.psn_no", "feedetail.0.fee_ocur_time",
                                "feedetail.0.med_list_codg", "feedetail.0.det_item_fee_sumamt", "feedetail.0.cnt", "feedetail.0.pric"), true),
                new Base("2302", hospital, "990100", node(Map.of("data", Map.of("mdtrt_id", stay, "psn_no", p2, "feedetl_sn", "0000"))),
                        List.of("data", "data.mdtrt_id", "data.psn_no", "data.feedetl_sn"), true),
                new Base("2303", hospital, "990100", node(Map.of("data", Map.of("psn_no", p2, "mdtrt_id", stay, "medfee_sumamt", "60.00",
                        "mid_setl_flag", "1"))), List.of("data", "data.psn_no", "data.mdtrt_id", "data.medfee_sumamt"), true),
                new Base("2304", hospital, "990100", node(Map.of("data", Map.of("psn_no", p2, "mdtrt_id", stay, "medfee_sumamt", "60.00",
                        "mid_setl_flag", "1"))), List.of("data", "data.psn_no", "data.mdtrt_id", "data.medfee_sumamt"), true),
                new Base("2401", hospital, "990100", node(Map.of("mdtrtinfo", Map.of("psn_no", p3, "insutype", "310", "begntime", now(30),
                        "mdtrt_cert_type", "02", "mdtrt_cert_no", "x", "med_type", "21", "ipt_no", "I9"))),
                        List.of("mdtrtinfo", "mdtrtinfo.psn_no", "mdtrtinfo.insutype", "mdtrtinfo.begntime", "mdtrtinfo.mdtrt_cert_type",
                                "mdtrtinfo.mdtrt_cert_no", "mdtrtinfo.med_type", "mdtrtinfo.ipt_no"), false),
                new Base("2402", hospital, "990100", node(Map.of("dscginfo", Map.of("mdtrt_id", stay, "psn_no", p2, "endtime", now(1)))),
                        List.of("dscginfo", "dscginfo.mdtrt_id", "dscginfo.psn_no", "dscginfo.endtime"), true),
                new Base("2403", hospital, "990100", node(Map.of("adminfo", Map.of("mdtrt_id", stay, "psn_no", p2, "med_type", "22"))),
                        List.of("adminfo", "adminfo.mdtrt_id", "adminfo.psn_no"), true),
                new Base("2404", hospital, "990100", node(Map.of("data", Map.of("mdtrt_id", stay, "psn_no", p2))), List.of("data", "data.mdtrt_id", "data.psn_no"), true),
                new Base("5203", centre, "990100", node(Map.of("data", Map.of("setl_id", setlId, "psn_no", p1))), List.of("data", "data.setl_id", "data.psn_no"), true),
                new Base("5206", centre, "990100", node(Map.of("data", Map.of("psn_no", p1))), List.of("data", "data.psn_no"), false),
                new Base("2601", centre, "990100", node(Map.of("data", Map.of("psn_no", p1, "omsgid", "X", "oinfno", "2201"))),
                        List.of("data", "data.psn_no", "data.omsgid", "data.oinfno"), false),
                new Base("3201", centre, "990100", node(Map.of("data", Map.of("setl_optins", "990100", "stmt_begndate", "2026-01-01",
                        "stmt_enddate", "2026-01-31", "medfee_sumamt", "0", "fund_pay_sumamt", "0", "acct_pay", "0", "fixmedins_setl_cnt", "0"))),
                        List.of("data", "data.setl_optins", "data.stmt_begndate", "data.stmt_enddate", "data.medfee_sumamt", "data.fund_pay_sumamt",
                                "data.acct_pay", "data.fixmedins_setl_cnt"), false),
                new Base("4101", hospital, "990100", node(Map.of("setlinfo", Map.of("psn_no", p2, "mdtrt_id", stay),
                        "diseinfo", List.of(Map.of("diag_code", "K35.800", "maindiag_flag", "1")))),
                        List.of("setlinfo", "setlinfo.psn_no", "setlinfo.mdtrt_id", "diseinfo", "diseinfo.0.diag_code"), true),
                new Base("9101", centre, null, node(Map.of("fsUploadIn", Map.of("in", "c2V0bA==", "filename", "a.csv"))),
                        List.of("fsUploadIn", "fsUploadIn.filename", "fsUploadIn.in"), false),
                new Base("1101", centre, "990100", node(Map.of("data", Map.of("certno", "990100198103150126"))), List.of("data"), false),
                new Base("1201", centre, null, node(Map.of("medinsinfo", Map.of("fixmedins_type", "1"))), List.of("medinsinfo"), false),
                new Base("1312", centre, null, node(Map.of("data", Map.of("page_num", 1))), List.of("data"), false),
                new Base("1901", centre, null, node(Map.of("data", Map.of("type", "med_type"))), List.of("data"), false),
                new Base("2501", centre, "990100", node(Map.of("refmedin", Map.of("psn_no", p2, "reflin_medins_no", "H99010000002",
                        "refl_type", "3", "diag_code", "I10.x00", "hosp_agre_refl_flag", "1"))),
                        List.of("refmedin", "refmedin.psn_no", "refmedin.reflin_medins_no", "refmedin.refl_type", "refmedin.diag_code"), false),
                new Base("2502", centre, "990100", node(Map.of("data", Map.of("trt_dcla_detl_sn", referral, "psn_no", p1))),
                        List.of("data", "data.trt_dcla_detl_sn", "data.psn_no"), true),
                new Base("2503", hospital, "990100", node(Map.of("data", Map.of("psn_no", p3, "opsp_dise_code", "E11.900"))),
                        List.of("data", "data.psn_no", "data.opsp_dise_code"), false),
                new Base("2504", hospital, "990100", node(Map.of("data", Map.of("trt_dcla_detl_sn", recognition, "psn_no", p2))),
                        List.of("data", "data.trt_dcla_detl_sn", "data.psn_no"), true),
                new Base("2505", hospital, "990100", node(Map.of("data", Map.of("psn_no", p2))), List.of("data", "data.psn_no"), false),
                new Base("2506", centre, "990100", node(Map.of("data", Map.of("trt_dcla_detl_sn", designation, "psn_no", p1))),
                        List.of("data", "data.trt_dcla_detl_sn", "data.psn_no"), true));

        SplittableRandom random = new SplittableRandom(20261123L);
        List<Supplier<Hostile>> corpus = new ArrayList<>();
        List<String> kinds = List.of("remove", "object", "array", "overlong", "control", "empty");
        for (int round = 0; corpus.size() < 9_300; round++) {
            for (Base b : bases) {
                String field = b.required().get(random.nextInt(b.required().size()));
                String kind = kinds.get(random.nextInt(kinds.size()));
                if (field.indexOf('.') < 0 && (kind.equals("overlong") || kind.equals("control"))) {
                    kind = "remove";
                }
                if (b.required().size() == 1 && kind.equals("object")) {
                    // A query whose filters are all optional: another object is just another (valid) query.
                    kind = "array";
                }
                if (field.endsWith(".in") && (kind.equals("overlong") || kind.equals("control"))) {
                    // Long text of digits is valid base64, i.e. a real file: not a hostile message.
                    kind = "object";
                }
                long seed = random.nextLong();
                String k = kind;
                corpus.add(() -> {
                    ObjectNode input = b.input().deepCopy();
                    mutate(input, field, k, new SplittableRandom(seed));
                    return signed(b.infno() + " " + k + " " + field, b.client(), b.infno(), b.insuplc(), input);
                });
                if (b.namesAVisit() && round % 8 == 0) {
                    // Another institution, validly signed, naming this visit or settlement.
                    corpus.add(() -> signed(b.infno() + " by another institution", stranger, b.infno(), b.insuplc(), b.input().deepCopy()));
                }
            }
        }
        // Semantic refusals: amounts, codes, order.
        for (int i = 0; i < 60; i++) {
            int n = i;
            corpus.add(() -> {
                ObjectNode in = bases.get(5).input().deepCopy();
                ObjectNode line = (ObjectNode) in.get("feedetail").get(0);
                switch (n % 10) {
                    case 0 -> line.put("det_item_fee_sumamt", "73.02");
                    case 1 -> line.put("cnt", "-2").put("det_item_fee_sumamt", "-73.00");
                    case 2 -> line.put("pric", "36.5000001");
                    case 3 -> line.put("cnt", "1e20");
                    case 4 -> line.put("feedetl_sn", "1");
                    case 5 -> line.put("mdtrt_id", "NO-SUCH-VISIT");
                    case 6 -> line.put("psn_no", p3);
                    case 7 -> ((ArrayNode) in.get("feedetail")).add(line.deepCopy());
                    case 8 -> line.put("fee_ocur_time", "2026-02-30 10:00:00");
                    default -> line.put("hosp_appr_flag", "2");
                }
                return signed("2204 semantic " + n, centre, "2204", "990100", in);
            });
            corpus.add(() -> {
                ObjectNode in = bases.get(7).input().deepCopy();
                ObjectNode d = (ObjectNode) in.get("data");
                switch (n % 6) {
                    case 0 -> d.put("medfee_sumamt", "20.01");
                    case 1 -> d.put("inscp_scp_amt", "1.00");
                    case 2 -> d.put("med_type", "99");
                    case 3 -> d.put("acct_used_flag", "2");
                    case 4 -> d.put("insutype", "310");
                    default -> d.put("medfee_sumamt", "-20.00");
                }
                return signed("2207 semantic " + n, centre, "2207", "990100", in);
            });
            corpus.add(() -> {
                ObjectNode in = bases.get(2).input().deepCopy();
                ObjectNode d = (ObjectNode) in.get("data");
                switch (n % 5) {
                    case 0 -> d.put("begntime", "2099-01-01 00:00:00");
                    case 1 -> d.put("begntime", "2026-13-45 00:00:00");
                    case 2 -> d.put("insutype", "390");
                    case 3 -> d.put("mdtrt_cert_type", "09");
                    default -> d.put("psn_no", "99999999999999999999");
                }
                return signed("2201 semantic " + n, centre, "2201", "990100", in);
            });
            corpus.add(() -> {
                List<Object[]> outOfOrder = List.of(
                        new Object[] {"2208", Map.of("data", Map.of("setl_id", reversed, "mdtrt_id", settled, "psn_no", p1))},
                        new Object[] {"2207", Map.of("data", settle)},
                        new Object[] {"2202", Map.of("data", Map.of("mdtrt_id", settled, "psn_no", p1))},
                        new Object[] {"2204", Map.of("feedetail", List.of(Map.of("feedetl_sn", "Z" + n, "mdtrt_id", settled, "psn_no", p1,
                                "fee_ocur_time", now(2), "med_list_codg", "001101000010000", "det_item_fee_sumamt", "20.00", "cnt", "1", "pric", "20.00")))},
                        new Object[] {"2405", Map.of("data", Map.of("mdtrt_id", stay, "psn_no", p2))},
                        new Object[] {"2402", Map.of("dscginfo", Map.of("mdtrt_id", stay, "psn_no", p2, "endtime", now(60 * 24 * 30)))},
                        new Object[] {"2601", Map.of("data", Map.of("psn_no", p1, "omsgid", "NEVER-SENT", "oinfno", "2207"))},
                        new Object[] {"2304", Map.of("data", Map.of("psn_no", p2, "mdtrt_id", stay, "medfee_sumamt", "60.00"))});
                Object[] c = outOfOrder.get(n % outOfOrder.size());
                return signed("out of order " + c[0], c[0].equals("2405") || c[0].equals("2402") || c[0].equals("2304") ? hospital : centre,
                        (String) c[0], "990100", node(c[1]));
            });
        }
        // Envelope, JSON and signature problems.
        for (int i = 0; i < 300; i++) {
            int n = i;
            corpus.add(() -> {
                Hostile ok = signed("9001", centre, "9001", null, bases.get(0).input().deepCopy());
                byte[] body = ok.body();
                SplittableRandom r = new SplittableRandom(n);
                byte[] broken = switch (n % 15) {
                    case 0 -> java.util.Arrays.copyOf(body, 1 + r.nextInt(body.length - 1));
                    case 1 -> randomBytes(r, 1 + r.nextInt(400));
                    case 2 -> replace(body, "OP001", "OP\u0000\u00ff");
                    case 3 -> invalidUtf8(body);
                    case 4 -> ("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}").getBytes(StandardCharsets.UTF_8);
                    case 5 -> replace(body, "\"infno\":\"9001\"", "\"infno\":\"9001\",\"infno\":\"1101\"");
                    case 6 -> replace(body, "\"infno\":\"9001\"", "\"infno\":9001.5");
                    case 7 -> replace(body, "\"infno\":\"9001\"", "\"infno\":\"90011234\"");
                    case 8 -> replace(body, "\"mdtrtarea_admvs\":\"990100\"", "\"mdtrtarea_admvs\":\"980100\"");
                    case 9 -> replace(body, "\"opter\":\"OP001\"", "\"opter\":\"\"");
                    case 10 -> replace(body, "\"infver\":\"V1.0\"", "\"infver\":\"V9\"");
                    case 11 -> replace(body, "\"fixmedins_code\":\"H99010000004\"", "\"fixmedins_code\":\"H99010000003\"");
                    case 12 -> replace(body, "\"inf_time\":\"", "\"inf_time\":\"99");
                    case 13 -> new byte[0];
                    default -> ("[" + new String(body, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
                };
                return new Hostile("envelope " + (n % 15), centre, broken, null, null);
            });
            corpus.add(() -> {
                Hostile ok = signed("9001", centre, "9001", null, bases.get(0).input().deepCopy());
                long ts = System.currentTimeMillis() / 1000;
                SplittableRandom r = new SplittableRandom(n);
                return switch (n % 6) {
                    case 0 -> new Hostile("no signature", centre, ok.body(), centre.accessKey(), null);
                    case 1 -> new Hostile("no key", centre, ok.body(), null, ts + ":00");
                    case 2 -> new Hostile("wrong secret", centre, ok.body(), centre.accessKey(), ts + ":" + HmacSm3.sign("wrong", ts, ok.body()));
                    case 3 -> {
                        long stale = ts + (r.nextBoolean() ? -1 : 1) * (400 + r.nextInt(100_000));
                        yield new Hostile("stale", centre, ok.body(), centre.accessKey(), stale + ":" + HmacSm3.sign(centre.secret(), stale, ok.body()));
                    }
                    case 4 -> new Hostile("garbage signature", centre, ok.body(), centre.accessKey(), "x:" + "zz".repeat(r.nextInt(40)));
                    default -> new Hostile("unknown key", centre, ok.body(), "K" + r.nextInt(), ts + ":" + HmacSm3.sign(centre.secret(), ts, ok.body()));
                };
            });
        }
        assertThat(corpus.size()).isGreaterThanOrEqualTo(10_000);

        // The demo history is written in the background after start: let it finish so that the tables hold still.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (history.progress().state() != org.yibao.server.demo.DemoHistory.State.DONE
                && history.progress().state() != org.yibao.server.demo.DemoHistory.State.OFF && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, String> before = snapshot();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (Supplier<Hostile> s : corpus) {
            pool.submit(() -> {
                Hostile h = s.get();
                FsiClient.Reply reply = h.signature() == null && h.key() == null && !h.what().startsWith("no ")
                        ? h.client().send(h.body()) : h.client().sendSigned(h.body(), h.key(), h.signature());
                String problem = check(reply);
                if (problem != null) {
                    problems.add(h.what() + ": " + problem + " ← " + new String(h.body(), StandardCharsets.UTF_8)
                            .substring(0, Math.min(300, h.body().length)));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(problems).as(problems.size() + " of " + corpus.size() + " messages").isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    private static String check(FsiClient.Reply reply) {
        if (reply.status() != 200) {
            return "HTTP " + reply.status();
        }
        JsonNode json;
        try {
            json = reply.json();
        } catch (RuntimeException e) {
            return "reply is not JSON";
        }
        if (json.path("infcode").asInt(0) != -1) {
            return "infcode " + json.path("infcode");
        }
        String err = json.path("err_msg").asString("");
        if (err.isBlank()) {
            return "no err_msg";
        }
        if (err.contains("系统内部错误")) {
            return "internal error: " + err;
        }
        return null;
    }

    private static Hostile signed(String what, FsiClient client, String infno, String insuplc, ObjectNode input) {
        return new Hostile(what, client, FsiClient.bytes(client.envelope(infno, client.newMsgid(), insuplc, input)), null, null);
    }

    /** Applies one mutation to the field at {@code path} ("data.psn_no", "feedetail.0.cnt"). */
    private static void mutate(ObjectNode input, String path, String kind, SplittableRandom r) {
        String[] parts = path.split("\\.");
        JsonNode parent = input;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parts[i].matches("\\d+") ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        ObjectNode target = (ObjectNode) parent;
        switch (kind) {
            case "remove" -> target.remove(last);
            case "object" -> target.putObject(last).put("x", r.nextInt());
            case "array" -> target.putArray(last).add(r.nextInt()).add("y");
            case "overlong" -> target.put(last, "9".repeat(201 + r.nextInt(2000)));
            case "control" -> target.put(last, "A\u0001B" + r.nextInt());
            default -> target.put(last, "");
        }
    }

    private static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] replace(byte[] body, String from, String to) {
        return new String(body, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8(byte[] body) {
        byte[] b = java.util.Arrays.copyOf(body, body.length);
        String s = new String(body, StandardCharsets.UTF_8);
        int at = s.indexOf("OP001");
        b[at + 2] = (byte) 0xC3;
        b[at + 3] = (byte) 0x28;
        return b;
    }
}
