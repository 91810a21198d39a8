package org.yibao.server.platform;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of one Yibao installation ({@code yibao.*}).
 *
 * @param dataDir where the embedded database, credentials, keys and policy files live
 * @param db      an external PostgreSQL; when {@code url} is blank the platform starts an embedded one
 * @param demo    the demo world loaded into an empty database
 */
@ConfigurationProperties("yibao")
public record YibaoProperties(Path dataDir, Db db, Demo demo) {

    public YibaoProperties {
        if (dataDir == null) {
            dataDir = Path.of("var");
        }
        if (db == null) {
            db = new Db(null, null, null, 0, Map.of(), 0);
        }
        if (demo == null) {
            demo = new Demo(true, 100_000, 200, 2_000, 20261123L);
        }
    }

    /**
     * The database.
     *
     * @param url              external database; blank means embedded PostgreSQL in {@code <dataDir>/pgdata}
     * @param embeddedPort     the embedded server's port (0: any free port)
     * @param embeddedSettings extra {@code postgresql.conf} settings of the embedded server (tuning only:
     *                         the durability settings cannot be changed)
     * @param poolSize         connections in the pool (0: 20)
     */
    public record Db(String url, String user, String password, int embeddedPort, Map<String, String> embeddedSettings,
                     int poolSize) {
        public Db {
            embeddedSettings = embeddedSettings == null ? Map.of() : Map.copyOf(embeddedSettings);
        }

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * The demo world (R-DEMO).
     *
     * @param enabled      load it into an empty database on first start
     * @param persons      size of the generated population (on top of the named persons)
     * @param institutions number of generated institutions
     * @param catalogueItems number of generated catalogue items per region
     * @param seed         seed of the generator: the same seed gives the same world
     */
    public record Demo(boolean enabled, int persons, int institutions, int catalogueItems, long seed) {}
}
