package org.yibao.engine.supervision;

/** How sure a finding is; {@code sev_deg} of the 3101/3102 reply. */
public enum Severity {
    /** 明确违规: the lines break a rule as charged. */
    DEFINITE("1", "明确违规"),
    /** 可疑: worth an auditor's look; may be justified by the record. */
    SUSPECT("2", "可疑");

    private final String code;
    private final String chinese;

    Severity(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    /** {@code sev_deg}. */
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }
}
