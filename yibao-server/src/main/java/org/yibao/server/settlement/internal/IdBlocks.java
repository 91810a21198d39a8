package org.yibao.server.settlement.internal;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Numbers from a database sequence, fetched a block at a time so that a visit or a settlement does
 * not spend a round trip on its id. Numbers stay increasing in the order they are handed out (later
 * settlements of a person have larger ids, which the reversal note relies on); a restart leaves a gap,
 * as a sequence does after a rollback.
 */
@Component
class IdBlocks {

    static final int BLOCK = 64;

    private final JdbcClient jdbc;
    private final Map<String, ArrayDeque<Long>> blocks = new ConcurrentHashMap<>();

    IdBlocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of {@code sequence} (visit_seq or settlement_seq). */
    long next(String sequence) {
        ArrayDeque<Long> block = blocks.computeIfAbsent(sequence, s -> new ArrayDeque<>());
        synchronized (block) {
            if (block.isEmpty()) {
                // Outside the caller's transaction would not matter: sequences ignore rollbacks.
                block.addAll(jdbc.sql("select nextval(?::regclass) from generate_series(1, ?) order by 1")
                        .params(sequence, BLOCK).query(Long.class).list());
            }
            return block.removeFirst();
        }
    }
}
