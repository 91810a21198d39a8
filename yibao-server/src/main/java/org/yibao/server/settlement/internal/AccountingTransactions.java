package org.yibao.server.settlement.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.benefit.BenefitEngine;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.server.insured.SettlementFacts;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * Look-ups and corrections around settlements (NATIONAL_INTERFACE §3): 5206 accumulators, 2001
 * benefit check, 2601 冲正 (undo a transaction by its msgid), 3201/3202 reconciliation of totals and
 * of details against the institution's own figures.
 */
@Component
class AccountingTransactions implements FsiTransaction {

    private final JdbcClient jdbc;
    private final Settler settler;
    private final Visits visits;
    private final FeeLines feeLines;
    private final SettlementTransactions settlements;

    AccountingTransactions(JdbcClient jdbc, Settler settler, Visits visits, FeeLines feeLines, SettlementTransactions settlements) {
        this.jdbc = jdbc;
        this.settler = settler;
        this.visits = visits;
        this.feeLines = feeLines;
        this.settlements = settlements;
    }

    @Override
    public List<String> infnos() {
        return List.of("5206", "2001", "2601", "3201", "3202");
    }

    @Override
    public Object handle(FsiCall call) {
        return switch (call.infno()) {
            case "5206" -> accumulators(call);
            case "2001" -> benefitCheck(call);
            case "2601" -> undo(call);
            case "3201" -> reconcileTotals(call);
            case "3202" -> reconcileDetails(call);
            default -> throw new IllegalArgumentException(call.infno());
        };
    }

