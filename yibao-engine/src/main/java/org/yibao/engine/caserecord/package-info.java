/**
 * Case-record quality control (病案首页/结算清单质控, R-PAY-4): checks on a 4101 case record
 * (医疗保障基金结算清单) before it is grouped and paid by DRG/DIP. Each check is a named policy
 * ({@link org.yibao.engine.caserecord.CaseRecordCheck}) that returns findings, BLOCKING or WARNING, each
 * naming the 4101 field, the value, the rule and what the HIS coder should do. A record with a blocking
 * finding is not paid by DRG/DIP until corrected. Codes are checked against the dictionaries and lists of
 * the grouper version's tables ({@link org.yibao.engine.drg.DrgTables}).
 */
package org.yibao.engine.caserecord;
