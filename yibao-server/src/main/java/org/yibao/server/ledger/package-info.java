/**
 * Fund ledger (基金账): double-entry postings per pooling region. Every posting balances (enforced by
 * the database after each insert), postings are never changed, and a reversal is a new posting that
 * points to the one it reverses. Debits are positive, credits negative.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fund ledger")
package org.yibao.server.ledger;
