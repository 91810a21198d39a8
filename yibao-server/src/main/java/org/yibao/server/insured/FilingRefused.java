package org.yibao.server.insured;

/**
 * A filing of an insured person's rights (designated institution, R-INS-2) refused by a rule; the
 * Chinese message says which rule and what the person or institution can do. The national interface
 * answers it as a refusal naming {@code field}; a portal shows the message next to the field.
 *
 * @see DesignatedInstitutions
 */
public class FilingRefused extends RuntimeException {

    private final String field;

    public FilingRefused(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The input field the rule is about (psn_no, fixmedins_code, begndate, …), or null for the filing as a whole. */
    public String field() {
        return field;
    }
}
