package org.yibao.engine.benefit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yibao.engine.benefit.Explanation.Step;
import org.yibao.engine.benefit.Explanation.Text;
import org.yibao.engine.benefit.SettlementRefused.Reason;
import org.yibao.engine.benefit.SettlementResult.MutualAidPayment;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.ChronicDisease;
import org.yibao.engine.policy.Deductible;
import org.yibao.engine.policy.PersonCategory;
import org.yibao.engine.policy.Pool;
import org.yibao.engine.policy.PoolKind;
import org.yibao.engine.policy.PoolTerms;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.engine.policy.SupplementaryLayer;

/**
 * The benefit calculation of one settlement (结算, DOMAIN §4.3): line splits, deductible, basic fund
 * with its ratio and cap, the supplementary funds in the policy's order, the institution's part, the
 * personal and mutual-aid accounts, {@code setldetail} rows and the new accumulators. A pre-settlement
 * and a settlement compute the same; storing is the caller's business.
 */
public final class BenefitEngine {

    /**
     * R-XR-3: what an unfiled person is told, wherever a missing cross-region filing is reported (the
     * settlement's refusal, the benefit check 2001).
     */
    public static final String HOW_TO_FILE = "备案即时办结：参保人登录医保服务网页“异地就医备案”办理，或到参保地医保经办窗口办理，"
            + "转诊的由转出医院办理转院备案；住院的在出院结算前补办备案即可全程直接结算。";

    static final Map<String, String> FUND_NAMES = Map.of(
            "310100", "职工基本医疗保险统筹基金", "310200", "职工基本医疗保险个人账户", "320100", "公务员医疗补助",
            "330100", "大额医疗费用补助", "390100", "城乡居民基本医疗保险基金", "390200", "城乡居民大病医疗保险",
            "610100", "医疗救助基金", "999996", "医院负担");

    /** psn_idet_type (demo-local, NATIONAL_INTERFACE §4), for the explanation. */
    static final Map<String, String> IDENTITY_NAMES = Map.of("2101", "特困人员", "2102", "低保对象", "2103", "防返贫监测对象");

    private BenefitEngine() {}

