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
 * Connections over TCP (an external database, or an embedded one whose data directory is too long for a
 * Unix-domain socket) run on {@link BlockingSocketFactory}'s sockets and keep what the pool relies on: a network
 * timeout still ends a wait for a database that does not answer, and the pool then hands out a working connection.
 * Tested against the embedded server's TCP port with a pool made as {@code DatabaseConfiguration} makes one for TCP.
 */
@IntegrationTest
class BlockingSocketFactoryTest {

    @Autowired
    DataSource platformPool;

    /** A pool of two connections to the platform's database over TCP, on the factory's sockets. */
    private HikariDataSource tcpPool() {
        HikariDataSource platform = (HikariDataSource) platformPool;
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(platform.getJdbcUrl());
        pool.setUsername(platform.getUsername());
        pool.setPassword(platform.getPassword());
        pool.setMaximumPoolSize(2);
        pool.addDataSourceProperty("socketFactory", BlockingSocketFactory.class.getName());
        return pool;
    }

    @Test
    void aQueryThatOutlivesTheNetworkTimeoutIsEndedAndThePoolGoesOnWorking() throws SQLException {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (HikariDataSource dataSource = tcpPool()) {
            endedByTheNetworkTimeout(dataSource, executor);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void endedByTheNetworkTimeout(HikariDataSource dataSource, ExecutorService executor) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select inet_client_addr() is not null")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("connected over TCP").isTrue();
            }
            connection.setNetworkTimeout(executor, 300);
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("select pg_sleep(3)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("I/O");
            }
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 40 + 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }
}
