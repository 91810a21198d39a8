package org.yibao.engine.caserecord;

/**
 * One quality-control finding on a case record.
 *
 * @param rule the rule's id, e.g. {@code QC-NWB-1}
 * @param severity BLOCKING (not paid by DRG/DIP until corrected) or WARNING (paid, but to be looked at)
 * @param field the 4101 field, e.g. {@code setlinfo.nwb_bir_wt} or {@code diseinfo[2].diag_code}
 * @param value the value found (empty when missing)
 * @param message what is wrong, by which rule, and what to do
 */
public record Finding(String rule, Severity severity, String field, String value, String message) {

    public enum Severity {
        /** 阻断: the case is not paid by DRG/DIP until the record is corrected (R-PAY-4). */
        BLOCKING,
        /** 提示: the record is accepted; the coder should check it. */
        WARNING
    }

    @Override
    public String toString() {
        return severity + " " + rule + " " + field + "=\"" + value + "\": " + message;
    }
}
