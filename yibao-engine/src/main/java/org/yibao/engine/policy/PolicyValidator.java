package org.yibao.engine.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * Checks that a {@link RegionPolicy} is coherent before it may be used (R-REF-4). Pure: returns every
 * violation found, each with the path of the offending value in the policy file's key names (e.g.
 * {@code pools.inpatient.categories.resident.ratios.L2}) so that a file reader can point at the line.
 */
public final class PolicyValidator {

    /** One problem: where (path of file keys), which rule, and what to do. */
    public record Violation(String path, String rule, String reason) {}

    private static final Pattern ADMDVS = Pattern.compile("\\d{6}");
    private static final Pattern INSUTYPE = Pattern.compile("\\d{3}");
    private static final Pattern FUND_PAY_TYPE = Pattern.compile("\\d{6}");
    private static final Pattern CODE_PATTERN = Pattern.compile("[0-9A-Za-z]+x*");
    private static final Ratio MINUS_ONE = Ratio.ONE.negate();

    private PolicyValidator() {}

    public static List<Violation> validate(RegionPolicy policy) {
        Checker c = new Checker();
        c.check(policy);
        return List.copyOf(c.violations);
    }

    private static final class Checker {
        final List<Violation> violations = new ArrayList<>();

        void add(String path, String rule, String reason) {
            violations.add(new Violation(path, rule, reason));
        }

        void check(RegionPolicy p) {
            if (p.admdvs() == null || !ADMDVS.matcher(p.admdvs()).matches()) {
                add("region", "pattern", "region must be a 6-digit admdvs code, e.g. 990100");
            }
            if (p.year() < 2000 || p.year() > 2099) {
                add("year", "range", "year must be between 2000 and 2099");
            }
            checkCategories(p);
            checkPools(p);
            checkRefusals(p);
            checkChronic(p);
            checkAdjustments(p);
            checkLayers(p);
            if (p.freeHealthCheckItem() == null || p.freeHealthCheckItem().isBlank()) {
                add("free_health_check_item", "required", "name the catalogue code of the free yearly health check");
            }
            if (p.designationChangesPerYear() != null && p.designationChangesPerYear() < 0) {
                add("designation_changes_per_year", "range", "must be 0 or more, or 'unlimited'");
            }
        }

        void checkCategories(RegionPolicy p) {
            if (p.categories().isEmpty()) {
                add("categories", "required", "list at least one person category");
            }
            Set<String> keys = new HashSet<>();
            List<String[]> seen = new ArrayList<>();
            for (PersonCategory cat : p.categories()) {
                String path = "categories." + cat.key();
                if (!keys.add(cat.key())) {
                    add(path, "unique", "category " + cat.key() + " is defined twice");
                }
                if (cat.insutype() == null || !INSUTYPE.matcher(cat.insutype()).matches()) {
                    add(path + ".insutype", "pattern", "insutype must be a 3-digit code such as 310 or 390");
                }
                if (cat.psnTypes().isEmpty()) {
                    add(path + ".psn_types", "required", "list the psn_type codes of this category (e.g. 1101 or 15xx)");
                }
                for (String psnType : cat.psnTypes()) {
                    codePattern(path + ".psn_types", psnType);
                    for (String[] other : seen) {
                        if (other[1].equals(cat.insutype()) && Codes.overlap(other[2], psnType)) {
                            add(path + ".psn_types", "overlap", "psn_type " + psnType + " of insutype " + cat.insutype()
                                    + " is already covered by category " + other[0]);
                        }
                    }
                }
                for (String psnType : cat.psnTypes()) {
                    seen.add(new String[] {cat.key(), String.valueOf(cat.insutype()), psnType});
                }
                if (cat.basicFundPayType() == null || !FUND_PAY_TYPE.matcher(cat.basicFundPayType()).matches()) {
                    add(path + ".basic_fund_pay_type", "pattern", "basic_fund_pay_type must be a 6-digit fund code such as 310100");
                }
            }
        }

