package org.yibao.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.server.IntegrationTest;

/** Queries sent together run one after the other, each seeing what the ones before it did. */
@IntegrationTest
class PipelineTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient client;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DeferredWrites deferred;

    private static Pipeline.Query<String> text(String sql, Object... params) {
        return Pipeline.Query.of(sql, rs -> rs.next() ? rs.getString(1) : null, params);
    }

    @Test
    void aLaterQuerySeesWhatAnEarlierOneDidAndResultsComeBackInOrder() {
        String value = "v" + System.nanoTime();
        List<Object> results = Pipeline.run(jdbc, List.of(
                text("select set_config('yibao.pipeline_test', ?, false)", value),
                text("select current_setting('yibao.pipeline_test') || ?", "!"),
                Pipeline.Query.named("select :a::int + :b::int", Map.of("a", 2, "b", 3), (ResultSet rs) -> rs.next() ? rs.getInt(1) : -1)));
        assertThat(results).containsExactly(value, value + "!", 5);
    }

    @Test
    void aFailingQueryStopsTheOnesAfterItAndIsReportedAsADataAccessError() {
        // One transaction, so that the check reads the connection the queries were sent on; a sequence, because
        // nextval is not undone by the rollback to the savepoint.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            client.sql("create temporary sequence pipeline_test_seq").update();
            client.sql("savepoint p").update();
            try {
                Pipeline.run(jdbc, text("select 1 / (? - 1)", 1), text("select nextval('pipeline_test_seq')::text"));
                throw new AssertionError("the division by zero was not reported");
            } catch (DataAccessException e) {
                assertThat(e).hasMessageContaining("division by zero");
            }
            client.sql("rollback to savepoint p").update();
            assertThat(client.sql("select is_called from pipeline_test_seq").query(Boolean.class).single()).isFalse();
            client.sql("drop sequence pipeline_test_seq").update();
        });
    }

    @Test
    void aQueryAloneGivesTheSameResult() {
        assertThat(text("select upper(?)", "abc").run(client)).isEqualTo("ABC");
    }

    @Test
    void aNationalInterfaceCallUsesGenericPlansForItsTransactionOnly() {
        Pipeline.Query<String> mode = text("select current_setting('plan_cache_mode')");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String inCall = tx.execute(status -> {
            deferred.open();
            try {
                List<Object> results = Pipeline.run(jdbc, List.of(mode, text("select ?", "second")));
                assertThat(results).as("the setting's own result is not among the call's").hasSize(2).element(1).isEqualTo("second");
                return Pipeline.run(jdbc, mode, mode).second() + "/" + results.get(0);
            } finally {
                deferred.close();
            }
        });
        assertThat(inCall).isEqualTo("force_generic_plan/force_generic_plan");
        String next = tx.execute(status -> Pipeline.run(jdbc, mode, mode).first());
        assertThat(next).as("the next transaction on the pool").isEqualTo("auto");
        String afterEmptyScope = tx.execute(status -> {
            deferred.open();
            deferred.close();
            return Pipeline.run(jdbc, mode, mode).first();
        });
        assertThat(afterEmptyScope).as("a scope closed before any round trip leaves nothing behind").isEqualTo("auto");
    }
}
