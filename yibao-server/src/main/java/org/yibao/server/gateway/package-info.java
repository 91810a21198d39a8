/**
 * Settlement gateway (结算网关): the national interface on the network (NATIONAL_INTERFACE.md §1–§2).
 * One endpoint, HMAC-SM3 signatures against the institution's key, fresh timestamps, {@code msgid}
 * idempotency with the reply stored in the same transaction as the change it answers, and dispatch by
 * {@code infno} to the {@link org.yibao.server.platform.fsi.FsiTransaction}s of every context.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Settlement gateway")
package org.yibao.server.gateway;
