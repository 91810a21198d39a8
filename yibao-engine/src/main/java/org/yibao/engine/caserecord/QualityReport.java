package org.yibao.engine.caserecord;

import java.util.List;

/** Every finding on one case record, in the order of the checks. */
public record QualityReport(List<Finding> findings) {

    public QualityReport {
        findings = List.copyOf(findings);
    }

    /** R-PAY-4: a case with a blocking finding is not paid by DRG/DIP until corrected. */
    public boolean blocking() {
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.BLOCKING);
    }

    public List<Finding> of(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