    /**
     * Settles one visit.
     *
     * @throws SettlementRefused when the request is refused as a whole (nothing must be stored)
     */
    public static SettlementResult settle(SettlementRequest request) {
        RegionPolicy policy = request.policy();
        Person person = request.person();
        Visit visit = request.visit();
        Accumulators acc = request.accumulators();
        Pool pool = checkVisit(policy, person, visit);
        PoolKind kind = pool.kind();
        List<Step> steps = new ArrayList<>();
        for (SettlementRequest.EarlierReversal reversal : request.earlierReversals()) {
            // R-SET-4.3.10: reversing an older settlement is not recomputed into the later ones; say so.
            steps.add(new Step("R-SET-4.3.10", "accumulators", Text.of("reversed ", reversal.setlId()), null,
                    Text.of("说明：", reversal.settledOn(), " 的结算 ", reversal.setlId(), " 已于 ", reversal.reversedOn(),
                            " 冲正，年度累计已扣除该笔；其后的结算不追溯重算，本次按扣除后的累计计算")));
        }

        List<LineResult> lines = LineSplitter.split(request.lines(), request.catalogue(), person, visit);
        Money medfee = sum(lines, LineResult::sumamt);
        Money fulamt = sum(lines, LineResult::fulamtOwnpayAmt);
        Money overlmt = sum(lines, LineResult::overlmtAmt);
        Money preselfpay = sum(lines, LineResult::preselfpayAmt);
        Money inscp = sum(lines, LineResult::inscpScpAmt);
        steps.add(new Step("R-SET-4.1", "catalogue", Text.of(lines.size(), " lines"), inscp,
                Text.of("费用总额 ", medfee, " 元，其中全自费 ", fulamt, "、超限价自费 ", overlmt, "、先行自付 ", preselfpay,
                        "、符合范围 ", inscp)));

        Money dedc = Money.ZERO;
        Ratio r = Ratio.ZERO;
        Money hifp = Money.ZERO;
        String chronicKey = null;
        List<SetlDetail> details = new ArrayList<>();
        LayerOutcome layers = LayerOutcome.NONE;

        if (!pool.personalAccountOnly()) {
            PersonCategory category = category(policy, person);
            String basicFundType = category.basicFundPayType();
            Ratio base;
            Money cap;
            Money paid;
            String termsKey;
            Deductible deductible;
            if (kind == PoolKind.CHRONIC) {
                ChronicDisease disease = chronicDisease(policy, person, visit);
                chronicKey = disease.key();
                ChronicDisease.Terms terms = disease.termsFor(person.insutype()).orElseThrow(() -> new SettlementRefused(
                        Reason.NO_CATEGORY, "insutype", null, "慢特病 " + disease.key() + " 对险种 " + person.insutype() + " 无待遇"));
                base = terms.ratio();
                cap = terms.yearlyCap();
                paid = acc.chronicFundPaid(chronicKey);
                termsKey = "chronic_diseases." + chronicKey + "." + person.insutype();
                deductible = Deductible.none();
            } else {
                PoolTerms terms = pool.terms(category.key()).orElseThrow(() -> new SettlementRefused(Reason.NO_CATEGORY,
                        "psn_type", null, "人员类别 " + category.name() + " 在 " + kind.key() + " 无待遇"));
                base = terms.ratio(visit.institutionLevel());
                cap = terms.yearlyCap();
                paid = kind == PoolKind.INPATIENT ? acc.inpatientFundPaid() : acc.outpatientFundPaid();
                termsKey = "pools." + kind.key() + "." + category.key();
                deductible = terms.deductible();
            }

            // R-SET-4.3.1: the deductible still to pay.
            Money remainingDedc = remainingDeductible(deductible, visit, acc);
            dedc = inscp.min(remainingDedc).max(Money.ZERO);
            steps.add(new Step("R-SET-4.3.1", termsKey + ".deductible", Text.of("inscp ", inscp, ", remaining ", remainingDedc),
                    dedc, Text.of("起付线：剩余起付标准 ", remainingDedc, "，本次支付起付线 ", dedc, " 元")));

            // R-SET-4.2: base ratio plus adjustments, clamped last.
            RatioPolicy.AdjustedRatio adjusted = RatioPolicy.adjust(base, policy.ratioAdjustments(), kind, person, visit);
            r = adjusted.ratio();
            Step ratioStep = ratioStep(termsKey, visit, adjusted);
            steps.add(ratioStep);

            // R-SET-4.3.2: basic fund, with the exact "within" rule against the remaining cap.
            Money eligible = inscp.minus(dedc);
            Money remainingCap = cap.minus(paid).max(Money.ZERO);
            Money within = eligible.compareTimesTo(r, remainingCap) <= 0 ? eligible : remainingCap.divide(r);
            hifp = within.times(r).min(remainingCap);
            Money overCap = eligible.minus(within);
            Step basicStep = new Step("R-SET-4.3.2", termsKey + ".yearly_cap",
                    Text.of("eligible ", eligible, ", r ", r, ", remaining cap ", remainingCap, ", within ", within), hifp,
                    Text.of("统筹基金：起付线以上 ", eligible, " 元，年度剩余限额 ", remainingCap, " 元，限额内 ", within,
                            " 元按 ", r, " 支付 ", hifp, " 元", overCap.isZero() ? "" : "，超限额 ", overCap.isZero() ? "" : overCap,
                            overCap.isZero() ? "" : " 元"));
            steps.add(basicStep);
            if (!hifp.isZero()) {
                details.add(new SetlDetail(basicFundType, eligible, remainingCap, hifp, FUND_NAMES.get(basicFundType),
                        Text.of(ratioStep.text(), "；", basicStep.text())));
            }

            layers = layers(policy, person, kind, acc, inscp, hifp, overCap, steps, details);
        }

        // R-SET-4.3.8: the free yearly health check is borne by the contracted centre; set before step 6.
        FreeCheck freeCheck = freeCheck(policy, person, visit, pool, acc, request.lines(), lines);
        Money hospPart = freeCheck.amount();
        Step freeCheckStep = hospPart.isZero() ? null : new Step("R-SET-4.3.8", "free_health_check_item",
                Text.of("line ", freeCheck.feedetlSn()), hospPart, Text.of("家庭医生签约免费年度体检一次，由签约机构负担 ", hospPart, " 元"));
        if (freeCheckStep != null) {
            steps.add(freeCheckStep);
        }

        // R-SET-4.3.6
        Money fund = hifp.plus(layers.cvlserv()).plus(layers.hifmi()).plus(layers.hifob()).plus(layers.maf()).plus(layers.oth());
        Money psnPart = medfee.minus(fund).minus(hospPart);
        steps.add(new Step("R-SET-4.3.6", "", Text.of("medfee ", medfee, ", fund ", fund, ", hosp ", hospPart), psnPart,
                Text.of("基金支付合计 ", fund, " 元，个人负担 ", psnPart, " 元")));

        // R-SET-4.3.7
        Accounts accounts = accounts(policy, person, visit, kind, psnPart, lines, freeCheck);
        Money acctPay = accounts.own().plus(accounts.mutualAidTotal());
        steps.add(new Step("R-SET-4.3.7", "mutual_aid_pools",
                Text.of("psn_part ", psnPart, ", own balance ", person.ownBalance(), ", non-disease ", accounts.nonDisease()),
                acctPay, accounts.text()));
        Money psnCash = psnPart.minus(acctPay);
        if (!acctPay.isZero()) {
            details.add(new SetlDetail(SetlDetail.EMPLOYEE_ACCOUNT, psnPart, null, acctPay,
                    FUND_NAMES.get(SetlDetail.EMPLOYEE_ACCOUNT), accounts.text()));
        }
        if (!hospPart.isZero()) {
            details.add(new SetlDetail(SetlDetail.INSTITUTION_PART, hospPart, null, hospPart,
                    FUND_NAMES.get(SetlDetail.INSTITUTION_PART), freeCheckStep.text()));
        }

        Money balc = person.hasOwnAccount() ? person.ownBalance().minus(accounts.own()) : Money.ZERO;
        SetlInfo info = new SetlInfo(medfee, fulamt, overlmt, preselfpay, inscp, dedc, hifp, r, layers.cvlserv(),
                Money.ZERO, layers.hifmi(), layers.hifob(), layers.maf(), layers.oth(), fund, psnPart, acctPay, psnCash,
                hospPart, balc, accounts.mutualAidTotal());

        Accumulators after = switch (kind) {
            case GENERAL_OUTPATIENT -> acc.withOutpatient(dedc, hifp);
            case CHRONIC -> acc.withChronic(chronicKey, hifp);
            case INPATIENT -> acc.withInpatient(!visit.midSettlement(), hifp);
            case PHARMACY -> acc;
        };
        after = after.withLayers(layers.hifob(), layers.selfBurdenIncrement(), layers.hifmi(), layers.maf(),
                !hospPart.isZero());
        return new SettlementResult(lines, info, details, accounts.mutualAid(), acc, after, new Explanation(steps));
    }

