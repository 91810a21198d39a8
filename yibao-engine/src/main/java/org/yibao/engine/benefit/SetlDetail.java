package org.yibao.engine.benefit;

import org.yibao.engine.money.Money;

/**
 * One row of {@code setldetail[]} (DOMAIN §4.3 step 9): a fund that paid, the personal account
 * (310200) or the institution's part (999996).
 *
 * @param inscpScpAmt     the base this fund paid on (eligible, over_cap, S increment, assistance base)
 * @param crtPaybLmtAmt   its remaining yearly limit before this settlement; null when it has none
 */
public record SetlDetail(String fundPayType, Money inscpScpAmt, Money crtPaybLmtAmt, Money fundPayamt,
                         String fundPayTypeName, Explanation.Text setlProcInfo) {

    public static final String EMPLOYEE_ACCOUNT = "310200";
    public static final String INSTITUTION_PART = "999996";

    /** Whether the row is a fund (counted in fund_pay_sumamt), not the account or the institution. */
    public boolean isFund() {
        return !EMPLOYEE_ACCOUNT.equals(fundPayType) && !INSTITUTION_PART.equals(fundPayType);
    }
}
