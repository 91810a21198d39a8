package org.yibao.engine.policy;

import java.util.Arrays;
import java.util.Optional;

/** The benefit pools (统筹基金支付范围) a {@code med_type} maps to (DOMAIN §4.2). */
public enum PoolKind {
    /** 普通门诊 (incl. 急诊). */
    GENERAL_OUTPATIENT("general_outpatient"),
    /** 门诊慢特病: per disease, no deductible. */
    CHRONIC("chronic"),
    /** 住院. */
    INPATIENT("inpatient"),
    /** 定点药店购药: personal account only in the demo. */
    PHARMACY("pharmacy");

    private final String key;

    PoolKind(String key) {
        this.key = key;
    }

    /** The key used in policy files and error paths. */
    public String key() {
        return key;
    }

    public static Optional<PoolKind> ofKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
