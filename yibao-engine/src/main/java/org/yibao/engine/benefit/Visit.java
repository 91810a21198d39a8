package org.yibao.engine.benefit;

import java.time.LocalDate;
import java.util.Objects;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.InstitutionLevel;

/**
 * The visit (就诊) being settled.
 *
 * @param medType              {@code med_type}
 * @param psnSetlway           {@code psn_setlway}: 01 按项目 (02 按定额 is refused in the demo)
 * @param institutionCode      {@code fixmedins_code} of the treating institution
 * @param institutionLevel     its level; null for a pharmacy (定点药店), which has none
 * @param treatmentRegion      pooling region of the treating institution (就医地); a county inside the
 *                             pooling region (990121 in 990100) is the pooling region: care there is local
 * @param insuredRegion        the person's pooling region (参保地); its policy applies (R-XR-2)
 * @param diseCodg             main diagnosis; picks the chronic disease for {@code med_type} 14
 * @param serviceDate          the visit's date (outpatient) or admission date (inpatient)
 * @param dischargeDate        discharge date (inpatient); null for outpatient. Picks the policy year.
 * @param midSettlement        {@code mid_setl_flag} = 1: a mid-stay settlement, not the stay's final one
 * @param stayDeductibleUsed   deductible already paid by earlier (mid-stay) settlements of this stay
 * @param referral             a valid referral (R-INS-5) consumed by this visit; null = none
 * @param filing               cross-region filing (异地就医备案) when treatment region ≠ insured region
 * @param acctUsed             {@code acct_used_flag} = 1: the personal account may pay
 */
public record Visit(String medType, String psnSetlway, String institutionCode, InstitutionLevel institutionLevel,
                    String treatmentRegion, String insuredRegion, String diseCodg, LocalDate serviceDate,
                    LocalDate dischargeDate, boolean midSettlement, Money stayDeductibleUsed, Referral referral,
                    CrossRegionFiling filing, boolean acctUsed) {

    public Visit {
        Objects.requireNonNull(medType, "medType");
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(serviceDate, "serviceDate");
        psnSetlway = psnSetlway == null ? "01" : psnSetlway;
        insuredRegion = insuredRegion == null ? treatmentRegion : insuredRegion;
        treatmentRegion = treatmentRegion == null ? insuredRegion : treatmentRegion;
        stayDeductibleUsed = stayDeductibleUsed == null ? Money.ZERO : stayDeductibleUsed;
        filing = filing == null ? CrossRegionFiling.NONE : filing;
    }

    /** A local visit settled by items, final, with no referral or filing. */
    public static Visit local(String medType, String institutionCode, InstitutionLevel level, String region,
                              String diseCodg, LocalDate serviceDate, LocalDate dischargeDate, boolean acctUsed) {
        return new Visit(medType, "01", institutionCode, level, region, region, diseCodg, serviceDate, dischargeDate,
                false, Money.ZERO, null, CrossRegionFiling.NONE, acctUsed);
    }

    public Visit withReferral(Referral r) {
        return new Visit(medType, psnSetlway, institutionCode, institutionLevel, treatmentRegion, insuredRegion, diseCodg,
                serviceDate, dischargeDate, midSettlement, stayDeductibleUsed, r, filing, acctUsed);
    }

    public Visit treatedIn(String region, CrossRegionFiling f) {
        return new Visit(medType, psnSetlway, institutionCode, institutionLevel, region, insuredRegion, diseCodg,
                serviceDate, dischargeDate, midSettlement, stayDeductibleUsed, referral, f, acctUsed);
    }

    public Visit withSettlementWay(String way) {
        return new Visit(medType, way, institutionCode, institutionLevel, treatmentRegion, insuredRegion, diseCodg,
                serviceDate, dischargeDate, midSettlement, stayDeductibleUsed, referral, filing, acctUsed);
    }

    public Visit asMidSettlement(Money deductibleAlreadyPaidThisStay) {
        return new Visit(medType, psnSetlway, institutionCode, institutionLevel, treatmentRegion, insuredRegion, diseCodg,
                serviceDate, dischargeDate, true, deductibleAlreadyPaidThisStay, referral, filing, acctUsed);
    }

    /** The date whose policy year and accumulators apply: discharge for inpatient, else the visit date (§4.2). */
    public LocalDate settlementDate() {
        return dischargeDate != null ? dischargeDate : serviceDate;
    }

    public boolean isCrossRegion() {
        return !Objects.equals(treatmentRegion, insuredRegion);
    }

    /**
     * A referral (双向转诊) from another institution to this one; its direction comes from the levels
     * (R-INS-5, DOMAIN §4.2).
     */
    public record Referral(String fromInstitution, InstitutionLevel fromLevel) {
        public Referral {
            Objects.requireNonNull(fromInstitution, "fromInstitution");
            Objects.requireNonNull(fromLevel, "fromLevel");
        }
    }

    /** Cross-region filing (异地就医备案, R-XR-1) under which a visit outside the insured region happens. */
    public enum CrossRegionFiling {
        NONE,
        /** 异地安置退休, 异地长期居住, 常驻异地工作. */
        LONG_TERM,
        /** 异地转诊. */
        REFERRAL,
        /** 临时外出就医 (other temporary). */
        OTHER_TEMPORARY
    }
}
