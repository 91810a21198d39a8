package org.yibao.server.insured.internal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yibao.server.insured.ChronicRecognitions;
import org.yibao.server.insured.FilingRefused;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * 2503 人员慢特病备案 / 2504 撤销 (R-INS-3): the calling designated medical institution (not a pharmacy)
 * recognises a chronic or special disease for itself, and can cancel only its own recognitions. The
 * rules are {@link ChronicRecognitions}'.
 */
@Component
class ChronicRecognitionTransactions implements FsiTransaction {

    private final FilingParties parties;
    private final ChronicRecognitions recognitions;

    ChronicRecognitionTransactions(FilingParties parties, ChronicRecognitions recognitions) {
        this.parties = parties;
        this.recognitions = recognitions;
    }

    @Override
    public List<String> infnos() {
        return List.of("2503", "2504");
    }

    @Override
    public Object handle(FsiCall call) {
        return "2503".equals(call.infno()) ? recognise(call) : cancel(call);
    }

    private Object recognise(FsiCall call) {
        FsiNode d = call.input().object("data");
        String psnNo = d.text("psn_no", 30);
        String insutype = d.optText("insutype", 3);
        String code = d.text("opsp_dise_code", 30);
        String recogniser = d.optText("ide_fixmedins_no", 30);
        var begin = d.optDate("begndate");
        var end = d.optDate("enddate");
        parties.medicalCaller(call, "门诊慢特病认定");
        if (recogniser != null && !recogniser.equals(call.fixmedinsCode())) {
            throw FsiRefusal.field("data.ide_fixmedins_no", "认定机构 " + recogniser + " 应为办理备案的本机构 " + call.fixmedinsCode());
        }
        try {
            ChronicRecognitions.Recognised made = recognitions.recognise(new ChronicRecognitions.Recognition(psnNo, insutype, code,
                    call.fixmedinsCode(), begin, end, "FSI", call.opter()), call.receivedAt(), person -> parties.envelope(call, person));
            return Map.of("result", Map.of("trt_dcla_detl_sn", made.serial()));
        } catch (FilingRefused refused) {
            throw FilingParties.refusal("data", refused);
        }
    }

    private Object cancel(FsiCall call) {
        FsiNode d = call.input().object("data");
        String serial = d.text("trt_dcla_detl_sn", 30);
        String psnNo = d.text("psn_no", 30);
        String memo = d.optText("memo", 200);
        try {
            recognitions.cancel(psnNo, serial, "FSI", call.opter(), call.fixmedinsCode(), memo, call.receivedAt());
            return Map.of();
        } catch (FilingRefused refused) {
            throw FilingParties.refusal("data", refused);
        }
    }
}
