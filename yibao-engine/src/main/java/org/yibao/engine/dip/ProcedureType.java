package org.yibao.engine.dip;

/**
 * The kind of a case's main procedure, which splits a comprehensive group (综合病种) of one diagnosis
 * category. Read from the ICD-9-CM-3 (医保版) code's chapter, the two digits before the dot: 00–86 are
 * operations and interventions (SURGICAL), 87–91 diagnostic imaging, evaluation and laboratory
 * examination (DIAGNOSTIC), 92–99 other non-operative procedures such as nuclear medicine, physical
 * therapy, intubation, replacement, removal and injections (THERAPEUTIC); no procedure is NONE.
 */
public enum ProcedureType {
    NONE, DIAGNOSTIC, THERAPEUTIC, SURGICAL;

    /**
     * @param procedureCode the main procedure's code, or null/blank for none
     * @throws IllegalArgumentException when the code does not start with two digits
     */
    public static ProcedureType of(String procedureCode) {
        if (procedureCode == null || procedureCode.isBlank()) {
            return NONE;
        }
        String c = procedureCode.strip();
        if (c.length() < 2 || !Character.isDigit(c.charAt(0)) || !Character.isDigit(c.charAt(1))) {
            throw new IllegalArgumentException("an ICD-9-CM-3 procedure code starts with two digits, got: " + procedureCode);
        }
        int chapter = Integer.parseInt(c.substring(0, 2));
        if (chapter <= 86) {
            return SURGICAL;
        }
        return chapter <= 91 ? DIAGNOSTIC : THERAPEUTIC;
    }
}
