package org.yibao.engine.benefit;

import java.util.Objects;

/**
 * The engine refuses the whole request; nothing is computed, nothing may be stored (DOMAIN §4.1
 * step 1, §4.2). Carries the rule broken, the field and, for a line, its {@code feedetl_sn}.
 */
public final class SettlementRefused extends RuntimeException {

    /** Why a request is refused. */
    public enum Reason {
        /** det_item_fee_sumamt differs from cnt × pric by more than 0.01. */
        SUMAMT_MISMATCH,
        /** The same feedetl_sn twice in the visit. */
        DUPLICATE_FEEDETL_SN,
        /** A negative cnt without an init_feedetl_sn naming an original line of the visit. */
        REFUND_WITHOUT_ORIGINAL,
        /** Refund lines that together take back more than their original line. */
        REFUND_EXCEEDS_ORIGINAL,
        /** A price, quantity or amount with too many decimals or out of range. */
        INVALID_NUMBER,
        /** The client's sums in a settlement request differ from the sums of the line results. */
        CLIENT_SUMS_MISMATCH,
        /** The med_type has no pool in the region. */
        NO_POOL,
        /** psn_setlway refused (02 按定额). */
        SETTLEMENT_WAY_REFUSED,
        /** med_type 14 without a valid recognition of the visit's disease. */
        CHRONIC_NOT_RECOGNISED,
        /** insutype/psn_type not covered by any person category of the policy. */
        NO_CATEGORY,
        /** The policy given is not the one of the settlement's year or insured region. */
        WRONG_POLICY,
        /** A pool other than pharmacy purchase at an institution without a level. */
        INSTITUTION_LEVEL_MISSING,
        /** Care outside the insured region without a filing and not an emergency (R-XR-3). */
        CROSS_REGION_NOT_FILED
    }

    private final Reason reason;
    private final String field;
    private final String feedetlSn;

    public SettlementRefused(Reason reason, String field, String feedetlSn, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
        this.feedetlSn = feedetlSn;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, national-interface spelling (e.g. {@code det_item_fee_sumamt}). */
    public String field() {
        return field;
    }

    /** The fee line at fault; null for a refusal of the visit. */
    public String feedetlSn() {
        return feedetlSn;
    }
}
