package org.yibao.engine.benefit;

import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;

/**
 * The split of one fee line (2204/2301 {@code result[]}, DOMAIN §4.1). Always
 * {@code sumamt = fulamtOwnpayAmt + overlmtAmt + preselfpayAmt + inscpScpAmt}.
 *
 * @param pricUplmtAmt     {@code pric_uplmt_amt}: the item's price cap, null when none
 * @param fulamtOwnpayAmt  全自费: not in scope at all (unknown item, 丙类, failed restriction)
 * @param overlmtAmt       超限价自费: the part above the price cap
 * @param preselfpayAmt    先行自付: the first self-pay share of a 乙类 item
 * @param inscpScpAmt      符合范围: in scope of the funds
 * @param chrgitmLv        level; null when the item is not in the catalogue
 * @param lmtUsedFlag      a restriction applied to the line ({@code lmt_used_flag})
 * @param nonDisease       the item is a non-disease item (not payable by mutual aid)
 * @param memo             a note supervision sees (failed restriction, unknown item); empty when none
 */
public record LineResult(String feedetlSn, String medListCodg, Money sumamt, Quantity cnt, UnitPrice pric,
                         UnitPrice pricUplmtAmt, Ratio selfpayProp, Money fulamtOwnpayAmt, Money overlmtAmt,
                         Money preselfpayAmt, Money inscpScpAmt, String chrgitmLv, boolean lmtUsedFlag,
                         boolean nonDisease, String memo) {

    public LineResult {
        if (!fulamtOwnpayAmt.plus(overlmtAmt).plus(preselfpayAmt).plus(inscpScpAmt).equals(sumamt)) {
            throw new IllegalStateException("line " + feedetlSn + " does not add up: " + sumamt + " ≠ "
                    + fulamtOwnpayAmt + " + " + overlmtAmt + " + " + preselfpayAmt + " + " + inscpScpAmt);
        }
        memo = memo == null ? "" : memo;
    }

    /** The parts of this split minus those of {@code earlier}, as the line {@code sn} (a refund, R-SET-4.1.1). */
    LineResult minus(LineResult earlier, String sn, Money sum, Quantity count, UnitPrice price) {
        return new LineResult(sn, medListCodg, sum, count, price, pricUplmtAmt, selfpayProp,
                fulamtOwnpayAmt.minus(earlier.fulamtOwnpayAmt), overlmtAmt.minus(earlier.overlmtAmt),
                preselfpayAmt.minus(earlier.preselfpayAmt), inscpScpAmt.minus(earlier.inscpScpAmt), chrgitmLv, lmtUsedFlag,
                nonDisease, memo);
    }
}
