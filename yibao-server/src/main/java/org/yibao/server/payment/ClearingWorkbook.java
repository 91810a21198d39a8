package org.yibao.server.payment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.yibao.engine.money.Money;

/** A clearing statement as an .xlsx workbook (R-PAY-7): one sheet, the lines, the adjustments and the payable, amounts as numbers. */
public final class ClearingWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String MONEY = "#,##0.00";

    private ClearingWorkbook() {}

    public static byte[] of(MonthlyClearing.Statement s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Yibao", "1.0");
            Worksheet ws = wb.newWorksheet("清算单 " + s.month());
            int r = 0;
            ws.value(r, 0, "月度清算单 Monthly clearing statement");
            ws.value(++r, 0, "机构 Institution");
            ws.value(r, 1, s.fixmedinsCode());
            ws.value(r, 2, s.name());
            ws.value(++r, 0, "月份 Month");
            ws.value(r, 1, s.month().toString());
            ws.value(++r, 0, "状态 State");
            ws.value(r, 1, s.issued() ? "已出具 issued " + s.issuedAt() + " " + s.issuedBy() : "预览 preview (not issued)");
            r += 2;
            String[] head = {"清算机构 setl_optins", "结算笔数 settlements", "医疗费总额 medfee_sumamt", "基金支付 fund_pay_sumamt",
                    "个人账户 acct_pay", "现金 psn_cash_pay", "医院负担 hosp_part_amt", "应拨付 payable"};
            for (int c = 0; c < head.length; c++) {
                ws.value(r, c, head[c]);
                ws.style(r, c).bold().set();
            }
            for (MonthlyClearing.Line l : s.lines()) {
                r++;
                ws.value(r, 0, l.setlOptins());
                ws.value(r, 1, l.settlements());
                money(ws, r, 2, l.medfeeSumamt());
                money(ws, r, 3, l.fundPaySumamt());
                money(ws, r, 4, l.acctPay());
                money(ws, r, 5, l.psnCashPay());
                money(ws, r, 6, l.hospPartAmt());
                money(ws, r, 7, l.payable());
            }
            r += 2;
            String[] adjHead = {"调整 kind", "来源 source", "基金所属统筹区 admdvs", "说明 memo", "金额 amount"};
            for (int c = 0; c < adjHead.length; c++) {
                ws.value(r, c, adjHead[c]);
                ws.style(r, c).bold().set();
            }
            for (MonthlyClearing.Adjustment a : s.adjustments()) {
                r++;
                ws.value(r, 0, a.kind());
                ws.value(r, 1, a.sourceId());
                ws.value(r, 2, a.admdvs());
                ws.value(r, 3, a.memo());
                money(ws, r, 4, a.amount());
            }
            r += 2;
            ws.value(r, 0, "结算应拨付 settlements payable");
            money(ws, r, 7, s.settlementsPayable());
            ws.value(++r, 0, "调整合计 adjustments");
            money(ws, r, 7, s.adjustmentsTotal());
            ws.value(++r, 0, "本月应拨付 payable");
            money(ws, r, 7, s.payable());
            ws.style(r, 7).bold().format(MONEY).set();
            ws.width(0, 28);
            ws.width(3, 18);
            ws.width(7, 16);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void money(Worksheet ws, int r, int c, Money m) {
        ws.value(r, c, m.toBigDecimal());
        ws.style(r, c).format(MONEY).set();
    }
}
