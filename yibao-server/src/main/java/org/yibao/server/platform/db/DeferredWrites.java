package org.yibao.server.platform.db;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;

/**
 * A call's last writes, sent with its commit. The national-interface gateway opens a scope around a call; a
 * write made through {@link #write} inside it is held and sent to PostgreSQL, in order, in the same message
 * sequence as the call's reply row and {@code COMMIT}: one round trip instead of one more per write, and the
 * server still runs the writes before the reply row and the commit, so a failing write fails the whole call
 * (the rest of the sequence is skipped and the transaction rolled back). Only for writes whose result the call
 * does not read and which nothing after them in the call reads back; outside a scope (demo history, tests,
 * staff actions) a write runs at once.
 */
@Component
public class DeferredWrites {

    /** A held write: SQL with {@code ?} placeholders and its values. */
    public record Write(String sql, List<Object> params) {}

    private final ThreadLocal<List<Write>> held = new ThreadLocal<>();
    private final JdbcOperations jdbc;

    DeferredWrites(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the writes made on this thread from now until {@link #close}; the call's first {@link Pipeline} round
     * trip also switches its transaction to generic plans ({@link Pipeline#genericPlansFromTheNextRoundTrip}).
     */
    public void open() {
        held.set(new ArrayList<>());
        Pipeline.genericPlansFromTheNextRoundTrip(true);
    }

    /** Ends the scope: the writes held, in order, for the caller to send (or drop when the call failed). */
    public List<Write> close() {
        List<Write> writes = held.get();
        held.remove();
        Pipeline.genericPlansFromTheNextRoundTrip(false);
        return writes == null ? List.of() : writes;
    }

    /** Runs the write now, or holds it when a scope is open. */
    public void write(String sql, List<Object> params) {
        List<Write> writes = held.get();
        if (writes == null) {
            send(List.of(new Write(sql, params)));
        } else {
            writes.add(new Write(sql, new ArrayList<>(params)));
        }
    }

    /**
     * The writes in one round trip, in order (statements that return rows are fine: their rows are not read). The
     * first failure stops the rest and is thrown as Spring's translation of the SQL error.
     */
    public void send(List<Write> writes) {
        jdbc.execute(Pipeline.joined(writes.stream().map(Write::sql).toList()), (PreparedStatementCallback<Boolean>) ps -> {
            Pipeline.bind(ps, writes.stream().map(Write::params).toList());
            return ps.execute();
        });
    }
}