        void checkPools(RegionPolicy p) {
            Map<String, String> mapped = new HashMap<>();
            for (PoolKind required : List.of(PoolKind.GENERAL_OUTPATIENT, PoolKind.INPATIENT)) {
                if (!p.pools().containsKey(required)) {
                    add("pools." + required.key(), "required", "the " + required.key() + " pool is missing");
                }
            }
            for (Pool pool : p.pools().values()) {
                String path = "pools." + pool.kind().key();
                if (pool.medTypes().isEmpty()) {
                    add(path + ".med_types", "required", "list the med_type codes settled in this pool");
                }
                for (String medType : pool.medTypes()) {
                    codePattern(path + ".med_types", medType);
                    for (Map.Entry<String, String> other : mapped.entrySet()) {
                        if (Codes.overlap(other.getKey(), medType)) {
                            add(path + ".med_types", "unique", "med_type " + medType + " is already mapped to pool " + other.getValue());
                        }
                    }
                }
                pool.medTypes().forEach(m -> mapped.put(m, pool.kind().key()));
                boolean needsTerms = !pool.personalAccountOnly() && pool.kind() != PoolKind.CHRONIC;
                if (!needsTerms && !pool.categories().isEmpty()) {
                    add(path + ".categories", "unexpected", pool.kind() == PoolKind.CHRONIC
                            ? "chronic terms are per disease: put them under chronic_diseases"
                            : "a personal-account-only pool pays no fund: remove its categories");
                }
                if (needsTerms) {
                    for (PersonCategory cat : p.categories()) {
                        if (!pool.categories().containsKey(cat.key())) {
                            add(path + ".categories." + cat.key(), "required", "terms for category " + cat.key() + " are missing");
                        }
                    }
                }
                for (Map.Entry<String, PoolTerms> e : pool.categories().entrySet()) {
                    String termsPath = path + ".categories." + e.getKey();
                    if (p.categories().stream().noneMatch(c -> c.key().equals(e.getKey()))) {
                        add(termsPath, "unknown", "no person category " + e.getKey() + " is defined under categories");
                    }
                    if (e.getValue() == null) {
                        add(termsPath, "required", "give deductible, ratios and yearly_cap");
                    } else {
                        checkTerms(termsPath, e.getValue());
                    }
                }
            }
        }

        void checkTerms(String path, PoolTerms terms) {
            Deductible d = terms.deductible();
            if (d == null || d.basis() == null) {
                add(path + ".deductible", "required", "give per_year or per_admission (use per_year: 0 for none)");
            } else if (d.basis() == Deductible.Basis.PER_YEAR) {
                nonNegative(path + ".deductible.per_year", d.perYear());
            } else if (d.basis() == Deductible.Basis.PER_ADMISSION) {
                for (InstitutionLevel level : InstitutionLevel.values()) {
                    String lp = path + ".deductible.per_admission." + level;
                    if (!d.perAdmission().containsKey(level)) {
                        add(lp, "missing-level", "the deductible for level " + level + " is missing (give L1, L2 and L3)");
                    } else {
                        nonNegative(lp, d.perAdmission().get(level));
                    }
                }
                ratio01(path + ".deductible.later_admission_factor", d.laterAdmissionFactor());
            }
            for (InstitutionLevel level : InstitutionLevel.values()) {
                String lp = path + ".ratios." + level;
                if (!terms.ratios().containsKey(level)) {
                    add(lp, "missing-level", "the ratio for level " + level + " is missing (give L1, L2 and L3)");
                } else {
                    ratio01(lp, terms.ratios().get(level));
                }
            }
            nonNegative(path + ".yearly_cap", terms.yearlyCap());
        }

