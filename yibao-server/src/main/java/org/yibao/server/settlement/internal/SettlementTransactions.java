package org.yibao.server.settlement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.benefit.SetlInfo;
import org.yibao.engine.benefit.Visit;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.InstitutionLevel;
import org.yibao.server.insured.ElectronicCredentials;
import org.yibao.server.insured.SettlementFacts;
import org.yibao.server.institution.Institutions;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * Fee lines, pre-settlement, settlement, reversal and look-ups (NATIONAL_INTERFACE §3): 2204/2205,
 * 2206/2206A, 2207/2207A, 2208 for outpatient visits; 2301/2302, 2303, 2304, 2305 for stays; 5203.
 */
@Component
class SettlementTransactions implements FsiTransaction {

    static final Set<String> OUTPATIENT_MED_TYPES = Set.of("11", "12", "13", "14", "41", "51");

    private final Visits visits;
    private final FeeLines feeLines;
    private final FeeUploads uploads;
    private final Settler settler;
    private final Institutions institutions;
    private final JdbcClient jdbc;
    private final ElectronicCredentials credentials;

    SettlementTransactions(Visits visits, FeeLines feeLines, FeeUploads uploads, Settler settler, Institutions institutions,
                           JdbcClient jdbc, ElectronicCredentials credentials) {
        this.credentials = credentials;
        this.visits = visits;
        this.feeLines = feeLines;
        this.uploads = uploads;
        this.settler = settler;
        this.institutions = institutions;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> infnos() {
        return List.of("2204", "2205", "2206", "2206A", "2207", "2207A", "2208", "2301", "2302", "2303", "2304", "2305", "5203");
    }

    @Override
    public Object handle(FsiCall call) {
        return switch (call.infno()) {
            case "2204" -> Map.of("result", uploads.upload(call, false));
            case "2301" -> Map.of("result", uploads.upload(call, true));
            case "2205" -> cancelFees(call, false);
            case "2302" -> cancelFees(call, true);
            case "2206", "2206A" -> settle(call, true, false);
            case "2207", "2207A" -> settle(call, false, false);
            case "2303" -> settle(call, true, true);
            case "2304" -> settle(call, false, true);
            case "2208" -> reverse(call, false);
            case "2305" -> reverse(call, true);
            case "5203" -> query(call);
            default -> throw new IllegalArgumentException(call.infno());
        };
    }

    private Object cancelFees(FsiCall call, boolean inpatient) {
        FsiNode data = call.input().object("data");
        String mdtrtId = data.text("mdtrt_id", 30);
        Visits.Visit visit = visits.lockOwn(call, mdtrtId, data.text("psn_no", 30), "data");
        FeeUploads.requireOpen(visit, inpatient);
        String which = inpatient ? data.text("feedetl_sn", 30) : data.text("chrg_bchno", 30);
        boolean all = "0000".equals(which);
        int cancelled = inpatient ? feeLines.cancel(mdtrtId, null, all ? null : which, null)
                : feeLines.cancel(mdtrtId, all ? null : which, null, null);
        if (cancelled == 0) {
            throw FsiRefusal.field("data." + (inpatient ? "feedetl_sn" : "chrg_bchno"), "就诊 " + mdtrtId + " 没有"
                    + (all ? "" : (inpatient ? "流水号 " : "收费批次 ") + which + " 的") + "未结算费用明细可撤销");
        }
        return Map.of("cancelled", cancelled);
    }

    private Object settle(FsiCall call, boolean pre, boolean inpatient) {
        FsiNode data = call.input().object("data");
        String psnNo = data.text("psn_no", 30);
        String mdtrtId = data.text("mdtrt_id", 30);
        Money medfee = data.money("medfee_sumamt");
        String setlway = data.optText("psn_setlway", 2);
        boolean acctUsed = data.flag("acct_used_flag", false);
        String insutype = data.optText("insutype", 3);
        String certType = data.optText("mdtrt_cert_type", 2);
        String certNo = data.optText("mdtrt_cert_no", 100);
        // R-INS-7: an electronic credential shown again at settlement must be the person's (it may have expired since registration).
        if ("01".equals(certType) && !credentials.issuedTo(certNo, psnNo)) {
            throw FsiRefusal.field("data.mdtrt_cert_no", "医保电子凭证不属于人员 " + psnNo);
        }
        boolean mid = inpatient && data.flag("mid_setl_flag", false);
        String chrgBchno = inpatient ? null : data.optText("chrg_bchno", 30);
        String invono = data.optText("invono", 60);
        Money fulamt = data.optMoney("fulamt_ownpay_amt");
        Money overlmt = data.optMoney("overlmt_selfpay");
        Money preselfpay = data.optMoney("preselfpay_amt");
        Money inscp = data.optMoney("inscp_scp_amt");
        String medTypeGiven = inpatient ? data.optText("med_type", 6) : data.code("med_type", OUTPATIENT_MED_TYPES);

        var opened = settler.openForSettlement(call, mdtrtId, psnNo, "data", feeLines.activeQuery(mdtrtId), !pre);
        Visits.Visit visit = opened.visit();
        FeeUploads.requireOpen(visit, inpatient);
        if (inpatient && !mid && visit.status() != Visits.Status.DISCHARGED) {
            throw FsiRefusal.field("data.mdtrt_id", "住院就诊 " + mdtrtId + " 尚未办理出院，出院结算前请先上传出院信息（2402）；"
                    + "在院期间结算请送 mid_setl_flag=1");
        }
        String medType = medTypeGiven != null ? medTypeGiven : visit.medType();
        LocalDate date = inpatient ? (mid ? call.now().toLocalDate() : visit.endtime().toLocalDate()) : visit.begntime().toLocalDate();
        // R-XR-3 (补办备案): a stay is settled under a filing in force on any day from its admission to this
        // settlement, so a filing made after the admission (even after discharge) but before the final
        // settlement covers the whole stay; a visit needs a filing in force on its day.
        LocalDate filingsTo = inpatient ? call.now().toLocalDate() : date;
        List<FeeLines.Stored> lines = new ArrayList<>();
        for (FeeLines.Stored s : opened.read()) {
            if (s.setlId() == null && (chrgBchno == null || "0000".equals(chrgBchno) || chrgBchno.equals(s.chrgBchno()))) {
                lines.add(s);
            }
        }
        if (lines.isEmpty()) {
            throw FsiRefusal.field("data.mdtrt_id", "就诊 " + mdtrtId + " 没有待结算的费用明细，请先上传（" + (inpatient ? "2301" : "2204") + "）");
        }
        SettlementFacts facts = settler.factsOn(call, opened, psnNo, date, inpatient ? visit.begntime().toLocalDate() : date,
                filingsTo.isBefore(date) ? date : filingsTo, "data");
        Settler.checkInsutype(facts, insutype, "data");
        Settler.checkBenefitStatus(facts, date);
        checkCrossRegionFlag(call, facts, inpatient, medType, date);
        Visit engineVisit = new Visit(medType, setlway, call.fixmedinsCode(), Settler.level(call), call.institutionPooling(),
                facts.insuredPooling(), visit.diseCodg(), visit.begntime().toLocalDate(), inpatient ? date : null, mid,
                visit.stayDeductibleUsed(), referral(visit, date), filing(facts, call), acctUsed);
        Settler.Computed c = settler.compute(call, facts, engineVisit, lines, !pre, opened.loaded());
        SetlInfo s = c.result().setlinfo();
        Settler.checkClientSums(s, medfee, pre ? null : fulamt, pre ? null : overlmt, pre ? null : preselfpay, pre ? null : inscp);
        String clrType = Settler.clrType(visit.kind(), medType);
        String procInfo = c.result().explanation().toChinese();
        if (pre) {
            return reply(settler.setlinfo(null, mdtrtId, facts, call.now(), certType, medType, clrType, s, call.msgid(), procInfo),
                    Settler.setldetail(c.result().setldetail()));
        }
        String setlId = settler.store(call, visit, c, medType, mid, invono, certType);
        return reply(settler.setlinfo(setlId, mdtrtId, facts, call.now(), certType, medType, clrType, s, call.msgid(), procInfo),
                Settler.setldetail(c.result().setldetail()));
    }

    /** The referral this visit consumed (R-INS-5), as the engine sees it. */
    private Visit.Referral referral(Visits.Visit visit, LocalDate date) {
        return java.util.Optional.ofNullable(visit.referralFrom())
                .flatMap(from -> institutions.find(from, date))
                .filter(i -> i.level() != null)
                .map(i -> new Visit.Referral(i.fixmedinsCode(), InstitutionLevel.of(i.level())))
                .orElse(null);
    }

    /**
     * R-XR-2/R-XR-3: an institution settles care of persons insured elsewhere only with the cross-region
     * flag of the kind of care (住院, 普通门诊, 门诊慢特病); without it the HIS is told to settle as a
     * local self-paid bill.
     */
    private void checkCrossRegionFlag(FsiCall call, SettlementFacts facts, boolean inpatient, String medType, LocalDate date) {
        if (call.institutionPooling().equals(facts.insuredPooling())) {
            return;
        }
        var institution = institutions.find(call.fixmedinsCode(), date).orElse(null);
        boolean chronic = "14".equals(medType);
        boolean allowed = institution != null
                && (inpatient ? institution.xrInpatient() : chronic ? institution.xrChronic() : institution.xrOutpatient());
        if (!allowed) {
            String kind = inpatient ? "异地住院" : chronic ? "异地门诊慢特病" : "异地普通门诊";
            throw new FsiRefusal("FSI-结算失败: 本机构 " + call.fixmedinsCode() + " 未开通" + kind + "直接结算，参保地 "
                    + facts.person().insuredAdmdvs() + " 的人员不能在本机构直接结算" + kind.substring(2)
                    + "费用；请按全自费收费，由参保人回参保地按规定报销，或到已开通的机构就医（定点机构目录标有 ✓）");
        }
    }

    /**
     * The person's cross-region filing for the institution's region (R-XR-1), when care is outside the
     * insured region; of several in force the most favourable (long-term, then referral, then other
     * temporary).
     */
    private static Visit.CrossRegionFiling filing(SettlementFacts facts, FsiCall call) {
        // A county inside a pooling region (示范县 in 990100) shares its fund and policy: care anywhere in the pool is local.
        if (call.institutionPooling().equals(facts.insuredPooling())) {
            return Visit.CrossRegionFiling.NONE;
        }
        Visit.CrossRegionFiling best = Visit.CrossRegionFiling.NONE;
        for (String f : facts.crossRegionFilings()) {
            String[] parts = f.split(":");
            if (parts.length == 2 && parts[1].trim().equals(call.institutionPooling())) {
                Visit.CrossRegionFiling found = switch (parts[0]) {
                    case "RETIREE_RESETTLED", "LONG_TERM_RESIDENT", "POSTED_WORKER" -> Visit.CrossRegionFiling.LONG_TERM;
                    case "REFERRAL" -> Visit.CrossRegionFiling.REFERRAL;
                    default -> Visit.CrossRegionFiling.OTHER_TEMPORARY;
                };
                best = rank(found) > rank(best) ? found : best;
            }
        }
        return best;
    }

    private static int rank(Visit.CrossRegionFiling f) {
        return switch (f) {
            case LONG_TERM -> 3;
            case REFERRAL -> 2;
            case OTHER_TEMPORARY -> 1;
            case NONE -> 0;
        };
    }

    private Object reverse(FsiCall call, boolean inpatient) {
        FsiNode data = call.input().object("data");
        String setlId = data.text("setl_id", 30);
        String mdtrtId = data.text("mdtrt_id", 30);
        String psnNo = data.text("psn_no", 30);
        Visits.Visit visit = visits.lockOwn(call, mdtrtId, psnNo, "data");
        Settler.Stored original = settler.find(setlId).filter(s -> s.mdtrtId().equals(mdtrtId))
                .orElseThrow(() -> FsiRefusal.field("data.setl_id", "结算 " + setlId + " 不存在或不属于就诊 " + mdtrtId));
        if (inpatient != (visit.kind() == Visits.Kind.INPATIENT)) {
            throw FsiRefusal.field("data.mdtrt_id", "就诊 " + mdtrtId + " 请用" + (inpatient ? " 2208 撤销门诊结算" : " 2305 撤销住院结算"));
        }
        return reverseStored(call, visit, original);
    }

    /** Reverses a stored settlement of a locked visit and answers with the mirror (also used by 2601). */
    Object reverseStored(FsiCall call, Visits.Visit visit, Settler.Stored original) {
        if (visit.kind() == Visits.Kind.INPATIENT && original.mid() && original.reversedBy() == null) {
            boolean later = jdbc.sql("select exists (select 1 from settlement where mdtrt_id = ? and setl_id > ? and reverses_setl_id is null and reversed_by is null)")
                    .params(visit.mdtrtId(), original.setlId()).query(Boolean.class).single();
            if (later) {
                throw FsiRefusal.field("data.setl_id", "中途结算 " + original.setlId() + " 之后还有未撤销的结算，请先撤销后面的结算");
            }
        }
        String reversalId = settler.reverse(call, original);
        feeLines.unsettled(original.setlId());
        if (original.mid()) {
            visits.addStayDeductible(visit.mdtrtId(), original.info().actPayDedc().negate());
        } else if (visit.status() == Visits.Status.SETTLED) {
            visits.status(visit.mdtrtId(), visit.kind() == Visits.Kind.INPATIENT ? Visits.Status.DISCHARGED : Visits.Status.REGISTERED,
                    call.receivedAt());
        }
        Settler.Stored mirror = settler.find(reversalId).orElseThrow();
        SettlementFacts facts = settler.facts(call, original.psnNo(), original.setlTime().toLocalDate(), "data");
        return reply(settler.setlinfo(reversalId, visit.mdtrtId(), facts, mirror.setlTime(), null, mirror.medType(),
                mirror.clrType(), mirror.info(), mirror.medinsSetlId(), mirror.setlProcInfo()), settler.storedDetail(reversalId));
    }

    private Object query(FsiCall call) {
        FsiNode data = call.input().object("data");
        String setlId = data.text("setl_id", 30);
        String psnNo = data.text("psn_no", 30);
        String mdtrtId = data.optText("mdtrt_id", 30);
        Settler.Stored s = settler.find(setlId)
                .filter(x -> x.fixmedinsCode().equals(call.fixmedinsCode()) && x.psnNo().equals(psnNo)
                        && (mdtrtId == null || x.mdtrtId().equals(mdtrtId)))
                .orElseThrow(() -> FsiRefusal.field("data.setl_id", "结算 " + setlId + " 不存在或不属于本机构的该人员"));
        SettlementFacts facts = settler.facts(call, psnNo, s.setlTime().toLocalDate(), "data");
        return reply(settler.setlinfo(s.setlId(), s.mdtrtId(), facts, s.setlTime(), null, s.medType(), s.clrType(), s.info(),
                s.medinsSetlId(), s.setlProcInfo()), settler.storedDetail(s.setlId()));
    }

    private static Map<String, Object> reply(Map<String, Object> setlinfo, List<Map<String, Object>> setldetail) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("setlinfo", setlinfo);
        out.put("setldetail", setldetail);
        return out;
    }
}
