/**
 * Payment methods (支付方式): DRG/DIP grouping and payment, budgets, capitation and monthly clearing
 * (issue 8). It receives the case records (医疗保障基金结算清单, 4101/4101A) and checks them (R-PAY-4), pays
 * a DRG region's months by DRG ({@link org.yibao.server.payment.DrgPayments}, R-PAY-2; corrected case records in
 * corrections rounds, {@link org.yibao.server.payment.DrgCorrections}), answers the
 * patient's look-up ({@link org.yibao.server.payment.DrgLookup}, R-PAY-8), and clears each institution's month.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment methods")
package org.yibao.server.payment;