    /** Refusals of the visit as a whole (DOMAIN §4.2, R-XR-3); returns the pool it settles in. */
    private static Pool checkVisit(RegionPolicy policy, Person person, Visit visit) {
        Optional<String> wayRefusal = policy.refusals() == null ? Optional.empty()
                : policy.refusals().settlementWayRefusal(visit.psnSetlway());
        if (wayRefusal.isPresent()) {
            throw new SettlementRefused(Reason.SETTLEMENT_WAY_REFUSED, "psn_setlway", null,
                    "结算方式 psn_setlway=" + visit.psnSetlway() + " 不受理：" + wayRefusal.get());
        }
        int year = visit.settlementDate().getYear();
        if (policy.year() != year || (visit.insuredRegion() != null && !policy.admdvs().equals(visit.insuredRegion()))) {
            throw new SettlementRefused(Reason.WRONG_POLICY, "insuplc_admdvs", null, "结算需参保地 " + visit.insuredRegion()
                    + " " + year + " 年的政策，提供的是 " + policy.admdvs() + " " + policy.year() + " 年的政策");
        }
        Pool pool = policy.poolFor(visit.medType()).orElseThrow(() -> new SettlementRefused(Reason.NO_POOL, "med_type", null,
                "医疗类别 med_type=" + visit.medType() + " 在统筹区 " + policy.admdvs() + " 无待遇："
                        + policy.medTypeRefusal(visit.medType()).orElse("")));
        if (!pool.personalAccountOnly() && visit.institutionLevel() == null) {
            throw new SettlementRefused(Reason.INSTITUTION_LEVEL_MISSING, "fixmedins_code", null, "机构 "
                    + visit.institutionCode() + " 无医院等级，不能按 med_type=" + visit.medType() + " 结算");
        }
        boolean emergency = "13".equals(visit.medType()) || "24".equals(visit.medType());
        if (visit.isCrossRegion() && visit.filing() == Visit.CrossRegionFiling.NONE && !emergency) {
            throw new SettlementRefused(Reason.CROSS_REGION_NOT_FILED, "insuplc_admdvs", null,
                    "参保人未办理到就医地 " + visit.treatmentRegion() + " 的异地就医备案，非急诊不能直接结算。" + HOW_TO_FILE);
        }
        return pool;
    }

