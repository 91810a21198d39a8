package org.yibao.engine.evaluation;

import java.math.BigDecimal;

/** What the total means for the service agreement (R-INST-2). */
public enum Decision {
    /** ≥ 80.00: 续签. */
    RENEW,
    /** [60.00, 80.00): 整改后续签 — renewed, with a rectification. */
    RENEW_WITH_RECTIFICATION,
    /** &lt; 60.00: 不予续签. */
    NOT_RENEWED;

    static final BigDecimal RENEW_FROM = new BigDecimal("80.00");
    static final BigDecimal RECTIFY_FROM = new BigDecimal("60.00");

    /** The decision for a total (2 decimals): the thresholds are inclusive lower bounds. */
    public static Decision of(BigDecimal total) {
        if (total.compareTo(RENEW_FROM) >= 0) {
            return RENEW;
        }
        return total.compareTo(RECTIFY_FROM) >= 0 ? RENEW_WITH_RECTIFICATION : NOT_RENEWED;
    }
}
