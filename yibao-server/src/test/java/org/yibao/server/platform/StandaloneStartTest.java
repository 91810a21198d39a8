package org.yibao.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

            // A second platform on the same data directory is refused with which directory and what to do, and the first
            // goes on working.
            assertThatThrownBy(() -> start("--yibao.data-dir=" + dataDir).close())
                    .satisfies(e -> assertThat(refusal(e).description())
                            .contains("Another Yibao platform is running with the data directory " + dataDir)
                            .containsPattern("runs as process \\d+"))
                    .satisfies(e -> assertThat(refusal(e).action()).contains("--data-dir"));
            assertThat(jdbc.sql("select count(*) from audit_log where entity_key = 'r1'").query(Long.class).single()).isEqualTo(1);
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

                // One platform process per database: a second one, with a data directory of its own, is refused, names
                // the process holding the database and says what to do; the first goes on working.
                Path otherDataDir = Files.createDirectories(dataDir.resolve("second-platform"));
                assertThatThrownBy(() -> start("--yibao.data-dir=" + otherDataDir, "--yibao.db.url=" + url + "?connectTimeout=10",
                        "--yibao.db.user=postgres", "--yibao.db.password=postgres").close())
                        .satisfies(e -> assertThat(refusal(e).description())
                                .contains("Another Yibao platform process is using the database " + url + ":")
                                .contains("yibao platform on ")
                                .contains("pid " + ProcessHandle.current().pid())
                                .doesNotContain("connectTimeout"))
                        .satisfies(e -> assertThat(refusal(e).action()).contains("YIBAO_DB_URL"));
                assertThat(app.getBean(JdbcClient.class).sql("select count(*) from staff_user").query(Long.class).single()).isEqualTo(1);
            }
            // The lock went with the first platform: the database can be used again.
            try (ConfigurableApplicationContext again = start("--yibao.data-dir=" + dataDir, "--yibao.db.url=" + url,
                    "--yibao.db.user=postgres", "--yibao.db.password=postgres")) {
                assertThat(again.getBean(JdbcClient.class).sql("select count(*) from staff_user").query(Long.class).single()).isEqualTo(1);
            }
            try (var connection = external.getPostgresDatabase().getConnection();
                 var rs = connection.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
            assertThat(dataDir.resolve("pgdata")).doesNotExist();
        }
    }

    /** The refusal in a failed start's causes; the start must have failed for it. */
    private static StartupRefusal refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StartupRefusal refusal) {
                return refusal;
            }
        }
        throw new AssertionError("the start failed, but not with a StartupRefusal", failure);
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
