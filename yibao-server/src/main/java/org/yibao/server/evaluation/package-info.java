/**
 * Annual evaluation of designated institutions (年度考核, R-INST-2): the indicator feeds that staff and
 * insured persons record (prescription reviews, satisfaction surveys, confirmed violations), the ones
 * read from other contexts (upload compliance, hypertension management, length of stay), the stored,
 * versioned evaluations scored by the engine's {@link org.yibao.engine.evaluation.AnnualEvaluationPolicy},
 * and the condition it sets on renewing an agreement. Staff use {@code /api/admin/evaluations} and the
 * console; persons answer surveys in the insured portal; institutions read their final evaluations in
 * the institution portal. See docs/annual-evaluation.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Annual evaluation")
package org.yibao.server.evaluation;
