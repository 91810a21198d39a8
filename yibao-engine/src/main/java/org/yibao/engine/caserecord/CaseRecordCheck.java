package org.yibao.engine.caserecord;

import java.util.List;

/** One named quality-control policy on a case record: the findings it raises, none when the record passes. */
public interface CaseRecordCheck {

    List<Finding> check(CaseRecord record);
}
