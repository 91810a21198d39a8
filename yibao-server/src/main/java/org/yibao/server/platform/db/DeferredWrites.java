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
    private final ThreadLocal<Boolean> guessing = new ThreadLocal<>();
    private final JdbcOperations jdbc;

    DeferredWrites(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the writes made on this thread from now until {@link #close}; the call's first {@link Pipeline} round
     * trip also switches its transaction to generic plans ({@link Pipeline#genericPlansFromTheNextRoundTrip}), or,
     * when the call makes none, its held writes do. {@code mayGuess}: the call may compute from what the platform
     * remembers instead of reading it, sending its writes behind a check that raises a serialization failure
     * ({@code yibao_expect}, V98) when the guess was stale; a caller that runs the call again after such a failure
     * opens the scope without it.
     */
    public void open(boolean mayGuess) {
        held.set(new ArrayList<>());
        if (mayGuess) {
            guessing.set(Boolean.TRUE);
        }
        Pipeline.genericPlansFromTheNextRoundTrip(true);
    }

    /** Whether the call in this thread's scope may compute from a guess ({@link #open}). */
    public boolean mayGuess() {
        return guessing.get() != null && held.get() != null;
    }

    /** Ends the scope: the writes held, in order, for the caller to send (or drop when the call failed). */
    public List<Write> close() {
        List<Write> writes = held.get();
        held.remove();
        guessing.remove();
        boolean settingPending = Pipeline.takeGenericPlansSetting();
        if (writes == null || writes.isEmpty()) {
            return List.of();
        }
        if (settingPending) {
            // No round trip of the call went before its writes: the setting travels with them.
            writes.add(0, new Write(Pipeline.GENERIC_PLANS.sql(), List.of()));
        }
        return writes;
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