        void checkRefusals(RegionPolicy p) {
            Refusals r = p.refusals();
            if (r == null) {
                add("refusals", "required", "give the refusal messages (med_types, psn_setlway, other_med_types)");
                return;
            }
            for (int i = 0; i < r.medTypes().size(); i++) {
                Refusals.CodeRefusal refusal = r.medTypes().get(i);
                String path = "refusals.med_types[" + i + "]";
                refusal(path, refusal);
                for (String code : refusal.codes()) {
                    for (Pool pool : p.pools().values()) {
                        for (String mapped : pool.medTypes()) {
                            if (Codes.overlap(mapped, code)) {
                                add(path + ".codes", "conflict", "med_type " + code + " is refused here but mapped to pool " + pool.kind().key());
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < r.settlementWays().size(); i++) {
                refusal("refusals.psn_setlway[" + i + "]", r.settlementWays().get(i));
            }
            if (r.otherMedTypeMessage() == null || r.otherMedTypeMessage().isBlank()) {
                add("refusals.other_med_types", "required", "give the message for a med_type that has no pool");
            }
        }

        void refusal(String path, Refusals.CodeRefusal refusal) {
            if (refusal.codes().isEmpty()) {
                add(path + ".codes", "required", "list the refused codes");
            }
            refusal.codes().forEach(code -> codePattern(path + ".codes", code));
            if (refusal.message() == null || refusal.message().isBlank()) {
                add(path + ".message", "required", "say why it is refused and what to do instead");
            }
        }

        void checkChronic(RegionPolicy p) {
            Set<String> keys = new HashSet<>();
            Set<String> insutypes = new HashSet<>();
            p.categories().forEach(c -> insutypes.add(c.insutype()));
            boolean chronicPool = p.pools().containsKey(PoolKind.CHRONIC);
            if (chronicPool && p.chronicDiseases().isEmpty()) {
                add("chronic_diseases", "required", "the chronic pool needs at least one disease");
            }
            for (ChronicDisease d : p.chronicDiseases()) {
                String path = "chronic_diseases." + d.key();
                if (!keys.add(d.key())) {
                    add(path, "unique", "disease " + d.key() + " is listed twice");
                }
                if (d.name() == null || d.name().isBlank()) {
                    add(path + ".name", "required", "give the disease's name");
                }
                for (String insutype : insutypes) {
                    if (insutype != null && !d.terms().containsKey(insutype)) {
                        add(path + ".terms." + insutype, "required", "ratio and yearly_cap for insutype " + insutype + " are missing");
                    }
                }
                for (Map.Entry<String, ChronicDisease.Terms> e : d.terms().entrySet()) {
                    String tp = path + ".terms." + e.getKey();
                    if (!insutypes.contains(e.getKey())) {
                        add(tp, "unknown", "no person category has insutype " + e.getKey());
                    }
                    ChronicDisease.Terms t = e.getValue();
                    if (t == null) {
                        add(tp, "required", "give ratio and yearly_cap");
                        continue;
                    }
                    ratio01(tp + ".ratio", t.ratio());
                    nonNegative(tp + ".yearly_cap", t.yearlyCap());
                }
            }
        }

        void checkAdjustments(RegionPolicy p) {
            RatioAdjustments a = p.ratioAdjustments();
            String path = "ratio_adjustments";
            if (a == null) {
                add(path, "required", "give the ratio adjustments and bounds");
                return;
            }
            for (PoolKind kind : a.appliesTo()) {
                if (kind == PoolKind.CHRONIC || kind == PoolKind.PHARMACY) {
                    add(path + ".applies_to", "scope", "ratio adjustments never apply to the " + kind.key() + " pool");
                }
            }
            var c = a.chronicAtCommunity();
            if (c != null) {
                points(path + ".chronic_at_community.points", c.points());
                required(path + ".chronic_at_community.level", c.level());
                for (String key : c.diseaseKeys()) {
                    if (p.chronicDiseases().stream().noneMatch(d -> key.equals(d.key()))) {
                        add(path + ".chronic_at_community.diseases", "unknown", "disease " + key + " is not listed under chronic_diseases");
                    }
                }
            }
            points(path + ".referral_up", a.referralUp());
            points(path + ".referral_down", a.referralDown());
            points(path + ".family_doctor_1_1_1", a.familyDoctor());
            var s = a.selfReferral();
            if (s != null) {
                points(path + ".self_referral.points", s.points());
                required(path + ".self_referral.level", s.level());
            }
            var x = a.crossRegion();
            if (x == null) {
                add(path + ".cross_region", "required", "give long_term, referral_or_emergency and other_temporary");
            } else {
                points(path + ".cross_region.long_term", x.longTerm());
                points(path + ".cross_region.referral_or_emergency", x.referralOrEmergency());
                points(path + ".cross_region.other_temporary", x.otherTemporary());
            }
            var b = a.bounds();
            if (b == null) {
                add(path + ".bounds", "required", "give min and max of the adjusted ratio");
            } else {
                boolean ok = ratio01(path + ".bounds.min", b.min()) & ratio01(path + ".bounds.max", b.max());
                if (ok && b.min().compareTo(b.max()) > 0) {
                    add(path + ".bounds", "order", "min " + b.min() + " is above max " + b.max());
                }
            }
        }

        void checkLayers(RegionPolicy p) {
            Set<String> keys = new HashSet<>();
            Set<String> fundTypes = new HashSet<>();
            p.categories().forEach(c -> fundTypes.add(c.basicFundPayType()));
            for (SupplementaryLayer l : p.supplementaryLayers()) {
                String path = "supplementary_layers." + l.key();
                if (!keys.add(l.key())) {
                    add(path, "unique", "layer " + l.key() + " is defined twice");
                }
                if (l.fundPayType() == null || !FUND_PAY_TYPE.matcher(l.fundPayType()).matches()) {
                    add(path + ".fund_pay_type", "pattern", "fund_pay_type must be a 6-digit fund code such as 330100");
                } else if (!fundTypes.add(l.fundPayType())) {
                    add(path + ".fund_pay_type", "unique", "fund_pay_type " + l.fundPayType() + " is used by another fund");
                }
                required(path + ".base", l.base());
                if (l.pools().isEmpty()) {
                    add(path + ".pools", "required", "list the pools this fund pays in");
                }
                if (l.pools().contains(PoolKind.PHARMACY)) {
                    add(path + ".pools", "scope", "pharmacy purchases are paid by the personal account only");
                }
                if (l.bands().isEmpty() == l.identityRates().isEmpty()) {
                    add(path, "rates", "give either bands or identity_rates (exactly one of them)");
                }
                Money previousTo = null;
                boolean open = false;
                for (int i = 0; i < l.bands().size(); i++) {
                    var band = l.bands().get(i);
                    String bp = path + ".bands[" + i + "]";
                    ratio01(bp + ".rate", band.rate());
                    if (!nonNegative(bp + ".from", band.from())) {
                        continue;
                    }
                    if (band.to() != null && band.to().compareTo(band.from()) <= 0) {
                        add(bp + ".to", "order", "to " + band.to() + " must be above from " + band.from());
                    }
                    if (open) {
                        add(bp, "order", "the previous band has no upper end, so no band can follow it");
                    } else if (previousTo != null && band.from().compareTo(previousTo) < 0) {
                        add(bp + ".from", "overlap", "band starts at " + band.from() + ", inside the previous band ending at " + previousTo);
                    }
                    open = band.to() == null;
                    previousTo = band.to();
                }
                for (Map.Entry<String, Ratio> e : l.identityRates().entrySet()) {
                    ratio01(path + ".identity_rates." + e.getKey(), e.getValue());
                }
                if (l.yearlyCap() != null) {
                    nonNegative(path + ".yearly_cap", l.yearlyCap());
                }
            }
        }

        void codePattern(String path, String code) {
            if (code == null || !CODE_PATTERN.matcher(code).matches()) {
                add(path, "pattern", "'" + code + "' is not a code (digits or letters, optionally ending in x wildcards)");
            }
        }

        void required(String path, Object value) {
            if (value == null) {
                add(path, "required", "this value is required");
            }
        }

        boolean nonNegative(String path, Money amount) {
            if (amount == null) {
                add(path, "required", "give an amount in yuan (e.g. 1000.00)");
                return false;
            }
            if (amount.isNegative()) {
                add(path, "non-negative", "must not be negative (is " + amount + ")");
                return false;
            }
            return true;
        }

        boolean ratio01(String path, Ratio ratio) {
            if (ratio == null) {
                add(path, "required", "give a ratio between 0 and 1 (e.g. 0.60)");
                return false;
            }
            if (!ratio.isWithinZeroAndOne()) {
                add(path, "ratio-range", "ratio " + ratio + " is outside 0..1");
                return false;
            }
            return true;
        }

        void points(String path, Ratio ratio) {
            if (ratio == null) {
                add(path, "required", "give the adjustment in ratio points (e.g. 0.05 or -0.10)");
            } else if (ratio.compareTo(MINUS_ONE) < 0 || ratio.compareTo(Ratio.ONE) > 0) {
                add(path, "ratio-range", "adjustment " + ratio + " is outside -1..1");
            }
        }
    }
}
