package org.yibao.server.gateway;

import org.yibao.server.platform.BusinessTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

/** 1101, 1201, 1312, 1901, 9101/9102 and 4101 through the interface, with the DOMAIN §2 fixtures' values. */
@IntegrationTest
class ReferenceTransactionsTest {

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    @Test
    void personInformationByIdCardAndByElectronicCredential() {
        FsiClient his = fsi.as("H99010000003");
        FsiClient.Reply r = his.call("1101", Map.of("data", Map.of("mdtrt_cert_type", "02", "mdtrt_cert_no", "990100198103150126",
                "psn_name", "张敏"))).ok();
        JsonNode base = r.output().get("baseinfo");
        assertThat(base.get("psn_no").asString()).isEqualTo("99010000000000000001");
        assertThat(base.get("gend").asString()).isEqualTo("2");
        JsonNode insu = r.output().get("insuinfo").get(0);
        assertThat(insu.get("insutype").asString()).isEqualTo("310");
        assertThat(insu.get("psn_type").asString()).isEqualTo("1101");
        assertThat(insu.get("insuplc_admdvs").asString()).isEqualTo("990100");
        assertThat(insu.get("psn_insu_stas").asString()).isEqualTo("1");
        assertThat(r.text()).contains("\"balc\":3000.00");

        JsonNode zhao = his.call("1101", Map.of("data", Map.of("mdtrt_cert_type", "01", "mdtrt_cert_no", "99010000000000000004")))
                .ok().output();
        assertThat(zhao.get("idetinfo").get(0).get("psn_idet_type").asString()).isEqualTo("2101");
        assertThat(zhao.get("idetinfo").get(0).get("memo").asString()).contains("押金");
        assertThat(zhao.get("insuinfo").get(0).get("balc").decimalValue()).isEqualByComparingTo("0.00");

        assertThat(his.call("1101", Map.of("data", Map.of("mdtrt_cert_type", "02", "mdtrt_cert_no", "990100198103150126",
                "psn_name", "李四"))).refused().errMsg()).contains("psn_name", "不一致");
        assertThat(his.call("1101", Map.of("data", Map.of("mdtrt_cert_type", "02", "mdtrt_cert_no", "110101199001011234")))
                .refused().errMsg()).contains("未找到", "110101199001011234");
        assertThat(his.call("1101", Map.of("data", Map.of("mdtrt_cert_type", "09", "mdtrt_cert_no", "x")))
                .refused().errMsg()).contains("mdtrt_cert_type", "09");
        assertThat(his.call("1101", "980100", Map.of("data", Map.of("certno", "990100198103150126")))
                .refused().errMsg()).contains("insuplc_admdvs", "990100");
    }

    @Test
    void institutionsWithTheirCrossRegionFlags() {
        JsonNode out = fsi.as("H99010000003").call("1201", Map.of("medinsinfo", Map.of("fixmedins_code", "H98010000001")))
                .ok().output();
        JsonNode yuanshan = out.get("medinsinfo").get(0);
        assertThat(yuanshan.get("fixmedins_name").asString()).isEqualTo("远山市人民医院");
        assertThat(yuanshan.get("hosp_lv").asString()).isEqualTo("3");
        assertThat(List.of(yuanshan.get("xr_inpatient_flag").asString(), yuanshan.get("xr_outpatient_flag").asString(),
                yuanshan.get("xr_chronic_flag").asString())).containsOnly("1");
        JsonNode pharmacies = fsi.as("H99010000003").call("1201", Map.of("medinsinfo", Map.of("fixmedins_type", "2",
                "fixmedins_name", "示范大药房"))).ok().output().get("medinsinfo");
        assertThat(pharmacies.get(0).get("fixmedins_code").asString()).isEqualTo("P99010000001");
        assertThat(fsi.as("H99010000003").call("1201", Map.of("medinsinfo", Map.of("fixmedins_type", "7"))).refused().errMsg())
                .contains("fixmedins_type");
    }

    @Test
    void catalogueOfTheCallersRegionAndOfAnother() {
        FsiClient his = fsi.as("H99010000003");
        JsonNode mine = his.call("1312", Map.of("data", Map.of("hilist_code", "001101000010000"))).ok().output();
        assertThat(mine.get("data").get(0).get("pric_uplmt_amt").decimalValue()).isEqualByComparingTo("20.00");
        JsonNode theirs = his.call("1312", Map.of("data", Map.of("hilist_code", "001101000010000", "insu_admdvs", "980100")))
                .ok().output();
        assertThat(theirs.get("data").get(0).get("pric_uplmt_amt").decimalValue()).isEqualByComparingTo("25.00");
        JsonNode page = his.call("1312", Map.of("data", Map.of("page_num", 2, "page_size", 10))).ok().output();
        assertThat(page.get("data")).hasSize(10);
        assertThat(page.get("pages").asLong()).isEqualTo((page.get("recordCounts").asLong() + 9) / 10);
        assertThat(his.call("1312", Map.of("data", Map.of("page_size", 501))).refused().errMsg()).contains("page_size");
    }

    @Test
    void dictionaryOfCodeTables() {
        FsiClient his = fsi.as("H99010000003");
        JsonNode medTypes = his.call("1901", Map.of("data", Map.of("type", "med_type"))).ok().output().get("list");
        assertThat(medTypes.toString()).contains("\"value\":\"14\"", "门诊慢特病");
        assertThat(his.call("1901", Map.of("data", Map.of("type", "cum_type_code"))).ok().text()).contains("hifmi_paid");
        assertThat(his.call("1901", Map.of("data", Map.of("type", "no_such"))).refused().errMsg()).contains("no_such", "med_type");
    }

