package org.yibao.server.ledger;

/**
 * Accounts of the fund ledger. A settlement credits the institution's receivable with its whole
 * medical fee and debits who pays it: each fund, the personal accounts, the patient's cash and the
 * part the institution bears. What the insurer side owes the institution is therefore the receivable
 * less the patient's cash and the borne part (= the funds and the personal accounts).
 */
public enum LedgerAccount {
    /** 基本医疗保险统筹基金, sub-account: insutype (310, 390). */
    BASIC_POOL,
    /** 公务员医疗补助. */
    CIVIL_SERVANT,
    /** 大额医疗费用补助. */
    LARGE_AMOUNT,
    /** 城乡居民大病保险. */
    SERIOUS_ILLNESS,
    /** 医疗救助. */
    MEDICAL_ASSISTANCE,
    /** Other funds. */
    OTHER_FUND,
    /** 个人账户 (own and mutual-aid payments). */
    PERSONAL_ACCOUNTS,
    /** Medical fees of the institution's settlements (credit); sub-account: fixmedins_code. */
    INSTITUTION_RECEIVABLE,
    /** The patient's cash paid at the institution; sub-account: fixmedins_code. */
    PATIENT_CASH,
    /** The part the institution bears itself (free health check); sub-account: fixmedins_code. */
    INSTITUTION_BORNE,
    /**
     * What the insurer paid out to the institution by the monthly clearing (拨付, R-PAY-7; credit); the
     * clearing debits the receivable by the same amount, settling the institution's claim. Sub-account:
     * fixmedins_code.
     */
    INSTITUTION_PAYMENTS,
    /**
     * Fines of supervision cases (罚款, R-SUP-6; credit): not fund income, owed to the treasury (财政). The
     * debit is the payer's: the institution's receivable (withheld by its next clearing statement) or
     * {@link #INSURED_RECEIVABLE}. Sub-account: fixmedins_code or psn_no.
     */
    TREASURY_PAYABLE,
    /** What an insured person owes back after a supervision case: refund and fine (debit); sub-account: psn_no. */
    INSURED_RECEIVABLE,
    /**
     * Cross-region care (异地就医, R-XR-4), in the treatment region's ledger: what the insured region owes
     * for its insured persons' settlements here (debit), cleared monthly against its prepaid fund.
     * Sub-account: the insured pooling region.
     */
    XR_RECEIVABLE,
    /**
     * Cross-region care, in the insured region's ledger: what it owes the treatment region for its
     * insured persons' settlements there (credit), cleared monthly. Sub-account: the treatment pooling region.
     */
    XR_PAYABLE,
    /**
     * The prepaid fund (预付金) the insured region holds with a treatment region (debit: paid in less
     * cleared). Sub-account: the treatment pooling region.
     */
    XR_PREPAID,
    /**
     * The prepaid funds a treatment region holds for an insured region (credit, the mirror of
     * {@link #XR_PREPAID}). Sub-account: the insured pooling region.
     */
    XR_PREPAID_HELD,
    /**
     * Money transferred between two regions' funds for prepaid funds: credit in the region that sends,
     * debit in the region that receives, so the two ledgers together net to zero. Sub-account: the other region.
     */
    XR_REMITTANCE
}
