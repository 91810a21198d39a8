/**
 * Fund supervision rules (基金监管规则): a few generic evaluators in the shapes of the national rule
 * library (《医疗保障基金智能审核和监控知识库、规则库框架体系》) — per-line lookups, per-visit
 * aggregates, per-person time windows, per-institution indicators — each parameterised by knowledge
 * tables ({@link org.yibao.engine.supervision.KnowledgeBase}), never by hard-coded items (R-SUP-1, R-SUP-2).
 * Pure and immutable: the caller supplies the encounters, the engine answers findings with evidence.
 * Entry point: {@link org.yibao.engine.supervision.SupervisionEngine}.
 */
package org.yibao.engine.supervision;
