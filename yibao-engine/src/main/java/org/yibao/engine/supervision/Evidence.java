package org.yibao.engine.supervision;

import org.yibao.engine.money.Money;

/**
 * One piece of a finding's evidence: the visit and, when it is about a line, the line, with the
 * amount it puts in question and why (R-SUP-6: every finding links to its settlements and lines).
 *
 * @param lineId null when the evidence is the visit (or the institution's indicator) as a whole
 */
public record Evidence(String encounterId, String lineId, String itemCode, Money amount, String reason) {}
