package org.yibao.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.YibaoApplication;

/**
 * Whole starts of the platform as an operator runs it: data kept in the data directory between runs,
 * and an external PostgreSQL used instead of the embedded one when configured.
 */
class StandaloneStartTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndTheAdministratorIsCreatedOnlyOnce() throws Exception {
        List<String> firstCredentials;
        try (ConfigurableApplicationContext first = start("--yibao.data-dir=" + dataDir)) {
            firstCredentials = Files.readAllLines(dataDir.resolve("admin-credentials.txt"));
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("insert into audit_log (occurred_at, actor, action, entity_type, entity_key) values (now(), 'test', 'MARK', 'restart', 'r1')").update();
        }
        assertThat(dataDir.resolve("pgdata/PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start("--yibao.data-dir=" + dataDir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from audit_log where entity_key = 'r1'").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from staff_user where role = 'ADMIN'").query(Long.class).single()).isEqualTo(1);
            assertThat(Files.readAllLines(dataDir.resolve("admin-credentials.txt"))).isEqualTo(firstCredentials);
        }
    }

    @Test
    void anExternalPostgresqlIsUsedWhenConfigured() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/postgres";
            try (ConfigurableApplicationContext app = start("--yibao.data-dir=" + dataDir, "--yibao.db.url=" + url,
                    "--yibao.db.user=postgres", "--yibao.db.password=postgres")) {
                assertThat(app.getBean(JdbcClient.class).sql("select count(*) from staff_user").query(Long.class).single()).isEqualTo(1);
            }
            try (var connection = external.getPostgresDatabase().getConnection();
                 var rs = connection.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
            assertThat(dataDir.resolve("pgdata")).doesNotExist();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] common = {"--server.port=0", "--yibao.demo.enabled=false", "--spring.main.banner-mode=off",
                "--logging.file.name=target/test-logs/standalone.log"};
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return new SpringApplicationBuilder(YibaoApplication.class).run(all);
    }
}
