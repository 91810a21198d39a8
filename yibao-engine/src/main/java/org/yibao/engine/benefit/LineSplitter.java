package org.yibao.engine.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yibao.engine.benefit.SettlementRefused.Reason;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;

/** Splits fee lines into the four parts of DOMAIN §4.1, after refusing a request with any bad line. */
public final class LineSplitter {

    /** R-SET-4.1.1: the largest difference allowed between det_item_fee_sumamt and cnt × pric. */
    static final Money SUMAMT_TOLERANCE = Money.ofFen(1);

    private LineSplitter() {}

    /**
     * The splits of all lines, in their order; refuses the whole call at the first bad line.
     *
     * @throws SettlementRefused naming the {@code feedetl_sn}
     */
    public static List<LineResult> split(List<FeeLine> lines, Catalogue catalogue, Person person, Visit visit) {
        Map<String, FeeLine> bySn = validate(lines);
        Map<String, LineResult> refunds = refunds(lines, bySn, catalogue, person, visit);
        List<LineResult> results = new ArrayList<>(lines.size());
        for (FeeLine line : lines) {
            results.add(line.isRefund() ? refunds.get(line.feedetlSn()) : splitOne(line, catalogue, person, visit));
        }
        return results;
    }

    /**
     * R-SET-4.1.1: a refund line mirrors the original's split (catalogue of the original's date). Each
     * refund is the split of what remains of the original after it minus the split before it, refunds
     * taken in feedetl_sn order: a full refund is exactly the original negated, and partial refunds can
     * never leave a part of the original below zero through rounding.
     */
    private static Map<String, LineResult> refunds(List<FeeLine> lines, Map<String, FeeLine> bySn, Catalogue catalogue,
                                                   Person person, Visit visit) {
        Map<String, List<FeeLine>> byOriginal = new TreeMap<>();
        for (FeeLine line : lines) {
            if (line.isRefund()) {
                byOriginal.computeIfAbsent(line.initFeedetlSn(), k -> new ArrayList<>()).add(line);
            }
        }
        Map<String, LineResult> results = new HashMap<>();
        for (Map.Entry<String, List<FeeLine>> e : byOriginal.entrySet()) {
            FeeLine original = bySn.get(e.getKey());
            LineResult before = splitOne(original, catalogue, person, visit);
            Quantity cnt = original.cnt();
            Money sum = original.sumamt();
            List<FeeLine> refundLines = new ArrayList<>(e.getValue());
            refundLines.sort(Comparator.comparing(FeeLine::feedetlSn));
            for (FeeLine refund : refundLines) {
                cnt = cnt.plus(refund.cnt());
                sum = sum.plus(refund.sumamt());
                if (cnt.isNegative() || sum.isNegative()) {
                    throw new SettlementRefused(Reason.REFUND_EXCEEDS_ORIGINAL, "cnt", refund.feedetlSn(), "退费明细 "
                            + refund.feedetlSn() + " 连同之前的退费超过原明细 " + original.feedetlSn() + " 的数量或金额");
                }
                LineResult remaining = splitOne(new FeeLine(original.feedetlSn(), original.medListCodg(),
                        original.serviceDate(), cnt, original.pric(), sum, original.hospApprFlag(), null), catalogue, person, visit);
                results.put(refund.feedetlSn(), remaining.minus(before, refund.feedetlSn(), refund.sumamt(), refund.cnt(), refund.pric()));
                before = remaining;
            }
        }
        return results;
    }

    private static Map<String, FeeLine> validate(List<FeeLine> lines) {
        Map<String, FeeLine> bySn = new HashMap<>();
        for (FeeLine line : lines) {
            if (bySn.putIfAbsent(line.feedetlSn(), line) != null) {
                throw new SettlementRefused(Reason.DUPLICATE_FEEDETL_SN, "feedetl_sn", line.feedetlSn(),
                        "费用明细流水号 " + line.feedetlSn() + " 在本次就诊中重复，整批上传被拒绝");
            }
            if (!line.pric().timesIsWithin(line.cnt(), line.sumamt(), SUMAMT_TOLERANCE)) {
                BigDecimal exact = line.cnt().toBigDecimal().multiply(line.pric().toBigDecimal());
                throw new SettlementRefused(Reason.SUMAMT_MISMATCH, "det_item_fee_sumamt", line.feedetlSn(),
                        "费用明细 " + line.feedetlSn() + " 的明细项目费用总额 " + line.sumamt() + " 与数量×单价 "
                                + exact.stripTrailingZeros().toPlainString() + " 相差超过 0.01，整批上传被拒绝");
            }
            if (line.sumamt().signum() * line.cnt().signum() < 0) {
                throw new SettlementRefused(Reason.SUMAMT_MISMATCH, "det_item_fee_sumamt", line.feedetlSn(),
                        "费用明细 " + line.feedetlSn() + " 的金额与数量符号不一致");
            }
        }
        for (FeeLine line : lines) {
            if (line.isRefund()) {
                FeeLine original = line.initFeedetlSn() == null ? null : bySn.get(line.initFeedetlSn());
                if (original == null || original.isRefund() || !original.medListCodg().equals(line.medListCodg())) {
                    throw new SettlementRefused(Reason.REFUND_WITHOUT_ORIGINAL, "init_feedetl_sn", line.feedetlSn(),
                            "退费明细 " + line.feedetlSn() + " 的数量为负，必须以 init_feedetl_sn 指明本次就诊中同一项目的原明细");
                }
            }
        }
        return bySn;
    }

