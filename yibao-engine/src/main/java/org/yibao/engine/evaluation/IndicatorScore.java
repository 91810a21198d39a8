package org.yibao.engine.evaluation;

import java.math.BigDecimal;

/**
 * One indicator's result.
 *
 * @param indicator which one
 * @param value     the raw value scored (a rate or ratio with 4 decimals, or the number of violations); null without data
 * @param basis     what the value was made of, e.g. {@code 360/379} (qualified/reviewed) or, for length of stay,
 *                  {@code 9.25/8.10} (own/peers' average days); empty without data
 * @param score     points earned, 2 decimals
 * @param points    points available (20)
 * @param noData    true when there was nothing to measure and the missing-data rule gave the full points
 */
public record IndicatorScore(Indicator indicator, BigDecimal value, String basis, BigDecimal score, BigDecimal points, boolean noData) {}
