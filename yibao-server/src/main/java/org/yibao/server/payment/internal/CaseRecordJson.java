package org.yibao.server.payment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yibao.engine.caserecord.CaseRecord;
import org.yibao.engine.caserecord.Finding;
import org.yibao.engine.caserecord.QualityReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a 4101 case record (as sent and stored in {@code case_record.record}: {@code setlinfo},
 * {@code diseinfo[]}, {@code oprninfo[]}) into the engine's {@link CaseRecord}. Lenient on purpose: a value
 * that is missing or does not read is null, and quality control (R-PAY-4) names it to the coder.
 */
public final class CaseRecordJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseRecordJson() {}

    /** The stored record's text ({@code case_record.record}). */
    public static CaseRecord read(String json) {
        return read(JSON.readTree(json));
    }

    /** The principal diagnosis' code (maindiag_flag 1), or null. */
    public static String principalDiagnosis(CaseRecord r) {
        return r.diagnoses().stream().filter(CaseRecord.Diagnosis::main).map(CaseRecord.Diagnosis::code).findFirst().orElse(null);
    }

    /** The main operation's code (oprn_oprt_type 1; the first one sent when none is marked), or null when there is none. */
    public static String mainProcedure(CaseRecord r) {
        return r.operations().stream().filter(CaseRecord.Operation::main).map(CaseRecord.Operation::code).findFirst()
                .orElse(r.operations().isEmpty() ? null : r.operations().get(0).code());
    }

    public static CaseRecord read(JsonNode record) {
        JsonNode s = record.path("setlinfo");
        List<CaseRecord.Diagnosis> dx = new ArrayList<>();
        for (JsonNode d : record.path("diseinfo")) {
            dx.add(new CaseRecord.Diagnosis(text(d, "diag_code"), text(d, "diag_name"), "1".equals(text(d, "maindiag_flag"))));
        }
        List<CaseRecord.Operation> ops = new ArrayList<>();
        for (JsonNode o : record.path("oprninfo")) {
            ops.add(new CaseRecord.Operation(text(o, "oprn_oprt_code"), text(o, "oprn_oprt_name"), "1".equals(text(o, "oprn_oprt_type")),
                    time(o, "oprn_oprt_begntime"), time(o, "oprn_oprt_endtime")));
        }
        return new CaseRecord(text(s, "mdtrt_id"), text(s, "psn_no"), text(s, "gend"), date(s, "brdy"), integer(s, "age"),
                integer(s, "nwb_bir_wt"), time(s, "adm_time"), time(s, "dscg_time"), integer(s, "act_ipt_days"), text(s, "dscg_way"), dx, ops);
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "1" : "0";
        }
        return v.isString() ? v.stringValue().strip() : null;
    }

    private static Integer integer(JsonNode n, String name) {
        String t = text(n, name);
        if (t == null || t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(JsonNode n, String name) {
        String t = text(n, name);
        if (t == null || t.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(t.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime time(JsonNode n, String name) {
        String t = text(n, name);
        if (t == null || t.isEmpty()) {
            return null;
        }
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t, TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The findings as the 4101 reply ({@code qcinfo[]}) and the stored results list them. */
    public static List<Map<String, Object>> findings(QualityReport qc) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : qc.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("severity", f.severity() == Finding.Severity.BLOCKING ? "阻断" : "提示");
            m.put("field", f.field());
            m.put("value", f.value() == null ? "" : f.value());
            m.put("message", f.message());
            out.add(m);
        }
        return out;
    }
}
