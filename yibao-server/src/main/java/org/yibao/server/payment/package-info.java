/**
 * Payment methods (支付方式): DRG/DIP grouping and payment, budgets, capitation and monthly clearing
 * (issue 8). For now it receives the case records (医疗保障基金结算清单, 4101/4101A) they will be
 * computed from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payment methods")
package org.yibao.server.payment;
