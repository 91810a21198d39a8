/**
 * DIP, 按病种分值付费 (Diagnosis-Intervention Packet, R-PAY-3): the catalogue of disease groups built from a
 * region's history ({@link org.yibao.engine.dip.DipCatalogue}: core groups 核心病种 and comprehensive
 * groups 综合病种 with their scores 病种分值), and the year-end payment arithmetic
 * ({@link org.yibao.engine.dip.DipPayment}: point value 点值, deviation factors 偏差系数, level
 * coefficients 级别系数, the fund's share). Pure computation, exact decimals, rounding named in each method.
 */
package org.yibao.engine.dip;