    @Test
    void filesGoUpAndComeBackOnlyToTheirInstitution() {
        FsiClient his = fsi.as("H99010000003");
        byte[] content = "setl_id,mdtrt_id\n".getBytes(StandardCharsets.UTF_8);
        JsonNode up = his.call("9101", Map.of("fsUploadIn", Map.of("in", Base64.getEncoder().encodeToString(content),
                "filename", "stmt.csv", "fixmedins_code", "H99010000003"))).ok().output();
        String fileNo = up.get("file_qury_no").asString();
        assertThat(up.get("file_size").asInt()).isEqualTo(content.length);
        JsonNode down = his.call("9102", Map.of("fsDownloadIn", Map.of("file_qury_no", fileNo, "filename", "stmt.csv"))).ok().output();
        assertThat(Base64.getDecoder().decode(down.get("in").asString())).isEqualTo(content);
        assertThat(fsi.as("H99010000001").call("9102", Map.of("fsDownloadIn", Map.of("file_qury_no", fileNo))).refused().errMsg())
                .contains("不存在或不属于本机构");
        assertThat(his.call("9101", Map.of("fsUploadIn", Map.of("in", "!!!", "filename", "x.csv"))).refused().errMsg())
                .contains("base64");
        assertThat(his.call("9101", Map.of("fsUploadIn", Map.of("in", List.of(1, 2, 300), "filename", "x.csv"))).refused().errMsg())
                .contains("in[2]");
    }

    @Test
    void aCaseRecordIsKeptForTheCallersOwnStayOnlyWithValidCodes() {
        String psn = jdbc.sql("""
                        select psn_no from person p where insutype = '390' and insured_admdvs = '990100' and valid_to is null
                          and status = 'NORMAL' and psn_no not like '9901000000000000000%' order by psn_no limit 1 offset 300""")
                .query(String.class).single();
        FsiClient hospital = fsi.as("H99010000002");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("psn_no", psn);
        info.put("insutype", "390");
        info.put("begntime", java.time.LocalDateTime.now(BusinessTime.ZONE).minusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        info.put("mdtrt_cert_type", "02");
        info.put("mdtrt_cert_no", "x");
        info.put("med_type", "21");
        info.put("ipt_no", "IP-CR");
        String mdtrtId = hospital.call("2401", Map.of("mdtrtinfo", info)).ok().output().get("result").get("mdtrt_id").asString();
        Map<String, Object> setlinfo = Map.of("psn_no", psn, "mdtrt_id", mdtrtId, "adm_time", "2026-11-20 08:00:00",
                "dscg_time", "2026-11-23 08:00:00", "act_ipt_days", 3, "dscg_way", "1");
        List<Map<String, Object>> dise = List.of(Map.of("diag_type", "1", "diag_code", "K35.800", "diag_name", "急性阑尾炎", "maindiag_flag", "1"));
        String procedure = jdbc.sql("select code from procedure_code where code like '47.0%' order by code limit 1").query(String.class).single();
        List<Map<String, Object>> oprn = List.of(Map.of("oprn_oprt_type", "1", "oprn_oprt_code", procedure, "oprn_oprt_name", "阑尾切除术"));
        JsonNode out = hospital.call("4101", Map.of("setlinfo", setlinfo, "diseinfo", dise, "oprninfo", oprn)).ok().output();
        assertThat(out.get("mdtrt_id").asString()).isEqualTo(mdtrtId);
        assertThat(jdbc.sql("select record->'diseinfo'->0->>'diag_code' from case_record where mdtrt_id = ?").param(mdtrtId)
                .query(String.class).single()).isEqualTo("K35.800");
        // R-PAY-4: quality control refuses nothing the HIS may fix later; the reply lists what to fix (no sex or birth date here),
        // and the record is kept with its result, to be paid by items until a corrected 4101A arrives.
        assertThat(out.get("qc_rslt").asString()).isEqualTo("2");
        assertThat(out.get("qcinfo").toString()).contains("QC-REQ-1", "setlinfo.gend", "setlinfo.brdy", "阻断");
        assertThat(jdbc.sql("select qc_blocking from case_record where mdtrt_id = ?").param(mdtrtId).query(Boolean.class).single()).isTrue();

        assertThat(hospital.call("4101", Map.of("setlinfo", setlinfo, "diseinfo", List.of(Map.of("diag_code", "XX9.999",
                "maindiag_flag", "1")))).refused().errMsg()).contains("XX9.999", "ICD-10");
        assertThat(hospital.call("4101", Map.of("setlinfo", setlinfo, "diseinfo", List.of(
                Map.of("diag_code", "K35.800", "maindiag_flag", "1"), Map.of("diag_code", "I10.x00", "maindiag_flag", "1"))))
                .refused().errMsg()).contains("主要诊断", "2");
        assertThat(fsi.as("H99010000001").call("4101", Map.of("setlinfo", setlinfo, "diseinfo", dise)).refused().errMsg())
                .contains("不存在或不属于本机构");
        hospital.call("2404", Map.of("data", Map.of("mdtrt_id", mdtrtId, "psn_no", psn))).ok();
    }
}
