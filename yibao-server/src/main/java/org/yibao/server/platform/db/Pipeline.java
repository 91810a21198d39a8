package org.yibao.server.platform.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several queries sent to PostgreSQL in one round trip. The server runs them one after the other, each
 * with its own snapshot, exactly as if they had been sent one by one (a later query sees what an earlier
 * one locked or changed); only the waits for the network between them are gone. For queries that do not
 * need each other's results: under settlement load a round trip cost as much of the platform's CPU as
 * the work of most of its statements (bench/gateway-cpu.sh, async-profiler: socket writes and reads).
 * The pgjdbc driver splits the text at the semicolons and sends every part in one batch of messages.
 */
public final class Pipeline {

    /** Parsed SQL of named queries: the texts are the program's own, so a few. */
    private static final Map<String, ParsedSql> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Set on a thread whose next round trip should first switch its transaction to generic plans. The national
     * interface's statements are key look-ups whose best plan does not depend on the key; yet once the tables had
     * statistics (the first autoanalyze, about a minute into a load), PostgreSQL planned the person's facts and a
     * visit's fee lines again on every call (pg_stat_statements: plans = calls from then on, 0.27 ms per facts
     * query, about 0.9 ms of the server's CPU per visit), although the generic plan is the same plan.
     */
    private static final ThreadLocal<Boolean> GENERIC_PLANS_NEXT = new ThreadLocal<>();
    private static final Query<Object> GENERIC_PLANS = Query.of("select set_config('plan_cache_mode', 'force_generic_plan', true)",
            rs -> null);

    private Pipeline() {}

    /**
     * From the next {@link #run} on this thread, for the rest of its transaction, PostgreSQL uses the generic plan of
     * every prepared statement ({@code plan_cache_mode}): the setting travels in front of that round trip's queries,
     * at no round trip of its own, and ends with the transaction. {@code false} withdraws a setting not yet sent.
     */
    static void genericPlansFromTheNextRoundTrip(boolean on) {
        if (on) {
            GENERIC_PLANS_NEXT.set(Boolean.TRUE);
        } else {
            GENERIC_PLANS_NEXT.remove();
        }
    }

    /** One query: its SQL with {@code ?} placeholders, the values in order, and how its rows are read. */
    public record Query<T>(String sql, List<Object> params, ResultSetExtractor<T> extractor) {

        public static <T> Query<T> of(String sql, ResultSetExtractor<T> extractor, Object... params) {
            return new Query<>(sql, Arrays.asList(params), extractor);
        }

        /** A query with {@code :name} parameters, as {@link JdbcClient} takes them (the parsed SQL is kept, as Spring's template keeps it). */
        public static <T> Query<T> named(String sql, Map<String, ?> params, ResultSetExtractor<T> extractor) {
            ParsedSql parsed = PARSED.get(sql);
            if (parsed == null) {
                parsed = NamedParameterUtils.parseSqlStatement(sql);
                if (PARSED.size() < 256) {
                    PARSED.put(sql, parsed);
                }
            }
            MapSqlParameterSource source = new MapSqlParameterSource(params);
            return new Query<>(NamedParameterUtils.substituteNamedParameters(parsed, source),
                    Arrays.asList(NamedParameterUtils.buildValueArray(parsed, source, null)), extractor);
        }

        /** The same query, its result passed through {@code f} as its rows are read. */
        public <R> Query<R> map(java.util.function.Function<? super T, ? extends R> f) {
            return new Query<>(sql, params, rs -> f.apply(extractor.extractData(rs)));
        }

        /** This query alone. */
        public T run(JdbcClient jdbc) {
            return jdbc.sql(sql).params(params).query(extractor);
        }
    }

    /** Two results, in the order of their queries. */
    public record Both<A, B>(A first, B second) {}

    /** {@code first}, then {@code second}, in one round trip. */
    public static <A, B> Both<A, B> run(JdbcOperations jdbc, Query<A> first, Query<B> second) {
        List<Object> results = run(jdbc, List.of(first, second));
        @SuppressWarnings("unchecked")
        Both<A, B> both = new Both<>((A) results.get(0), (B) results.get(1));
        return both;
    }

    /** The queries in order, in one round trip; their results in the same order. */
    public static List<Object> run(JdbcOperations jdbc, List<? extends Query<?>> queries) {
        if (GENERIC_PLANS_NEXT.get() != null) {
            GENERIC_PLANS_NEXT.remove();
            List<Query<?>> withSetting = new ArrayList<>(queries.size() + 1);
            withSetting.add(GENERIC_PLANS);
            withSetting.addAll(queries);
            List<Object> results = run(jdbc, withSetting);
            return results.subList(1, results.size());
        }
        String sql = joined(queries.stream().map(Query::sql).toList());
        return jdbc.execute((ConnectionCallback<List<Object>>) con -> {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                bind(ps, queries.stream().map(Query::params).toList());
                ps.execute();
                List<Object> results = new ArrayList<>(queries.size());
                for (int i = 0; i < queries.size(); i++) {
                    if (i > 0 && !ps.getMoreResults()) {
                        throw new DataRetrievalFailureException("query " + (i + 1) + " of " + queries.size() + " returned no rows to read");
                    }
                    results.add(extract(ps, queries.get(i)));
                }
                return results;
            }
        });
    }

    /** Statements joined into one text; the driver sends them in one message sequence (also {@link DeferredWrites}). */
    static String joined(List<String> statements) {
        return String.join(";\n", statements);
    }

    /** Binds each statement's values in order, as {@link JdbcClient} binds positional parameters. */
    static void bind(PreparedStatement ps, List<List<Object>> params) throws SQLException {
        int index = 1;
        for (List<Object> values : params) {
            for (Object value : values) {
                StatementCreatorUtils.setParameterValue(ps, index++, SqlTypeValue.TYPE_UNKNOWN, value);
            }
        }
    }

    private static <T> T extract(PreparedStatement ps, Query<T> query) throws SQLException {
        try (ResultSet rs = ps.getResultSet()) {
            if (rs == null) {
                throw new DataRetrievalFailureException("not a query: " + query.sql());
            }
            return query.extractor().extractData(rs);
        }
    }
}
