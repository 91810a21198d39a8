package org.yibao.server.platform.db;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The row of {@code settlement_facts_version} (V97), taken first by a writer of persons' settlement facts that locks a
 * fact row with {@code for update} before its first write.
 *
 * <p>Every statement writing a fact table takes that row before its own rows (V98). A writer that had already locked
 * a fact row would take the version row only at its first write, second: it could then wait for a writer holding the
 * version row while that writer waited for the fact row, a deadlock PostgreSQL ends by refusing one of them. Taking
 * the version row first puts every writer of facts in the same order. It must be called inside the writer's
 * transaction; the row stays locked until the transaction ends, as it would after the first write.
 */
public final class FactsVersionLock {

    private FactsVersionLock() {}

    public static void takeFirst(JdbcClient jdbc) {
        jdbc.sql("select version from settlement_facts_version for update").query(Long.class).single();
    }
}
