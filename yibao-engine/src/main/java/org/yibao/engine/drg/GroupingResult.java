package org.yibao.engine.drg;

import java.util.List;

/**
 * What the grouper answers for one case (README §7): the DRG, MDC and ADRG codes, the status, and on
 * request the complications found and the path of reasons. The reasons and complications are worked out
 * when asked, by the same code path that grouped the case, so that grouping a million cases does not
 * build a million explanations; they are the same every time they are asked.
 */
public final class GroupingResult {

    private final DrgGrouper grouper;
    private final DrgCase sentCase;
    private final DrgCase groupedCase;
    private final GroupingStatus status;
    private final String drg;
    private final String mdc;
    private final String adrg;

    private GroupingResult(DrgGrouper grouper, DrgCase sentCase, DrgCase groupedCase, GroupingStatus status, String drg,
            String mdc, String adrg) {
        this.grouper = grouper;
        this.sentCase = sentCase;
        this.groupedCase = groupedCase;
        this.status = status;
        this.drg = drg;
        this.mdc = mdc;
        this.adrg = adrg;
    }

    /** README §7: what a returned group code means. */
    static GroupingResult of(DrgGrouper grouper, DrgCase sentCase, DrgCase groupedCase, String code) {
        if (code.equals("0000")) {
            return failed(grouper, sentCase, groupedCase, GroupingStatus.FAIL);
        }
        String mdc = "MDC" + code.charAt(0);
        String middle = code.length() >= 3 ? code.substring(1, 3) : "";
        if (middle.equals("00")) {
            return new GroupingResult(grouper, sentCase, groupedCase, GroupingStatus.FAIL, code, mdc, "00");
        }
        if (middle.equals("QY")) {
            return new GroupingResult(grouper, sentCase, groupedCase, GroupingStatus.QY, code, mdc, "QY");
        }
        return new GroupingResult(grouper, sentCase, groupedCase, GroupingStatus.SUCCESS, code, mdc, code.substring(0, Math.min(3, code.length())));
    }

    static GroupingResult failed(DrgGrouper grouper, DrgCase sentCase, DrgCase groupedCase, GroupingStatus status) {
        return new GroupingResult(grouper, sentCase, groupedCase, status, "0000", "0000", "00");
    }

    public GroupingStatus status() {
        return status;
    }

    /** The DRG code (e.g. {@code GB25}), {@code <letter>QY} for an ambiguous case, or {@code 0000}. */
    public String drg() {
        return drg;
    }

    /** {@code MDC} + letter (e.g. {@code MDCG}), or {@code 0000}. */
    public String mdc() {
        return mdc;
    }

    /** The ADRG code (e.g. {@code GB2}), {@code QY}, or {@code 00}. */
    public String adrg() {
        return adrg;
    }

    public GrouperVersion version() {
        return grouper.version();
    }

    /** The case as it was sent to the grouper. */
    public DrgCase sentCase() {
        return sentCase;
    }

    /** The case as grouped: after code normalisation, when that is on (the sent case when a code had no mapping). */
    public DrgCase groupedCase() {
        return groupedCase;
    }

    /** Every secondary diagnosis that is an MCC or CC, each marked as counting or excluded by the principal's exclusion table. */
    public List<Complication> complications() {
        if (status == GroupingStatus.ZD_NOT_MAPPING || status == GroupingStatus.SS_NOT_MAPPING) {
            return List.of();
        }
        return grouper.complications(groupedCase);
    }

    /** The path of reasons: each step's decision (validation, each MDC, each ADRG, each DRG split) in words. */
    public List<String> reasons() {
        return grouper.explain(sentCase);
    }

    @Override
    public String toString() {
        return drg + "," + mdc + "," + adrg + "," + status;
    }
}
