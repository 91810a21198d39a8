package org.yibao.server.crossregion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.yibao.engine.money.Money;

/** A statement between two regions as an .xlsx workbook (R-XR-4): one sheet, the lines, the totals and the confirmations; amounts as numbers. */
public final class RegionClearingWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String MONEY = "#,##0.00";

    private RegionClearingWorkbook() {}

    public static byte[] of(RegionClearing.Statement s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Yibao", "1.0");
            Worksheet ws = wb.newWorksheet("异地清算 " + s.month());
            int r = 0;
            ws.value(r, 0, "异地就医清算单 Cross-region clearing statement");
            ws.value(++r, 0, "参保地 Insured region");
            ws.value(r, 1, s.insuredAdmdvs());
            ws.value(r, 2, s.insuredName());
            ws.value(++r, 0, "就医地 Treatment region");
            ws.value(r, 1, s.treatmentAdmdvs());
            ws.value(r, 2, s.treatmentName());
            ws.value(++r, 0, "月份 Month");
            ws.value(r, 1, s.month().toString());
            ws.value(++r, 0, "状态 State");
            ws.value(r, 1, s.state() + (s.issued() ? " · issued " + s.issuedAt() + " " + s.issuedBy() : ""));
            r = confirmation(ws, r, "参保地确认 Insured side", s.insuredConfirmation());
            r = confirmation(ws, r, "就医地确认 Treatment side", s.treatmentConfirmation());
            r += 2;
            String[] head = {"项目 line", "笔数 count", "医疗费总额 medfee_sumamt", "基金支付 fund_pay_sumamt", "个人账户 acct_pay", "清算金额 payments"};
            for (int c = 0; c < head.length; c++) {
                ws.value(r, c, head[c]);
                ws.style(r, c).bold().set();
            }
            for (String kind : RegionClearing.KINDS) {
                RegionClearing.Line l = s.line(kind);
                r++;
                ws.value(r, 0, label(kind));
                ws.value(r, 1, l.settlements());
                money(ws, r, 2, l.medfeeSumamt());
                money(ws, r, 3, l.fundPaySumamt());
                money(ws, r, 4, l.acctPay());
                money(ws, r, 5, l.payments());
            }
            r++;
            ws.value(r, 0, "本月清算金额 cleared amount");
            money(ws, r, 2, s.medfeeSumamt());
            money(ws, r, 3, s.fundPaySumamt());
            money(ws, r, 4, s.acctPay());
            money(ws, r, 5, s.clearedAmount());
            ws.style(r, 5).bold().format(MONEY).set();
            ws.width(0, 30);
            ws.width(2, 18);
            ws.width(3, 18);
            ws.width(5, 16);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int confirmation(Worksheet ws, int r, String title, RegionClearing.Confirmation c) {
        ws.value(++r, 0, title);
        ws.value(r, 1, c == null ? "未确认 not confirmed" : c.admdvs() + " " + c.confirmedAt() + " " + c.confirmedBy());
        return r;
    }

    static String label(String kind) {
        return switch (kind) {
            case "SETTLED" -> "本月结算 settled";
            case "REVERSED" -> "本月结算的撤销 reversed";
            default -> "以前月份结算的撤销 carried reversals";
        };
    }

    private static void money(Worksheet ws, int r, int c, Money m) {
        ws.value(r, c, m.toBigDecimal());
        ws.style(r, c).format(MONEY).set();
    }
}