    private static PersonCategory category(RegionPolicy policy, Person person) {
        return policy.categoryOf(person.insutype(), person.psnType()).orElseThrow(() -> new SettlementRefused(
                Reason.NO_CATEGORY, "psn_type", null, "险种 " + person.insutype() + " 人员类别 " + person.psnType()
                        + " 不在统筹区 " + policy.admdvs() + " 的待遇人员类别中"));
    }

    private static ChronicDisease chronicDisease(RegionPolicy policy, Person person, Visit visit) {
        ChronicDisease disease = policy.chronicDiseaseFor(visit.diseCodg()).orElseThrow(() -> new SettlementRefused(
                Reason.CHRONIC_NOT_RECOGNISED, "dise_codg", null,
                "诊断 " + visit.diseCodg() + " 不属于统筹区 " + policy.admdvs() + " 的门诊慢特病病种"));
        if (!person.chronicRecognitions().contains(disease.key())) {
            throw new SettlementRefused(Reason.CHRONIC_NOT_RECOGNISED, "dise_codg", null, "参保人未认定门诊慢特病 "
                    + disease.key() + " " + disease.name() + "（或认定已失效），不能按 med_type=14 结算；请先办理慢特病认定 (2503)");
        }
        return disease;
    }

    private static Money remainingDeductible(Deductible deductible, Visit visit, Accumulators acc) {
        return switch (deductible.basis()) {
            case NONE -> Money.ZERO;
            case PER_YEAR -> deductible.perYear().minus(acc.outpatientDeductibleUsed()).max(Money.ZERO);
            // Second and later admissions pay half (DOMAIN §4.2); a stay's settlements share one deductible.
            case PER_ADMISSION -> deductible.forAdmission(visit.institutionLevel(), acc.admissions() > 0)
                    .minus(visit.stayDeductibleUsed()).max(Money.ZERO);
        };
    }

    private static Step ratioStep(String termsKey, Visit visit, RatioPolicy.AdjustedRatio adjusted) {
        List<Object> text = new ArrayList<>(List.of("支付比例：", visit.institutionLevel().number(), "级机构基础比例 ", adjusted.base()));
        List<Object> inputs = new ArrayList<>(List.of("base ", adjusted.base()));
        for (RatioPolicy.Adjustment a : adjusted.adjustments()) {
            text.addAll(List.of(a.points().signum() < 0 ? " " : " +", a.points(), "（", a.name(), "）"));
            inputs.addAll(List.of(", ", a.key(), " ", a.points()));
        }
        if (!adjusted.unclamped().equals(adjusted.ratio())) {
            text.addAll(List.of("，合计 ", adjusted.unclamped(), " 限定为 ", adjusted.ratio()));
        }
        text.addAll(List.of("，适用 ", adjusted.ratio()));
        return new Step("R-SET-4.2", termsKey + ".ratios." + visit.institutionLevel(), Text.of(inputs.toArray()), null,
                Text.of(text.toArray()));
    }

