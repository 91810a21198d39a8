package org.yibao.engine.drg;

/**
 * A secondary diagnosis that is a complication or comorbidity (并发症或合并症): a CC, or a major one
 * (MCC, 严重并发症或合并症). It is {@code excluded} when its exclusion table equals the principal
 * diagnosis's (README §6), and then it does not count for the DRG split.
 *
 * @param code the secondary diagnosis code
 * @param kind MCC or CC (a code in both lists appears twice)
 * @param exclusionTable the code's exclusion-table id in {@code mcc.tsv} or {@code cc.tsv}
 * @param excluded whether the principal diagnosis's exclusion table is the same id
 */
public record Complication(String code, Kind kind, String exclusionTable, boolean excluded) {

    public enum Kind { MCC, CC }

    /** Whether it counts for the MCC / CC_OR_MCC splits. */
    public boolean counts() {
        return !excluded;
    }
}
