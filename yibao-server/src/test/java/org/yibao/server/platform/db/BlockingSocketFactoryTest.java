package org.yibao.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;

/**
 * The platform's database connections run on {@link BlockingSocketFactory}'s sockets and keep what the pool
 * relies on: a network timeout still ends a wait for a database that does not answer, and the pool then hands
 * out a working connection.
 */
@IntegrationTest
class BlockingSocketFactoryTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theConnectionsAreMadeWithTheFactory() {
        assertThat(((HikariDataSource) dataSource).getDataSourceProperties().getProperty("socketFactory"))
                .isEqualTo(BlockingSocketFactory.class.getName());
    }

    @Test
    void aQueryThatOutlivesTheNetworkTimeoutIsEndedAndThePoolGoesOnWorking() throws SQLException {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(executor, 300);
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("select pg_sleep(3)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("I/O");
            }
        } finally {
            executor.shutdownNow();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 40 + 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }
}