    /** The supplementary funds' amounts (steps 3–5). */
    private record LayerOutcome(Money hifob, Money hifmi, Money maf, Money cvlserv, Money oth, Money selfBurdenIncrement) {
        static final LayerOutcome NONE = new LayerOutcome(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    private static LayerOutcome layers(RegionPolicy policy, Person person, PoolKind kind, Accumulators acc, Money inscp,
                                       Money hifp, Money overCap, List<Step> steps, List<SetlDetail> details) {
        Money hifob = Money.ZERO;
        Money hifmi = Money.ZERO;
        Money maf = Money.ZERO;
        Money cvlserv = Money.ZERO;
        Money oth = Money.ZERO;
        Money sIncrement = Money.ZERO;
        Money paidSoFar = hifp;
        for (SupplementaryLayer layer : policy.supplementaryLayers()) {
            if (!layer.covers(person.insutype(), kind)) {
                continue;
            }
            Money base;
            Money amount;
            Money remaining;
            String requirement;
            Text text;
            switch (layer.base()) {
                case OVER_CAP -> {
                    requirement = "R-SET-4.3.3";
                    base = overCap;
                    remaining = remaining(layer, acc.hifobPaid());
                    amount = capAt(layer.bandedRoundedOnce(overCap.max(Money.ZERO)), remaining);
                    text = Text.of(layer.name(), "：超过统筹基金限额部分 ", overCap, " 元，支付 ", amount, " 元");
                }
                case YEARLY_SELF_BURDEN -> {
                    requirement = "R-SET-4.3.4";
                    base = inscp.minus(paidSoFar);
                    sIncrement = base;
                    Money sAfter = acc.selfBurden().plus(base);
                    remaining = remaining(layer, acc.hifmiPaid());
                    Money f = layer.bandedRoundedOnce(sAfter.max(Money.ZERO));
                    Money total = layer.yearlyCap() == null ? f : f.min(layer.yearlyCap());
                    // Never more than this settlement's own remaining in-scope amount: with accumulators that
                    // are the sums of the year's settlements the band slope (≤ 0.70) keeps it below anyway, but
                    // after the reversal of an older settlement S and hifmi paid need not match f (§4.3 step 10).
                    amount = total.minus(acc.hifmiPaid()).min(base).max(Money.ZERO);
                    text = Text.of(layer.name(), "：年度累计符合范围个人负担 ", acc.selfBurden(), " → ", sAfter, " 元，分段应付 ",
                            total, " 元，已付 ", acc.hifmiPaid(), " 元，本次支付 ", amount, " 元");
                }
                default -> {
                    requirement = "R-SET-4.3.5";
                    base = inscp.minus(paidSoFar);
                    remaining = remaining(layer, acc.mafPaid());
                    Optional<Map.Entry<String, Ratio>> best = layer.identityRates().entrySet().stream()
                            .filter(e -> person.identities().contains(e.getKey()))
                            .max(Map.Entry.comparingByValue());
                    amount = best.isEmpty() ? Money.ZERO : capAt(base.max(Money.ZERO).times(best.get().getValue()), remaining);
                    text = Text.of(layer.name(), "：", best.isEmpty() ? "无救助身份，" : Text.of("身份 ", best.get().getKey(),
                            IDENTITY_NAMES.getOrDefault(best.get().getKey(), ""), " 按 ", best.get().getValue(), " 救助，"),
                            "救助基数 ", base, " 元，支付 ", amount, " 元");
                }
            }
            steps.add(new Step(requirement, "supplementary_layers." + layer.key(), Text.of("base ", base, ", remaining limit ",
                    remaining), amount, text));
            if (!amount.isZero()) {
                details.add(new SetlDetail(layer.fundPayType(), base, remaining, amount,
                        FUND_NAMES.getOrDefault(layer.fundPayType(), layer.name()), text));
            }
            paidSoFar = paidSoFar.plus(amount);
            switch (layer.fundPayType()) {
                case "330100" -> hifob = hifob.plus(amount);
                case "390200" -> hifmi = hifmi.plus(amount);
                case "610100" -> maf = maf.plus(amount);
                case "320100" -> cvlserv = cvlserv.plus(amount);
                default -> oth = oth.plus(amount);
            }
        }
        return new LayerOutcome(hifob, hifmi, maf, cvlserv, oth, sIncrement);
    }

    private static Money remaining(SupplementaryLayer layer, Money paid) {
        return layer.yearlyCap() == null ? null : layer.yearlyCap().minus(paid).max(Money.ZERO);
    }

    private static Money capAt(Money amount, Money remaining) {
        Money a = amount.max(Money.ZERO);
        return remaining == null ? a : a.min(remaining);
    }

    /** The institution's part of the free health check and the line it is on. */
    private record FreeCheck(String feedetlSn, Money amount) {
        static final FreeCheck NONE = new FreeCheck(null, Money.ZERO);
    }

    private static FreeCheck freeCheck(RegionPolicy policy, Person person, Visit visit, Pool pool, Accumulators acc,
                                       List<FeeLine> fees, List<LineResult> lines) {
        Person.FamilyDoctorContract contract = person.familyDoctor();
        if (contract == null || pool.personalAccountOnly() || acc.freeCheckUsed() || policy.freeHealthCheckItem() == null
                || !contract.communityCentre().equals(visit.institutionCode())) {
            return FreeCheck.NONE;
        }
        // What the person would bear on the check item's lines, net of refunds: the centre bears at most that.
        Money selfPart = Money.ZERO;
        for (LineResult line : lines) {
            if (line.medListCodg().equals(policy.freeHealthCheckItem())) {
                selfPart = selfPart.plus(line.sumamt().minus(line.inscpScpAmt()));
            }
        }
        // One unit per year, priced as on the lowest feedetl_sn so that the line order does not matter.
        for (int i : indicesBySn(lines)) {
            FeeLine fee = fees.get(i);
            if (fee.medListCodg().equals(policy.freeHealthCheckItem()) && !fee.isRefund()) {
                return new FreeCheck(fee.feedetlSn(), fee.pric().times(Quantity.ONE).min(selfPart).max(Money.ZERO));
            }
        }
        return FreeCheck.NONE;
    }

    private static List<Integer> indicesBySn(List<LineResult> lines) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparing(i -> lines.get(i).feedetlSn()));
        return idx;
    }