    /** R-SET-4.1.2–4: the split of one non-negative line. */
    static LineResult splitOne(FeeLine line, Catalogue catalogue, Person person, Visit visit) {
        LocalDate date = line.serviceDate().toLocalDate();
        Money sum = line.sumamt();
        Optional<CatalogueItem> found = catalogue.find(line.medListCodg(), date);
        if (found.isEmpty()) {
            return selfPaid(line, null, "R-SET-4.1.2: 目录外项目，全额自费");
        }
        CatalogueItem item = found.get();
        if (CatalogueItem.CLASS_C.equals(item.chrgitmLv())) {
            return selfPaid(line, item, "");
        }
        Optional<String> failed = failedRestriction(item, line, person, visit, date);
        if (failed.isPresent()) {
            return selfPaid(line, item, "R-SET-4.1.3: " + failed.get() + "，全额自费");
        }
        Money overlmt = Money.ZERO;
        if (item.priceCap() != null && line.pric().compareTo(item.priceCap()) > 0) {
            Money capped = item.priceCap().times(line.cnt());
            overlmt = sum.minus(sum.min(capped));
        }
        Money preselfpay = sum.minus(overlmt).times(item.selfpayProp());
        Money inscp = sum.minus(overlmt).minus(preselfpay);
        String note = daysSuppliedNote(item, line, person);
        return new LineResult(line.feedetlSn(), line.medListCodg(), sum, line.cnt(), line.pric(), item.priceCap(),
                item.selfpayProp(), Money.ZERO, overlmt, preselfpay, inscp, item.chrgitmLv(),
                restricted(item) || !note.isEmpty(), item.nonDisease(), note);
    }

    /** Most days of a drug one line may supply (R-INS-3): 90 for a long-prescription drug of a recognised patient. */
    static final int DAYS_SUPPLIED = 30;
    static final int DAYS_SUPPLIED_LONG_PRESCRIPTION = 90;

    /**
     * R-SET-4.1.5: days supplied above the limit only add a note; the money does not change. Which
     * disease a drug treats is not in the catalogue, so any valid recognition of the person counts.
     */
    private static String daysSuppliedNote(CatalogueItem item, FeeLine line, Person person) {
        if (line.prdDays() == null) {
            return "";
        }
        int limit = item.longPrescription() && !person.chronicRecognitions().isEmpty()
                ? DAYS_SUPPLIED_LONG_PRESCRIPTION : DAYS_SUPPLIED;
        return line.prdDays() > limit
                ? "R-SET-4.1.5: 用药天数 " + line.prdDays() + " 天超过最长 " + limit + " 天（R-INS-3），仅作提示" : "";
    }

    private static LineResult selfPaid(FeeLine line, CatalogueItem item, String memo) {
        return new LineResult(line.feedetlSn(), line.medListCodg(), line.sumamt(), line.cnt(), line.pric(),
                item == null ? null : item.priceCap(), Ratio.ONE, line.sumamt(), Money.ZERO, Money.ZERO, Money.ZERO,
                item == null ? null : item.chrgitmLv(), item != null && restricted(item),
                item != null && item.nonDisease(), memo);
    }

    private static boolean restricted(CatalogueItem item) {
        return item.minInstitutionLevel() != null || item.sexRestriction() != null || item.minAge() != null
                || item.maxAge() != null || item.indicationRestricted();
    }

    private static Optional<String> failedRestriction(CatalogueItem item, FeeLine line, Person person, Visit visit,
                                                      LocalDate date) {
        if (item.minInstitutionLevel() != null && (visit.institutionLevel() == null
                || visit.institutionLevel().compareTo(item.minInstitutionLevel()) < 0)) {
            // A pharmacy has no level: an item limited to hospitals of a level is not payable there.
            return Optional.of("限" + item.minInstitutionLevel().number() + "级及以上医疗机构使用，本机构为"
                    + (visit.institutionLevel() == null ? "无等级机构" : visit.institutionLevel().number() + "级"));
        }
        if (item.sexRestriction() != null && !item.sexRestriction().equals(person.gend())) {
            return Optional.of("限性别 " + item.sexRestriction() + " 使用");
        }
        int age = person.ageOn(date);
        if (item.minAge() != null && age < item.minAge() || item.maxAge() != null && age > item.maxAge()) {
            return Optional.of("限年龄 " + (item.minAge() == null ? "" : item.minAge()) + "–"
                    + (item.maxAge() == null ? "" : item.maxAge()) + " 岁使用，患者 " + age + " 岁");
        }
        if (item.indicationRestricted() && !line.hospApprFlag()) {
            return Optional.of("限适应症使用，未经医院审批 (hosp_appr_flag≠1)");
        }
        return Optional.empty();
    }

}
