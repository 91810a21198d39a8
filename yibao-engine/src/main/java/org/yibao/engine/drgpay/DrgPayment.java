package org.yibao.engine.drgpay;

import java.util.Objects;
import java.util.Optional;
import org.yibao.engine.drg.GroupingStatus;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.InstitutionLevel;

/**
 * DRG payment of one inpatient case (按病组付费, R-PAY-2), as a named policy returning the payment with its
 * reason and arithmetic:
 * <ol>
 *   <li>a case without a case record, failing a blocking quality-control check (R-PAY-4), or not grouped into
 *       a DRG (QY, 0000, failed validation) is paid by items;</li>
 *   <li>the weight: the published RW of the DRG, else the RW from the region's history (≥ 5 cases), else
 *       the case is paid by items;</li>
 *   <li>standard (支付标准) = RW × base rate (by insutype) × level coefficient, rounded once to the fen, half-up;</li>
 *   <li>high outlier (高倍率): cost ≥ k × standard (k = 3 if RW ≤ 1, 2 if RW ≤ 2, else 1.5) → paid by items;
 *       low outlier (低倍率): cost ≤ 0.4 × standard → paid by items (both compared unrounded);</li>
 *   <li>a normal case: the basic fund pays {@code standard − cost + hifp} (at least 0), so that the hospital's
 *       revenue (the patient's share plus the fund) equals the standard: 结余留用, 超支自担.</li>
 * </ol>
 * The adjustment the clearing pays is the DRG fund payment − the item-based fund payment ({@code hifp}); the
 * surplus (结余, negative: overspend 超支) is standard − cost for a case paid by DRG and 0 for one paid by items.
 * Immutable and safe to share between threads.
 */
public final class DrgPayment {

    /** How the case is paid. */
    public enum Method {
        /** 按病组支付. */
        DRG,
        /** 按项目支付: the settlement's fund payment stands. */
        ITEMS
    }

    /** Why the case is paid the way it is. */
    public enum Reason {
        /** Grouped, weighted, within the outlier bounds: paid the standard. */
        NORMAL("按病组支付"),
        /** cost ≥ k × standard. */
        HIGH_OUTLIER("高倍率病例，按项目支付"),
        /** cost ≤ 0.4 × standard. */
        LOW_OUTLIER("低倍率病例，按项目支付"),
        /** QY, 0000 or failed validation. */
        NOT_GROUPED("未入组（歧义病案 / 无法入组 / 信息校验不通过），按项目支付"),
        /** A blocking quality-control finding: paid by items until a corrected 4101A arrives. */
        QC_BLOCKING("结算清单质控未通过，按项目支付，待 4101A 更正"),
        /** No case record (4101) for the stay. */
        NO_CASE_RECORD("未上传结算清单（4101），按项目支付"),
        /** The DRG has no published weight and too few cases in the region's history. */
        NO_WEIGHT("病组无权重且本地历史病例不足，按项目支付");

        private final String chinese;

        Reason(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** Where a weight comes from. */
    public enum WeightSource {
        /** The published table (e.g. harbin-2024). */
        PUBLISHED,
        /** The region's own history. */
        HISTORY
    }

    /** A DRG's weight and where it comes from. */
    public record Weight(Ratio rw, WeightSource source) {}

    /**
     * One case to pay.
     *
     * @param drg        the DRG as grouped (null or 0000 when not grouped)
     * @param status     the grouping status (null when there is no case record)
     * @param qcBlocking whether the case record has a blocking quality-control finding
     * @param insutype   310 employees, 390 residents (the base rate)
     * @param level      the institution's level (the coefficient)
     * @param cost       the stay's medical fees (medfee_sumamt)
     * @param hifp       what the basic fund paid by items (hifp_pay)
     */
    public record Case(String drg, GroupingStatus status, boolean qcBlocking, String insutype, InstitutionLevel level, Money cost,
                       Money hifp) {
        public Case {
            Objects.requireNonNull(insutype, "insutype");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(cost, "cost");
            Objects.requireNonNull(hifp, "hifp");
        }
    }

    /**
     * The payment of a case.
     *
     * @param paid        the case as it was paid (its cost and item-based fund payment {@code hifp})
     * @param weight      the weight used (null when the case was not weighted)
     * @param standard    the payment standard (zero when there is none)
     * @param drgFundPay  what the basic fund pays under DRG payment (= hifp for a case paid by items)
     * @param adjustment  drgFundPay − hifp: what the clearing adds (negative: withholds)
     * @param surplus     standard − cost for a case paid by DRG (结余; negative 超支), zero otherwise
     * @param policy      the payment policy that paid it (for the explanation)
     */
    public record Result(Case paid, Method method, Reason reason, Weight weight, Money standard, Money drgFundPay, Money adjustment,
                         Money surplus, DrgPayment policy) {

        public Money cost() {
            return paid.cost();
        }

        /** What the basic fund paid by items (hifp). */
        public Money itemFundPay() {
            return paid.hifp();
        }

        /** The steps in words, worked out when asked from the same figures, so that paying a million cases builds no text. */
        public String explanation() {
            return policy.explain(this);
        }
    }

    private final DrgWeights weights;
    private final HistoryWeights history;
    private final DrgPaymentTerms terms;

    public DrgPayment(DrgWeights weights, HistoryWeights history, DrgPaymentTerms terms) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.history = Objects.requireNonNull(history, "history");
        this.terms = Objects.requireNonNull(terms, "terms");
    }

