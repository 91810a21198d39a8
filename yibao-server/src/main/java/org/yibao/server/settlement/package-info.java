/**
 * Settlement (结算): visits, fee lines, pre-settlement, settlement and reversal through the national
 * interface (2201–2208, 2301–2305, 2401–2405, 2601, 5203, 5206), computed by the benefit engine and
 * stored durably — the settlement, its lines, the accumulators, the account balances and the fund
 * ledger in one transaction, serialised per person and mutual-aid binder.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Settlement")
package org.yibao.server.settlement;
