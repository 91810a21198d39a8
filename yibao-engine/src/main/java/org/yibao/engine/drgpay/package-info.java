/**
 * DRG payment (按病组付费, R-PAY-2): relative weights and base rates of a published table
 * ({@link org.yibao.engine.drgpay.DrgWeights}), weights from a region's own history for groups without one
 * ({@link org.yibao.engine.drgpay.HistoryWeights}), the terms ({@link org.yibao.engine.drgpay.DrgPaymentTerms}:
 * level coefficients, outlier bounds) and the payment of one case ({@link org.yibao.engine.drgpay.DrgPayment}),
 * with the reason and the arithmetic in words, to the fen. Pure computation.
 */
package org.yibao.engine.drgpay;
