package org.yibao.engine.policy;

import java.util.List;

/**
 * A person category of the policy tables (人员类别): an insurance type ({@code insutype}, 310 职工 /
 * 390 居民) and the {@code psn_type} codes it covers (a trailing 'x' is a wildcard: "15xx").
 *
 * @param key              name used in the file, e.g. {@code in_service}, {@code retired}, {@code resident}
 * @param basicFundPayType {@code fund_pay_type} of the basic fund for this category (310100 or 390100)
 */
public record PersonCategory(String key, String name, String insutype, List<String> psnTypes, String basicFundPayType) {

    public PersonCategory {
        psnTypes = psnTypes == null ? List.of() : List.copyOf(psnTypes);
    }

    public boolean covers(String insutype, String psnType) {
        return this.insutype != null && this.insutype.equals(insutype) && Codes.anyMatches(psnTypes, psnType);
    }
}
