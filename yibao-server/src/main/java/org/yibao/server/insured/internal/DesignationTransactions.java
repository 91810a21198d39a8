package org.yibao.server.insured.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.yibao.server.insured.DesignatedInstitution;
import org.yibao.server.insured.DesignatedInstitutions;
import org.yibao.server.insured.FilingRefused;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * 2505 人员定点备案 / 2506 撤销 (R-INS-2): an institution's HIS files the person's choice of that
 * institution as a designated institution (it cannot file a choice of another institution), and can
 * cancel only what it filed. The rules are {@link DesignatedInstitutions}'.
 */
@Component
class DesignationTransactions implements FsiTransaction {

    private final FilingParties parties;
    private final DesignatedInstitutions designated;

    DesignationTransactions(FilingParties parties, DesignatedInstitutions designated) {
        this.parties = parties;
        this.designated = designated;
    }

    @Override
    public List<String> infnos() {
        return List.of("2505", "2506");
    }

    @Override
    public Object handle(FsiCall call) {
        return "2505".equals(call.infno()) ? choose(call) : cancel(call);
    }

    private Object choose(FsiCall call) {
        FsiNode d = call.input().object("data");
        String psnNo = d.text("psn_no", 30);
        String code = Objects.requireNonNullElse(d.optText("fixmedins_code", 30), call.fixmedinsCode());
        int slot = Objects.requireNonNullElse(d.optInt("fix_srt_no", 1, DesignatedInstitutions.MAX_SLOT), 1);
        LocalDate begin = Objects.requireNonNullElse(d.optDate("begndate"), call.now().toLocalDate());
        LocalDate end = d.optDate("enddate");
        if (!code.equals(call.fixmedinsCode())) {
            throw FsiRefusal.field("data.fixmedins_code", "只能为本机构 " + call.fixmedinsCode() + " 办理定点备案，收到 " + code
                    + "；选择其他机构请到该机构或通过参保人服务渠道办理");
        }
        parties.medicalCaller(call, "定点备案");
        parties.person(call, "data", psnNo, begin);
        try {
            DesignatedInstitution chosen = designated.choose(new DesignatedInstitutions.Choice(psnNo, code, slot, begin, end, "FSI",
                    call.opter(), call.fixmedinsCode()));
            return Map.of("result", Map.of("trt_dcla_detl_sn", chosen.serial()));
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
            designated.cancel(psnNo, serial, "FSI", call.opter(), call.fixmedinsCode(), memo);
            return Map.of();
        } catch (FilingRefused refused) {
            throw FilingParties.refusal("data", refused);
        }
    }
}
