package org.yibao.engine.caserecord;

import java.util.ArrayList;
import java.util.List;
import org.yibao.engine.drg.DrgTables;

/**
 * Runs every quality-control check (R-PAY-4) on a case record against one grouper version's tables.
 * Immutable and safe to share between threads.
 */
public final class CaseRecordQualityControl {

    private final List<CaseRecordCheck> checks;

    public CaseRecordQualityControl(DrgTables tables) {
        this.checks = CaseRecordChecks.all(tables);
    }

    public QualityReport check(CaseRecord record) {
        List<Finding> findings = new ArrayList<>();
        for (CaseRecordCheck c : checks) {
            findings.addAll(c.check(record));
        }
        return new QualityReport(findings);
    }
}
