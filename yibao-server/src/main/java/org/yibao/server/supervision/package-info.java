/**
 * Fund supervision (基金监管, R-SUP): the rule engine of {@code org.yibao.engine.supervision} with
 * its knowledge base, answering the national interface's pre-checks 3101 (事前) and 3102 (事中)
 * inside the HIS workflow. The run after settlement, warnings, cases and penalties follow (issue 7).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.yibao.server.supervision;
