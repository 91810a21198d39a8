package org.yibao.engine.supervision;

/** The national rule library's four rule shapes; each evaluator has one. */
public enum Shape {
    /** 单条明细: one line against a lookup table. */
    LINE,
    /** 单次就诊: the lines of one visit together. */
    VISIT,
    /** 跨就诊: one person's visits over a time window. */
    PERSON,
    /** 机构指标: an institution's indicator against a threshold or its peers. */
    INSTITUTION
}
