package org.yibao.server.crossregion;

/**
 * An ordered pair of pooling regions: the insured region (参保地), whose persons were treated, and the
 * treatment region (就医地), whose institutions treated them. The key of prepaid funds and statements.
 */
public record RegionPair(String insuredAdmdvs, String treatmentAdmdvs) implements Comparable<RegionPair> {

    /** {@code 990100/980100}, the audit key and the ledger source id's prefix. */
    public String key() {
        return insuredAdmdvs + "/" + treatmentAdmdvs;
    }

    @Override
    public int compareTo(RegionPair o) {
        return key().compareTo(o.key());
    }
}
