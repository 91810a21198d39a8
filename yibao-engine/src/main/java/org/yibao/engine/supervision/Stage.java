package org.yibao.engine.supervision;

/** When a rule runs: 事前 (3101, before the order), 事中 (3102, before settlement), 事后 (after settlement). */
public enum Stage {
    PRE, DURING, POST
}
