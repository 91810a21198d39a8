package org.yibao.engine.benefit;

import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * The money fields of a settlement reply ({@code setlinfo}, NATIONAL_INTERFACE §3), named as the
 * interface spells them. The identities of NATIONAL_INTERFACE §5 are checked on construction.
 *
 * @param overlmtSelfpay   Σ lines' overlmt_amt
 * @param actPayDedc       起付线 paid by this settlement
 * @param hifpPay          basic fund (统筹基金)
 * @param poolPropSelfpay  the basic fund's ratio r after adjustments and clamping
 * @param hifmiPay         居民大病保险
 * @param hifobPay         大额医疗费用补助
 * @param mafPay           医疗救助
 * @param acctPay          personal account, own + mutual aid
 * @param hospPartAmt      borne by the institution (the free yearly health check)
 * @param balc             the person's own account balance after; 0.00 without an own account
 * @param acctMulaidPay    the mutual-aid part of acct_pay
 */
public record SetlInfo(Money medfeeSumamt, Money fulamtOwnpayAmt, Money overlmtSelfpay, Money preselfpayAmt,
                       Money inscpScpAmt, Money actPayDedc, Money hifpPay, Ratio poolPropSelfpay, Money cvlservPay,
                       Money hifesPay, Money hifmiPay, Money hifobPay, Money mafPay, Money othPay, Money fundPaySumamt,
                       Money psnPartAmt, Money acctPay, Money psnCashPay, Money hospPartAmt, Money balc,
                       Money acctMulaidPay) {

    public SetlInfo {
        check(medfeeSumamt.equals(fulamtOwnpayAmt.plus(overlmtSelfpay).plus(preselfpayAmt).plus(inscpScpAmt)),
                "medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt");
        check(fundPaySumamt.equals(hifpPay.plus(cvlservPay).plus(hifesPay).plus(hifmiPay).plus(hifobPay).plus(mafPay).plus(othPay)),
                "fund_pay_sumamt = Σ funds");
        check(psnPartAmt.equals(medfeeSumamt.minus(fundPaySumamt).minus(hospPartAmt)),
                "psn_part_amt = medfee_sumamt − fund_pay_sumamt − hosp_part_amt");
        check(psnPartAmt.equals(acctPay.plus(psnCashPay)), "psn_part_amt = acct_pay + psn_cash_pay");
    }

    /**
     * The mirror of this settlement for its reversal (2208/2305): every amount negated, the ratio kept
     * (DOMAIN §4.3, NATIONAL_INTERFACE §5: "a reversal's amounts are the original's negated"). The
     * balance is not an amount: the caller gives the own account's balance after the reversal.
     */
    public SetlInfo negated(Money balanceAfterReversal) {
        return new SetlInfo(medfeeSumamt.negate(), fulamtOwnpayAmt.negate(), overlmtSelfpay.negate(), preselfpayAmt.negate(),
                inscpScpAmt.negate(), actPayDedc.negate(), hifpPay.negate(), poolPropSelfpay, cvlservPay.negate(),
                hifesPay.negate(), hifmiPay.negate(), hifobPay.negate(), mafPay.negate(), othPay.negate(),
                fundPaySumamt.negate(), psnPartAmt.negate(), acctPay.negate(), psnCashPay.negate(), hospPartAmt.negate(),
                balanceAfterReversal, acctMulaidPay.negate());
    }

    /**
     * Refuses a settlement request whose client-side sums (2207/2304: {@code medfee_sumamt,
     * fulamt_ownpay_amt, overlmt_selfpay, preselfpay_amt, inscp_scp_amt}, the client's sums of the line
     * results) differ from the computed ones; a null client value is not checked.
     *
     * @throws SettlementRefused naming the first field that differs
     */
    public void requireClientSums(Money medfee, Money fulamt, Money overlmt, Money preselfpay, Money inscp) {
        compare("medfee_sumamt", medfee, medfeeSumamt);
        compare("fulamt_ownpay_amt", fulamt, fulamtOwnpayAmt);
        compare("overlmt_selfpay", overlmt, overlmtSelfpay);
        compare("preselfpay_amt", preselfpay, preselfpayAmt);
        compare("inscp_scp_amt", inscp, inscpScpAmt);
    }

    private static void compare(String field, Money client, Money computed) {
        if (client != null && !client.equals(computed)) {
            throw new SettlementRefused(SettlementRefused.Reason.CLIENT_SUMS_MISMATCH, field, null, "请求的 " + field
                    + "=" + client + " 与已上传费用明细的合计 " + computed + " 不符；请重新获取明细结果 (2204/2301) 后再结算");
        }
    }

    private static void check(boolean holds, String identity) {
        if (!holds) {
            throw new IllegalStateException("settlement identity broken: " + identity);
        }
    }
}
