package org.yibao.server.insured.internal;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yibao.server.insured.FilingRefused;
import org.yibao.server.insured.Referrals;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * 2501 转院备案 / 2502 撤销 (R-INS-5): the calling institution refers a person to another designated
 * medical institution, and only it can cancel the referral while it is unused. The rules are
 * {@link Referrals}'.
 */
@Component
class ReferralTransactions implements FsiTransaction {

    private final FilingParties parties;
    private final Referrals referrals;

    ReferralTransactions(FilingParties parties, Referrals referrals) {
        this.parties = parties;
        this.referrals = referrals;
    }

    @Override
    public List<String> infnos() {
        return List.of("2501", "2502");
    }

    @Override
    public Object handle(FsiCall call) {
        return "2501".equals(call.infno()) ? refer(call) : cancel(call);
    }

    private Object refer(FsiCall call) {
        FsiNode r = call.input().object("refmedin");
        String psnNo = r.text("psn_no", 30);
        String insutype = r.optText("insutype", 3);
        String toCode = r.text("reflin_medins_no", 30);
        String reflType = r.code("refl_type", Referrals.REFL_TYPES);
        String diagCode = r.text("diag_code", 30);
        boolean agreed = r.flag("hosp_agre_refl_flag", false);
        var begin = r.optDate("begndate");
        var end = r.optDate("enddate");
        parties.medicalCaller(call, "转院备案");
        try {
            Referrals.Referred made = referrals.refer(new Referrals.Referral(psnNo, insutype, call.fixmedinsCode(), toCode, reflType,
                    diagCode, agreed, begin, end, "FSI", call.opter()), call.receivedAt(), person -> parties.envelope(call, person));
            return Map.of("result", Map.of("trt_dcla_detl_sn", made.serial()));
        } catch (FilingRefused refused) {
            throw FilingParties.refusal("refmedin", refused);
        }
    }

    private Object cancel(FsiCall call) {
        FsiNode d = call.input().object("data");
        String serial = d.text("trt_dcla_detl_sn", 30);
        String psnNo = d.text("psn_no", 30);
        String memo = d.optText("memo", 200);
        try {
            referrals.cancel(psnNo, serial, "FSI", call.opter(), call.fixmedinsCode(), memo, call.receivedAt());
            return Map.of();
        } catch (FilingRefused refused) {
            throw FilingParties.refusal("data", refused);
        }
    }
}
