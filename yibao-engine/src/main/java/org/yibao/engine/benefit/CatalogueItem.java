package org.yibao.engine.benefit;

import java.util.Objects;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.policy.InstitutionLevel;

/**
 * What the benefit engine needs of one catalogue item (医保目录) in force on a line's date.
 *
 * @param code                  {@code med_list_codg}
 * @param chrgitmLv             01 甲类, 02 乙类, 03 丙类
 * @param selfpayProp           先行自付比例 of a 乙类 item (0 for 甲类)
 * @param priceCap              支付标准/限价 per unit; null = none
 * @param minInstitutionLevel   restriction: lowest institution level allowed; null = any
 * @param sexRestriction        restriction: {@code gend} (1 男, 2 女) allowed; null = any
 * @param minAge                restriction: lowest age in years (inclusive); null = none
 * @param maxAge                restriction: highest age in years (inclusive); null = none
 * @param indicationRestricted  restricted to an indication list: payable only with {@code hosp_appr_flag = 1}
 * @param nonDisease            non-disease item (health check, cosmetic): never paid by mutual aid (R-INS-1)
 * @param longPrescription      a chronic drug that a recognised patient may get for up to 90 days (R-INS-3)
 */
public record CatalogueItem(String code, String chrgitmLv, Ratio selfpayProp, UnitPrice priceCap,
                            InstitutionLevel minInstitutionLevel, String sexRestriction, Integer minAge, Integer maxAge,
                            boolean indicationRestricted, boolean nonDisease, boolean longPrescription) {

    public static final String CLASS_A = "01";
    public static final String CLASS_B = "02";
    public static final String CLASS_C = "03";

    public CatalogueItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(chrgitmLv, "chrgitmLv");
        selfpayProp = selfpayProp == null ? Ratio.ZERO : selfpayProp;
    }

    /** An unrestricted item. */
    public static CatalogueItem of(String code, String chrgitmLv, Ratio selfpayProp, UnitPrice priceCap) {
        return new CatalogueItem(code, chrgitmLv, selfpayProp, priceCap, null, null, null, null, false, false, false);
    }

    public CatalogueItem withMinInstitutionLevel(InstitutionLevel level) {
        return new CatalogueItem(code, chrgitmLv, selfpayProp, priceCap, level, sexRestriction, minAge, maxAge, indicationRestricted, nonDisease, longPrescription);
    }

    public CatalogueItem withSexRestriction(String gend) {
        return new CatalogueItem(code, chrgitmLv, selfpayProp, priceCap, minInstitutionLevel, gend, minAge, maxAge, indicationRestricted, nonDisease, longPrescription);
    }

    public CatalogueItem withAgeRange(Integer min, Integer max) {
        return new CatalogueItem(code, chrgitmLv, selfpayProp, priceCap, minInstitutionLevel, sexRestriction, min, max, indicationRestricted, nonDisease, longPrescription);
    }

    public CatalogueItem withIndicationRestricted() {
        return new CatalogueItem(code, chrgitmLv, selfpayProp, priceCap, minInstitutionLevel, sexRestriction, minAge, maxAge, true, nonDisease, longPrescription);
    }

    public CatalogueItem asLongPrescription() {
        return new CatalogueItem(code, chrgitmLv, selfpayProp, priceCap, minInstitutionLevel, sexRestriction, minAge, maxAge, indicationRestricted, nonDisease, true);
    }

    public CatalogueItem asNonDisease() {
        return new CatalogueItem(code, chrgitmLv, selfpayProp, priceCap, minInstitutionLevel, sexRestriction, minAge, maxAge, indicationRestricted, true, longPrescription);
    }
}