    public DrgWeights weights() {
        return weights;
    }

    public HistoryWeights history() {
        return history;
    }

    public DrgPaymentTerms terms() {
        return terms;
    }

    /** The weight of a DRG: published, else from the history, else none. */
    public Optional<Weight> weight(String drg) {
        if (drg == null) {
            return Optional.empty();
        }
        Optional<Ratio> published = weights.rw(drg);
        if (published.isPresent()) {
            return Optional.of(new Weight(published.get(), WeightSource.PUBLISHED));
        }
        return history.rw(drg).map(rw -> new Weight(rw, WeightSource.HISTORY));
    }

    /** The payment standard of a DRG for an insutype at a level, when the DRG has a weight and the insutype a base rate. */
    public Optional<Money> standard(String drg, String insutype, InstitutionLevel level) {
        return weight(drg).flatMap(w -> standard(w, insutype, level));
    }

    private Optional<Money> standard(Weight w, String insutype, InstitutionLevel level) {
        return weights.baseRate(insutype).map(rate -> rate.times(w.rw(), terms.coefficient(level)));
    }

    public Result pay(Case c) {
        if (c.status() == null) {
            return items(c, Reason.NO_CASE_RECORD, null, Money.ZERO);
        }
        if (c.qcBlocking()) {
            return items(c, Reason.QC_BLOCKING, null, Money.ZERO);
        }
        if (c.status() != GroupingStatus.SUCCESS || c.drg() == null) {
            return items(c, Reason.NOT_GROUPED, null, Money.ZERO);
        }
        Optional<Weight> weight = weight(c.drg());
        if (weight.isEmpty()) {
            return items(c, Reason.NO_WEIGHT, null, Money.ZERO);
        }
        Weight w = weight.get();
        Optional<Money> std = standard(w, c.insutype(), c.level());
        if (std.isEmpty()) {
            return items(c, Reason.NO_WEIGHT, w, Money.ZERO);
        }
        Money standard = std.get();
        if (standard.compareTimesTo(terms.highOutlierFactor(w.rw()), c.cost()) <= 0) {
            return items(c, Reason.HIGH_OUTLIER, w, standard);
        }
        if (standard.compareTimesTo(terms.lowOutlier(), c.cost()) >= 0) {
            return items(c, Reason.LOW_OUTLIER, w, standard);
        }
        Money fund = standard.minus(c.cost()).plus(c.hifp()).max(Money.ZERO);
        return new Result(c, Method.DRG, Reason.NORMAL, w, standard, fund, fund.minus(c.hifp()), standard.minus(c.cost()), this);
    }

    private Result items(Case c, Reason reason, Weight w, Money standard) {
        return new Result(c, Method.ITEMS, reason, w, standard, c.hifp(), Money.ZERO, Money.ZERO, this);
    }

    /** The steps of a payment in words. */
    String explain(Result r) {
        Case c = r.paid();
        StringBuilder why = new StringBuilder();
        switch (r.reason()) {
            case NO_CASE_RECORD -> why.append("没有该次住院的结算清单（4101）。");
            case QC_BLOCKING -> why.append("结算清单有阻断级质控问题（R-PAY-4），更正（4101A）前按项目支付。");
            case NOT_GROUPED -> why.append("分组结果 ").append(c.drg()).append("（").append(c.status().chinese()).append("）。");
            case NO_WEIGHT -> why.append(r.weight() == null ? c.drg() + " 无公布权重，本地历史病例 " + history.cases(c.drg()) + " 例（少于 "
                    + terms.minHistoryCases() + " 例）。" : "险种 " + c.insutype() + " 没有基准费率。");
            default -> {
                Weight w = r.weight();
                why.append(c.drg()).append(" RW ").append(w.rw()).append(w.source() == WeightSource.PUBLISHED ? "（" + weights.name() + "）"
                        : "（本地历史 " + history.cases(c.drg()) + " 例）").append(" × 基准费率 ")
                        .append(weights.baseRate(c.insutype()).orElseThrow()).append("（").append(c.insutype()).append("）× 等级系数 ")
                        .append(terms.coefficient(c.level())).append("（").append(c.level()).append("）= 支付标准 ").append(r.standard())
                        .append("。");
                if (r.reason() == Reason.HIGH_OUTLIER) {
                    why.append("费用 ").append(c.cost()).append(" ≥ ").append(terms.highOutlierFactor(w.rw())).append(" × 标准：高倍率病例。");
                } else if (r.reason() == Reason.LOW_OUTLIER) {
                    why.append("费用 ").append(c.cost()).append(" ≤ ").append(terms.lowOutlier()).append(" × 标准：低倍率病例。");
                }
            }
        }
        if (r.method() == Method.ITEMS) {
            return why.append(r.reason().chinese()).append("：统筹基金按项目支付 ").append(c.hifp()).append("。").toString();
        }
        Money surplus = r.surplus();
        return why.append("统筹基金支付 = 标准 − 费用 ").append(c.cost()).append(" + 按项目统筹支付 ").append(c.hifp()).append(" = ")
                .append(r.drgFundPay()).append(r.drgFundPay().isZero() ? "（不低于 0）" : "").append("；")
                .append(surplus.signum() >= 0 ? "结余 " : "超支 ").append(surplus.signum() >= 0 ? surplus : surplus.negate()).append("。")
                .toString();
    }
}
