package org.yibao.server.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;

/**
 * The embedded PostgreSQL: the bundled version, and a data directory of another major version refused with
 * what to do. The pool talks to it over its Unix-domain socket in the data directory, which costs
 * the platform and PostgreSQL less CPU per round trip than loopback TCP, and keeps what the pool relies on:
 * a network timeout still ends a wait for a database that does not answer. A data directory whose path is too
 * long for a socket file falls back to TCP.
 */
@IntegrationTest
class EmbeddedDatabaseTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    YibaoProperties properties;

    @Test
    void thePoolTalksToTheEmbeddedServerOverTheSocketInItsDataDirectory() throws SQLException {
        Path pgdata = properties.dataDir().toAbsolutePath().resolve("pgdata");
        boolean fits = DatabaseConfiguration.fitsUnixSocketPath(pgdata);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select inet_client_addr() is null, current_setting('unix_socket_directories')")) {
            assertThat(rs.next()).isTrue();
            // PostgreSQL has no client address for a connection over a Unix-domain socket.
            assertThat(rs.getBoolean(1)).as("connected over the Unix-domain socket").isEqualTo(fits);
            if (fits) {
                assertThat(rs.getString(2)).isEqualTo(pgdata.toString());
            }
        }
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

    @Test
    void aSocketPathLongerThanTheKernelTakesIsRefusedButAnOrdinaryOneFits() {
        assertThat(DatabaseConfiguration.fitsUnixSocketPath(Path.of("/var/lib/yibao/pgdata"))).isTrue();
        // 108 bytes of sun_path, less "/.s.PGSQL.65535.lock" (20) and the terminating zero: 87 bytes at most.
        assertThat(DatabaseConfiguration.fitsUnixSocketPath(Path.of("/" + "d".repeat(86)))).isTrue();
        assertThat(DatabaseConfiguration.fitsUnixSocketPath(Path.of("/" + "d".repeat(87)))).isFalse();
        // Chinese directory names take three bytes a character.
        assertThat(DatabaseConfiguration.fitsUnixSocketPath(Path.of("/" + "医".repeat(29)))).isFalse();
    }

    @Test
    void aDataDirectoryTooLongForASocketFileRunsOverTcp() throws Exception {
        Path base = Files.createDirectories(Path.of("target/it-data").toAbsolutePath());
        Path longDir = Files.createTempDirectory(base, "long-").resolve("d".repeat(100));
        YibaoProperties properties = new YibaoProperties(longDir, null, null);
        DatabaseConfiguration configuration = new DatabaseConfiguration();
        try (DatabaseConfiguration.EmbeddedDatabase embedded = configuration.embeddedDatabase(properties);
             HikariDataSource pool = configuration.dataSource(properties, embedded);
             Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select inet_client_addr() is not null")) {
            assertThat(embedded.socket()).isNull();
            assertThat(pool.getDataSourceProperties().getProperty("socketFactory")).isEqualTo(BlockingSocketFactory.class.getName());
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("connected over TCP").isTrue();
        }
    }

    @Test
    void theBundledBinariesMakeDataDirectoriesOfTheVersionTheCheckExpects() throws Exception {
        Path version = properties.dataDir().toAbsolutePath().resolve("pgdata").resolve("PG_VERSION");
        assertThat(Files.readString(version).strip()).isEqualTo(DatabaseConfiguration.EMBEDDED_MAJOR_VERSION);
    }

    @Test
    void aDataDirectoryOfAnotherPostgresVersionIsRefusedWithWhatToDoAndLeftAsItWas() throws Exception {
        Path base = Files.createDirectories(Path.of("target/it-data").toAbsolutePath());
        Path dataDir = Files.createTempDirectory(base, "pg17-");
        Path pgdata = Files.createDirectories(dataDir.resolve("pgdata"));
        Files.writeString(pgdata.resolve("PG_VERSION"), "17\n");
        YibaoProperties old = new YibaoProperties(dataDir, null, null);
        assertThatThrownBy(() -> new DatabaseConfiguration().embeddedDatabase(old))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("made by PostgreSQL 17")
                .hasMessageContaining("runs PostgreSQL " + DatabaseConfiguration.EMBEDDED_MAJOR_VERSION)
                .hasMessageContaining("pg_dump")
                .hasMessageContaining("YIBAO_DB_URL");
        try (var files = Files.list(pgdata)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("PG_VERSION");
        }
        assertThat(Files.readString(pgdata.resolve("PG_VERSION"))).isEqualTo("17\n");
    }
}
