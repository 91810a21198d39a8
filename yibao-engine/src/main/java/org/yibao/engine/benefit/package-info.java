/**
 * The benefit engine (待遇计算): splits fee lines (DOMAIN §4.1) and computes what each fund, the
 * personal and mutual-aid accounts and the person pay for one settlement (§4.3), with an explanation
 * of every step. Pure computation: the caller supplies the policy, the catalogue as a lookup, the
 * person, the visit and the year-to-date accumulators, and stores what comes back.
 * Entry point: {@link org.yibao.engine.benefit.BenefitEngine#settle}.
 */
package org.yibao.engine.benefit;
