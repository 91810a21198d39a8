package org.yibao.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.server.IntegrationTest;

/** A call's last writes wait for its commit and go with it; outside a call they run at once. */
@IntegrationTest
class DeferredWritesTest {

    @Autowired
    DeferredWrites deferred;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private void inOneTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("create temporary table deferred_test (n int primary key) on commit drop").update();
            work.run();
        });
    }

    private long rows() {
        return jdbc.sql("select count(*) from deferred_test").query(Long.class).single();
    }

    @Test
    void outsideACallAWriteRunsAtOnce() {
        inOneTransaction(() -> {
            deferred.write("insert into deferred_test values (?)", List.of(1));
            assertThat(rows()).isEqualTo(1);
        });
    }

    @Test
    void insideACallWritesAreHeldAndThenSentInOrderWithWhatFollows() {
        inOneTransaction(() -> {
            deferred.open();
            List<DeferredWrites.Write> held;
            try {
                deferred.write("insert into deferred_test values (?)", List.of(1));
                deferred.write("insert into deferred_test select n + 1 from deferred_test", List.of());
                assertThat(rows()).isZero();
            } finally {
                held = deferred.close();
            }
            List<DeferredWrites.Write> all = new ArrayList<>(held);
            all.add(new DeferredWrites.Write("insert into deferred_test select max(n) * 10 from deferred_test", List.of()));
            deferred.send(all);
            assertThat(jdbc.sql("select n from deferred_test order by n").query(Integer.class).list()).containsExactly(1, 2, 20);
            // The scope is closed: the next write runs at once.
            deferred.write("insert into deferred_test values (?)", List.of(7));
            assertThat(rows()).isEqualTo(4);
        });
    }

    @Test
    void aFailingHeldWriteStopsEverythingAfterItAndIsThrown() {
        inOneTransaction(() -> {
            jdbc.sql("insert into deferred_test values (1)").update();
            // nextval is not undone by a rollback: had the second write run, the sequence would show it.
            jdbc.sql("create temporary sequence deferred_test_seq").update();
            jdbc.sql("savepoint before").update();
            List<DeferredWrites.Write> writes = List.of(new DeferredWrites.Write("insert into deferred_test values (?)", List.of(1)),
                    new DeferredWrites.Write("select nextval('deferred_test_seq')", List.of()));
            assertThatThrownBy(() -> deferred.send(writes)).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
            jdbc.sql("rollback to savepoint before").update();
            assertThat(jdbc.sql("select is_called from deferred_test_seq").query(Boolean.class).single()).isFalse();
            jdbc.sql("drop sequence deferred_test_seq").update();
        });
    }

    @Test
    void theInStatementCheckRaisesItsMessageWhenItsConditionIsNotTrue() {
        assertThat(jdbc.sql("select yibao_check(1 = 1, 'fine')").query(Boolean.class).single()).isTrue();
        assertThatThrownBy(() -> jdbc.sql("select yibao_check(count(*) = 2, 'two accounts expected') from (values (1)) v")
                .query(Boolean.class).single()).hasMessageContaining("two accounts expected");
        assertThatThrownBy(() -> jdbc.sql("select yibao_check(null, 'unknown is not true')").query(Boolean.class).single())
                .hasMessageContaining("unknown is not true");
    }
}