    /** Step 7: own account, then mutual aid in binding order. */
    private record Accounts(Money own, Money nonDisease, List<MutualAidPayment> mutualAid, Text text) {
        Money mutualAidTotal() {
            Money total = Money.ZERO;
            for (MutualAidPayment payment : mutualAid) {
                total = total.plus(payment.amount());
            }
            return total;
        }
    }

    private static Accounts accounts(RegionPolicy policy, Person person, Visit visit, PoolKind kind, Money psnPart,
                                     List<LineResult> lines, FreeCheck freeCheck) {
        // What the person bears on non-disease lines: never payable by mutual aid (R-INS-1).
        Money nonDisease = Money.ZERO;
        for (LineResult line : lines) {
            if (line.nonDisease()) {
                nonDisease = nonDisease.plus(line.sumamt().minus(line.inscpScpAmt()));
                if (line.feedetlSn().equals(freeCheck.feedetlSn())) {
                    nonDisease = nonDisease.minus(freeCheck.amount());
                }
            }
        }
        nonDisease = nonDisease.max(Money.ZERO).min(psnPart.max(Money.ZERO));
        if (!visit.acctUsed() || !psnPart.isPositive()) {
            return new Accounts(Money.ZERO, nonDisease, List.of(), Text.of("未使用个人账户，个人现金支付 ", psnPart, " 元"));
        }
        Money own = person.hasOwnAccount() ? psnPart.min(person.ownBalance().max(Money.ZERO)) : Money.ZERO;
        List<Object> text = new ArrayList<>(List.of("个人账户支付 ", own, " 元"));
        List<MutualAidPayment> mutual = new ArrayList<>();
        if (policy.mutualAidPools().contains(kind)) {
            // The own account is deemed to cover non-disease lines first.
            Money left = psnPart.minus(own).minus(nonDisease.minus(own).max(Money.ZERO)).max(Money.ZERO);
            for (Person.MutualAidBinder binder : person.binders()) {
                if (left.isZero()) {
                    break;
                }
                Money pay = left.min(binder.balance().max(Money.ZERO));
                if (pay.isPositive()) {
                    mutual.add(new MutualAidPayment(binder.psnNo(), pay, binder.balance().minus(pay)));
                    text.addAll(List.of("，共济账户 ", binder.psnNo(), " 支付 ", pay, " 元"));
                    left = left.minus(pay);
                }
            }
            if (nonDisease.minus(own).isPositive() && !person.binders().isEmpty()) {
                text.addAll(List.of("，非疾病项目 ", nonDisease.minus(own), " 元不能由共济账户支付"));
            }
        }
        return new Accounts(own, nonDisease, mutual, Text.of(text.toArray()));
    }

    private static Money sum(List<LineResult> lines, java.util.function.Function<LineResult, Money> part) {
        Money total = Money.ZERO;
        for (LineResult line : lines) {
            total = total.plus(part.apply(line));
        }
        return total;
    }
}
