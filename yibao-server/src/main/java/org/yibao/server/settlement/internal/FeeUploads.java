package org.yibao.server.settlement.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibao.engine.benefit.FeeLine;
import org.yibao.engine.benefit.LineResult;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;
import org.yibao.server.insured.SettlementFacts;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;

/**
 * Fee uploads (2204 outpatient, 2301 inpatient): atomic — any bad line refuses the whole call with its
 * feedetl_sn named; the reply's {@code result[]} is the split of each line (DOMAIN §4.1).
 */
@Component
class FeeUploads {

    static final int MAX_LINES = 1000;
    private final FeeLines feeLines;
    private final Settler settler;
    private final Visits visits;

    FeeUploads(FeeLines feeLines, Settler settler, Visits visits) {
        this.feeLines = feeLines;
        this.settler = settler;
        this.visits = visits;
    }

    List<Map<String, Object>> upload(FsiCall call, boolean inpatient) {
        List<FsiNode> items = call.input().array("feedetail", true, MAX_LINES);
        String mdtrtId = items.get(0).text("mdtrt_id", 30);
        String psnNo = items.get(0).text("psn_no", 30);
        List<FeeLines.Stored> lines = new ArrayList<>(items.size());
        Set<String> serials = new HashSet<>();
        for (FsiNode n : items) {
            if (!n.text("mdtrt_id", 30).equals(mdtrtId) || !n.text("psn_no", 30).equals(psnNo)) {
                throw FsiRefusal.field(n.path(), "一次上传的明细须属于同一就诊和人员（mdtrt_id=" + mdtrtId + "，psn_no=" + psnNo + "）");
            }
            String sn = n.text("feedetl_sn", 30);
            if (!serials.add(sn)) {
                throw FsiRefusal.field(n.path() + ".feedetl_sn", "费用明细流水号 " + sn + " 在本次上传中重复，整批上传被拒绝");
            }
            Quantity cnt = n.quantity("cnt");
            UnitPrice pric = n.price("pric");
            Money sum = n.money("det_item_fee_sumamt");
            if (pric.isNegative()) {
                throw FsiRefusal.field(n.path() + ".pric", "单价不能为负");
            }
            String init = inpatient ? n.optText("init_feedetl_sn", 30) : null;
            if (cnt.isNegative() && init == null) {
                throw FsiRefusal.field(n.path() + ".cnt", "数量为负的退费明细 " + sn + " 须以 init_feedetl_sn 指明原明细"
                        + (inpatient ? "" : "；门诊费用请用 2205 撤销后重新上传"));
            }
            Integer prdDays = n.optInt("prd_days", 0, 3650);
            FeeLine line = new FeeLine(sn, n.text("med_list_codg", 50), n.time("fee_ocur_time"), cnt, pric, sum,
                    n.flag("hosp_appr_flag", false), init, prdDays);
            lines.add(new FeeLines.Stored(line, n.optText("chrg_bchno", 30), n.optText("medins_list_codg", 50),
                    n.optText("memo", 200), n.optText("bilg_dept_codg", 30), n.optText("bilg_dr_codg", 30), call.msgid(), null));
        }
        var opened = settler.open(call, mdtrtId, psnNo, "feedetail[0]", feeLines.forUploadQuery(mdtrtId, serials));
        Visits.Visit visit = opened.visit();
        requireOpen(visit, inpatient);
        FeeLines.UploadView view = opened.read();
        List<String> used = view.usedSerials();
        if (!used.isEmpty()) {
            throw FsiRefusal.field("feedetail.feedetl_sn", "费用明细流水号 " + String.join("、", used) + " 在就诊 " + mdtrtId
                    + " 中已上传过，整批上传被拒绝；修改明细请先撤销再以新流水号上传");
        }
        LocalDate day = visit.begntime().toLocalDate();
        SettlementFacts facts = settler.factsOn(call, opened, psnNo, day, day, day, "feedetail[0]");
        // Refund lines mirror their original's split, so the originals are split with them.
        List<FeeLines.Stored> earlier = view.active();
        List<FeeLine> all = new ArrayList<>();
        earlier.forEach(s -> all.add(s.line()));
        lines.forEach(s -> all.add(s.line()));
        List<LineResult> splits = settler.split(call, facts, all, visit.medType(), visit.begntime());
        List<LineResult> mine = splits.subList(earlier.size(), splits.size());
        feeLines.insert(mdtrtId, lines, mine, call.receivedAt());
        List<Map<String, Object>> result = new ArrayList<>(mine.size());
        for (LineResult r : mine) {
            result.add(Settler.lineResult(r, null));
        }
        return result;
    }

    static void requireOpen(Visits.Visit visit, boolean inpatient) {
        if (inpatient != (visit.kind() == Visits.Kind.INPATIENT)) {
            throw FsiRefusal.field("mdtrt_id", "就诊 " + visit.mdtrtId() + " 是" + (inpatient ? "门诊" : "住院")
                    + "就诊，请用" + (inpatient ? " 2204/2207 门诊交易" : " 2301/2304 住院交易"));
        }
        switch (visit.status()) {
            case SETTLED -> throw FsiRefusal.field("mdtrt_id", "就诊 " + visit.mdtrtId() + " 已结算，不能再上传或撤销费用；如需修改请先撤销结算（"
                    + (inpatient ? "2305" : "2208") + "）");
            case CANCELLED -> throw FsiRefusal.field("mdtrt_id", "就诊 " + visit.mdtrtId() + " 已撤销"
                    + (inpatient ? "入院" : "挂号") + "，不能再上传费用");
            default -> { }
        }
    }
}
