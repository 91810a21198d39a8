package org.yibao.server.platform.db;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.yibao.server.platform.StartupRefusal;

/**
 * One platform process per database. The platform keeps what it has read in memory: each person's facts (checked
 * against a version in the database on every use) and each institution's permission to settle, which a sanction,
 * agreement or upload suspension written by this process makes it decide again. A second process on the same
 * database would not see the other's writes of the second kind. So at start the platform takes a session-level
 * advisory lock on a connection of its own and holds it while it runs; a second process is refused with who holds
 * the lock. The lock goes with the connection: a platform that stops or dies releases it.
 */
final class PlatformInstanceLock implements AutoCloseable {

    /** The advisory lock's key: (1, 0) in the two-integer key space, which no other lock of the platform uses. */
    static final int NAMESPACE = 1;

    private final Connection connection;

    private PlatformInstanceLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes the lock on a new connection to the database the pool's configuration names, or refuses the start.
     *
     * @param database how the database is named in the refusal (no password)
     */
    static PlatformInstanceLock take(HikariConfig config, String database) {
        Properties properties = new Properties();
        properties.putAll(config.getDataSourceProperties());
        if (config.getUsername() != null) {
            properties.setProperty("user", config.getUsername());
        }
        if (config.getPassword() != null) {
            properties.setProperty("password", config.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName());
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(config.getJdbcUrl(), properties);
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, 0)")) {
                lock.setInt(1, NAMESPACE);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new PlatformInstanceLock(connection);
                    }
                }
            }
            String holder = holder(connection);
            throw new StartupRefusal("Another Yibao platform process is using the database " + database
                    + (holder == null ? "." : ": " + holder + ".")
                    + " The platform keeps persons' facts and institutions' permissions to settle in memory, which is only"
                    + " right with one platform process per database.",
                    "Stop the other platform first, or point this one at another database (YIBAO_DB_URL).", null);
        } catch (SQLException e) {
            close(connection);
            throw new IllegalStateException("Cannot take the platform's lock on the database " + database + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    /** Who holds the lock, as far as this user may see it. */
    private static String holder(Connection connection) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("""
                select a.application_name, host(a.client_addr), to_char(a.backend_start at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"')
                from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.classid = ? and l.objid = 0 and l.objsubid = 2 and l.granted""")) {
            q.setInt(1, NAMESPACE);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null || rs.getString(1).isEmpty()) {
                    return null;
                }
                return rs.getString(1) + (rs.getString(2) == null ? "" : " from " + rs.getString(2)) + ", connected since " + rs.getString(3);
            }
        }
    }

    /**
     * How this process names itself to PostgreSQL ({@code pg_stat_activity.application_name}): host and process id. The
     * host name is read, not looked up, so that an isolated machine without name service does not wait at start.
     */
    static String applicationName() {
        String host;
        try {
            host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            host = System.getenv().getOrDefault("HOSTNAME", System.getenv().getOrDefault("COMPUTERNAME", "?"));
        }
        String name = "yibao platform on " + host + ", pid " + ProcessHandle.current().pid();
        return name.length() <= 63 ? name : name.substring(0, 63); // PostgreSQL keeps NAMEDATALEN - 1 bytes
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the start is refused or failed already; nothing more to say
            }
        }
    }

    @Override
    public void close() {
        close(connection);
    }
}
