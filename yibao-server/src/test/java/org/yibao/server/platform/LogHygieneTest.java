package org.yibao.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.TestUsers;

/** Logs are structured (JSON lines) and never carry a password or an institution secret. */
@IntegrationTest
class LogHygieneTest {

    @Autowired
    YibaoProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers users;

    @Value("${logging.file.name}")
    String logFile;

    @Test
    void logFileIsStructuredAndHoldsNoSecret() throws Exception {
        // Exercise a failed and a successful sign-in so that authentication paths have logged.
        users.anonymous().get("/api/admin/users");
        users.admin().get("/api/admin/users");

        Path log = Path.of(logFile);
        assertThat(log).exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));

        String adminPassword = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt")).get(1);
        assertThat(text).doesNotContain(adminPassword);
        for (String secret : jdbc.sql("select secret from institution_key").query(String.class).list()) {
            assertThat(text).doesNotContain(secret);
        }
        assertThat(text).doesNotContain("password_hash").doesNotContain("{bcrypt}");
    }
}
