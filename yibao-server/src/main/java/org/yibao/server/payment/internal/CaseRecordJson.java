package org.yibao.server.payment.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.yibao.engine.caserecord.CaseRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a stored 4101 case record (the JSON kept by {@link CaseRecordTransaction}) into the engine's
 * {@link CaseRecord}, tolerantly: a missing or malformed value becomes null, for quality control to report.
 */
public final class CaseRecordJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CaseRecordJson() {}

    public static CaseRecord read(String json) {
        JsonNode root = JSON.readTree(json);
        JsonNode s = root.path("setlinfo");
        List<CaseRecord.Diagnosis> dx = new ArrayList<>();
        for (JsonNode d : root.path("diseinfo")) {
            dx.add(new CaseRecord.Diagnosis(text(d, "diag_code"), text(d, "diag_name"), flag(d.path("maindiag_flag"))));
        }
        List<CaseRecord.Operation> ops = new ArrayList<>();
        for (JsonNode o : root.path("oprninfo")) {
            ops.add(new CaseRecord.Operation(text(o, "oprn_oprt_code"), text(o, "oprn_oprt_name"), "1".equals(text(o, "oprn_oprt_type")),
                    time(text(o, "oprn_oprt_begntime")), time(text(o, "oprn_oprt_endtime"))));
        }
        return new CaseRecord(text(s, "mdtrt_id"), text(s, "psn_no"), text(s, "gend"), date(text(s, "brdy")), integer(text(s, "age")),
                integer(text(s, "nwb_bir_wt")), time(text(s, "adm_time")), time(text(s, "dscg_time")), integer(text(s, "act_ipt_days")),
                text(s, "dscg_way"), dx, ops);
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

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        String s = v.isValueNode() ? v.asString() : null;
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean flag(JsonNode v) {
        return v.isBoolean() ? v.asBoolean() : "1".equals(v.asString().strip());
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime time(String s) {
        try {
            return s == null ? null : LocalDateTime.parse(s, TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