    private Object accumulators(FsiCall call) {
        FsiNode data = call.input().object("data");
        String psnNo = data.text("psn_no", 30);
        String ym = data.optText("cum_ym", 6);
        int year = call.now().getYear();
        if (ym != null) {
            if (!ym.matches("\\d{6}") || Integer.parseInt(ym.substring(4)) < 1 || Integer.parseInt(ym.substring(4)) > 12) {
                throw FsiRefusal.field("data.cum_ym", "格式应为 yyyyMM，收到 " + ym);
            }
            year = Integer.parseInt(ym.substring(0, 4));
        }
        SettlementFacts facts = settler.facts(call, psnNo, call.now().toLocalDate(), "data");
        int y = year;
        List<Map<String, Object>> rows = jdbc.sql("""
                        select cum_key, amount from accumulator where psn_no = ? and admdvs = ? and year = ? and amount <> 0
                        order by cum_key""")
                .params(psnNo, facts.person().insuredAdmdvs(), year)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("insutype", facts.person().insuranceType());
                    m.put("year", String.valueOf(y));
                    m.put("cum_type_code", rs.getString(1));
                    m.put("cum", Money.of(rs.getBigDecimal(2)));
                    return m;
                })
                .list();
        return Map.of("cuminfo", rows);
    }

    private Object benefitCheck(FsiCall call) {
        FsiNode data = call.input().object("data");
        String psnNo = data.text("psn_no", 30);
        String insutype = data.optText("insutype", 3);
        String medType = data.text("med_type", 6);
        LocalDate date = Optional.ofNullable(data.optTime("begntime")).map(t -> t.toLocalDate()).orElse(call.now().toLocalDate());
        String diseCodg = data.optText("dise_codg", 30);
        String fixmedins = data.optText("fixmedins_code", 30);
        if (fixmedins != null && !fixmedins.equals(call.fixmedinsCode())) {
            throw FsiRefusal.field("data.fixmedins_code", fixmedins + " 不是本机构");
        }
        SettlementFacts facts = settler.facts(call, psnNo, date, "data");
        Settler.checkInsutype(facts, insutype, "data");
        var p = facts.person();
        String fundType = "310".equals(p.insuranceType()) ? "310100" : "390100";
        List<Map<String, Object>> rows = new ArrayList<>();
        String status = switch (p.status()) {
            case "BLACKLISTED" -> "列入医保失信黑名单，暂停待遇" + (p.statusUntil() == null ? "" : "至 " + p.statusUntil());
            case "SUSPENDED" -> p.statusUntil() != null && date.isAfter(p.statusUntil()) ? null
                    : "医保待遇暂停" + (p.statusUntil() == null ? "" : "至 " + p.statusUntil());
            default -> null;
        };
        rows.add(check(fundType, "10", psnNo, status == null, status == null ? "参保状态正常" : status));
        RegionPolicy policy = policies(p.insuredAdmdvs(), date);
        if (policy == null) {
            rows.add(check(fundType, "20", psnNo, false, "参保地 " + p.insuredAdmdvs() + " 无 " + date.getYear() + " 年待遇政策"));
        } else {
            boolean pool = policy.poolFor(medType).isPresent();
            rows.add(check(fundType, "20", psnNo, pool, pool ? "医疗类别 " + medType + " 可享受待遇"
                    : "医疗类别 " + medType + " 无待遇：" + policy.medTypeRefusal(medType).orElse("")));
            if ("14".equals(medType)) {
                var disease = diseCodg == null ? Optional.<org.yibao.engine.policy.ChronicDisease>empty() : policy.chronicDiseaseFor(diseCodg);
                boolean ok = disease.isPresent() && facts.chronicDiseaseKeys().contains(disease.get().key());
                rows.add(check(fundType, "30", psnNo, ok, ok ? "已认定门诊慢特病 " + disease.get().name()
                        : "未认定诊断 " + diseCodg + " 对应的门诊慢特病，请先办理认定（2503）"));
            }
        }
        if (!call.institutionPooling().equals(facts.insuredPooling())) {
            boolean filed = facts.crossRegionFilings().stream().anyMatch(f -> f.endsWith(":" + call.institutionPooling()));
            boolean emergency = "13".equals(medType) || "24".equals(medType);
            rows.add(check(fundType, "40", psnNo, filed || emergency, filed ? "已办理异地就医备案"
                    : emergency ? "急诊抢救按异地转诊备案结算（R-XR-3）"
                    : "未办理到 " + call.institutionPooling() + " 的异地就医备案。" + BenefitEngine.HOW_TO_FILE));
        }
        return Map.of("trtinfo", rows);
    }

    private RegionPolicy policies(String admdvs, LocalDate date) {
        try {
            return settler.policy(admdvs, date);
        } catch (FsiRefusal e) {
            return null;
        }
    }

    private static Map<String, Object> check(String fundType, String type, String psnNo, boolean ok, String result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fund_pay_type", fundType);
        m.put("trt_chk_type", type);
        m.put("psn_no", psnNo);
        m.put("trt_enjymnt_flag", ok ? "1" : "0");
        m.put("trt_chk_rslt", result);
        return m;
    }

    /** 2601: undoes a successful transaction of this institution by its msgid. */
    private Object undo(FsiCall call) {
        FsiNode data = call.input().object("data");
        String psnNo = data.text("psn_no", 30);
        String omsgid = data.text("omsgid", 40);
        String oinfno = data.text("oinfno", 6);
        boolean found = jdbc.sql("select exists (select 1 from fsi_message where fixmedins_code = ? and msgid = ? and infno = ? and infcode = 0)")
                .params(call.fixmedinsCode(), omsgid, oinfno).query(Boolean.class).single();
        if (!found) {
            throw FsiRefusal.field("data.omsgid", "本机构没有报文ID " + omsgid + " 的成功交易 " + oinfno + "，无可冲正");
        }
        switch (oinfno) {
            case "2207", "2207A", "2304" -> {
                String setlId = jdbc.sql("select setl_id from settlement where medins_setl_id = ? and fixmedins_code = ? and reverses_setl_id is null")
                        .params(omsgid, call.fixmedinsCode()).query(String.class).optional()
                        .orElseThrow(() -> FsiRefusal.field("data.omsgid", "报文 " + omsgid + " 没有对应的结算"));
                Settler.Stored original = settler.find(setlId).orElseThrow();
                Visits.Visit visit = visits.lockOwn(call, original.mdtrtId(), psnNo, "data");
                return settlements.reverseStored(call, visit, settler.find(setlId).orElseThrow());
            }
            case "2201", "2401" -> {
                String mdtrtId = jdbc.sql("select mdtrt_id from visit where created_msgid = ? and fixmedins_code = ?")
                        .params(omsgid, call.fixmedinsCode()).query(String.class).optional()
                        .orElseThrow(() -> FsiRefusal.field("data.omsgid", "报文 " + omsgid + " 没有对应的就诊"));
                Visits.Visit visit = visits.lockOwn(call, mdtrtId, psnNo, "data");
                if (visit.status() == Visits.Status.CANCELLED) {
                    throw FsiRefusal.field("data.omsgid", "交易 " + omsgid + " 已冲正（就诊已撤销）");
                }
                boolean settled = jdbc.sql("select exists (select 1 from settlement where mdtrt_id = ? and reverses_setl_id is null and reversed_by is null)")
                        .param(mdtrtId).query(Boolean.class).single();
                if (settled) {
                    throw FsiRefusal.field("data.omsgid", "就诊 " + mdtrtId + " 已有结算，请先冲正结算");
                }
                feeLines.cancel(mdtrtId, null, null, null);
                visits.status(mdtrtId, Visits.Status.CANCELLED, call.receivedAt());
                jdbc.sql("update referral set consumed_by_mdtrt_id = null where consumed_by_mdtrt_id = ?").param(mdtrtId).update();
                return Map.of("mdtrt_id", mdtrtId);
            }
            case "2204", "2301" -> {
                String mdtrtId = jdbc.sql("select mdtrt_id from fee_line where uploaded_msgid = ? limit 1").param(omsgid)
                        .query(String.class).optional()
                        .orElseThrow(() -> FsiRefusal.field("data.omsgid", "报文 " + omsgid + " 没有对应的费用明细"));
                visits.lockOwn(call, mdtrtId, psnNo, "data");
                int open = jdbc.sql("select count(*) from fee_line where uploaded_msgid = ? and mdtrt_id = ? and setl_id is not null")
                        .params(omsgid, mdtrtId).query(Integer.class).single();
                if (open > 0) {
                    throw FsiRefusal.field("data.omsgid", "报文 " + omsgid + " 上传的明细已结算，请先冲正结算");
                }
                int cancelled = feeLines.cancel(mdtrtId, null, null, omsgid);
                if (cancelled == 0) {
                    throw FsiRefusal.field("data.omsgid", "报文 " + omsgid + " 上传的明细已冲正或已撤销");
                }
                return Map.of("mdtrt_id", mdtrtId, "cancelled", cancelled);
            }
            default -> throw FsiRefusal.field("data.oinfno", "交易 " + oinfno + " 不支持冲正；可冲正：2201、2204、2207、2301、2304、2401");
        }
    }

    private record Totals(Money medfee, Money fund, Money acct, Money cash, long count) {}

    private Totals totals(String fixmedins, String optins, LocalDate from, LocalDate to, String insutype, String clrType) {
        return jdbc.sql("""
                        select coalesce(sum(medfee_sumamt), 0), coalesce(sum(fund_pay_sumamt), 0), coalesce(sum(acct_pay), 0),
                               coalesce(sum(psn_cash_pay), 0),
                               count(*) filter (where reverses_setl_id is null) - count(*) filter (where reverses_setl_id is not null)
                        from settlement
                        where fixmedins_code = ? and insured_admdvs = ? and setl_time >= ? and setl_time < ?
                          and (cast(? as varchar) is null or insutype = ?) and (cast(? as varchar) is null or clr_type = ?)""")
                .params(fixmedins, optins, from.atStartOfDay(), to.plusDays(1).atStartOfDay(), insutype, insutype, clrType, clrType)
                .query((rs, n) -> new Totals(Money.of(rs.getBigDecimal(1)), Money.of(rs.getBigDecimal(2)),
                        Money.of(rs.getBigDecimal(3)), Money.of(rs.getBigDecimal(4)), rs.getLong(5)))
                .single();
    }

    private static LocalDate[] period(FsiNode data) {
        LocalDate from = data.date("stmt_begndate");
        LocalDate to = data.date("stmt_enddate");
        if (to.isBefore(from)) {
            throw FsiRefusal.field("data.stmt_enddate", "对账结束日期 " + to + " 早于开始日期 " + from);
        }
        if (to.isAfter(from.plusYears(1))) {
            throw FsiRefusal.field("data.stmt_enddate", "对账期间不能超过一年");
        }
        return new LocalDate[] {from, to};
    }

    private Object reconcileTotals(FsiCall call) {
        FsiNode data = call.input().object("data");
        String insutype = data.optCode("insutype", Set.of("310", "390"));
        String clrType = data.optCode("clr_type", Set.of("11", "21", "41"));
        String optins = data.text("setl_optins", 6);
        LocalDate[] p = period(data);
        Money medfee = data.money("medfee_sumamt");
        Money fund = data.money("fund_pay_sumamt");
        Money acct = data.money("acct_pay");
        Integer count = data.optInt("fixmedins_setl_cnt", 0, Integer.MAX_VALUE);
        if (count == null) {
            throw FsiRefusal.field("data.fixmedins_setl_cnt", "必填");
        }
        Totals t = totals(call.fixmedinsCode(), optins, p[0], p[1], insutype, clrType);
        List<String> diffs = new ArrayList<>();
        diff(diffs, "医疗费总额", medfee, t.medfee());
        diff(diffs, "基金支付总额", fund, t.fund());
        diff(diffs, "个人账户支付", acct, t.acct());
        if (count != t.count()) {
            diffs.add("结算笔数 机构 " + count + " / 平台 " + t.count());
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("setl_optins", optins);
        info.put("stmt_rslt", diffs.isEmpty() ? "0" : "1");
        info.put("stmt_rslt_dscr", diffs.isEmpty() ? "对账一致" : "对账不平：" + String.join("；", diffs));
        return Map.of("stmtinfo", info);
    }

    private static void diff(List<String> diffs, String name, Money theirs, Money ours) {
        if (!theirs.equals(ours)) {
            diffs.add(name + " 机构 " + theirs + " / 平台 " + ours);
        }
    }

    private Object reconcileDetails(FsiCall call) {
        FsiNode data = call.input().object("data");
        String optins = data.text("setl_optins", 6);
        String fileNo = data.text("file_qury_no", 40);
        LocalDate[] p = period(data);
        data.money("medfee_sumamt");
        data.money("fund_pay_sumamt");
        data.optMoney("cash_payamt");
        byte[] content = jdbc.sql("select content from fsi_file where file_qury_no = ? and fixmedins_code = ?")
                .params(fileNo, call.fixmedinsCode()).query(byte[].class).optional()
                .orElseThrow(() -> FsiRefusal.field("data.file_qury_no", "文件 " + fileNo + " 不存在或不属于本机构，请先用 9101 上传对账明细"));
        Map<String, String[]> theirs = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("setl_id")) {
                continue;
            }
            String[] f = line.split("[\t,|]", -1);
            if (f.length < 7) {
                throw FsiRefusal.field("data.file_qury_no", "对账文件第 " + lineNo + " 行应有 7 列：setl_id, mdtrt_id, psn_no, "
                        + "medfee_sumamt, fund_pay_sumamt, acct_pay, refd_setl_flag");
            }
            for (int i = 3; i <= 5; i++) {
                try {
                    Money.of(f[i].trim());
                } catch (IllegalArgumentException e) {
                    throw FsiRefusal.field("data.file_qury_no", "对账文件第 " + lineNo + " 行第 " + (i + 1) + " 列不是金额：" + f[i]);
                }
            }
            theirs.put(f[0].trim(), f);
        }
        Map<String, Object[]> ours = new LinkedHashMap<>();
        jdbc.sql("""
                        select setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay, reverses_setl_id is not null
                        from settlement where fixmedins_code = ? and insured_admdvs = ? and setl_time >= ? and setl_time < ?
                        order by setl_id""")
                .params(call.fixmedinsCode(), optins, p[0].atStartOfDay(), p[1].plusDays(1).atStartOfDay())
                .query(rs -> {
                    ours.put(rs.getString(1), new Object[] {rs.getString(2), rs.getString(3), Money.of(rs.getBigDecimal(4)),
                            Money.of(rs.getBigDecimal(5)), Money.of(rs.getBigDecimal(6)), rs.getBoolean(7)});
                });
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map.Entry<String, String[]> e : theirs.entrySet()) {
            Object[] o = ours.get(e.getKey());
            String[] f = e.getValue();
            if (o == null) {
                result.add(row(e.getKey(), f[1].trim(), f[2].trim(), "平台无此结算"));
            } else if (!Money.of(f[3].trim()).equals(o[2]) || !Money.of(f[4].trim()).equals(o[3]) || !Money.of(f[5].trim()).equals(o[4])) {
                result.add(row(e.getKey(), (String) o[0], (String) o[1], "金额不一致：平台 医疗费 " + o[2] + "、基金 " + o[3] + "、账户 " + o[4]));
            }
        }
        for (Map.Entry<String, Object[]> e : ours.entrySet()) {
            if (!theirs.containsKey(e.getKey())) {
                result.add(row(e.getKey(), (String) e.getValue()[0], (String) e.getValue()[1], "机构明细缺少此结算"));
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("setl_optins", optins);
        info.put("stmt_rslt", result.isEmpty() ? "0" : "1");
        info.put("stmt_rslt_dscr", result.isEmpty() ? "明细一致" : result.size() + " 笔明细不一致");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stmtinfo", info);
        out.put("result", result);
        return out;
    }

    private static Map<String, Object> row(String setlId, String mdtrtId, String psnNo, String memo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setl_id", setlId);
        m.put("mdtrt_id", mdtrtId);
        m.put("psn_no", psnNo);
        m.put("stmt_rslt", "1");
        m.put("memo", memo);
        return m;
    }
}
