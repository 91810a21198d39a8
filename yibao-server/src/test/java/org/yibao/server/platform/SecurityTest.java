package org.yibao.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.TestUsers;

/** Authentication on every endpoint but health; roles enforced; passwords only as hashes. */
@IntegrationTest
class SecurityTest {

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YibaoProperties properties;

    @Test
    void healthIsPublicAndUp() {
        var reply = users.anonymous().get("/actuator/health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void apiNeedsAuthentication() {
        assertThat(users.anonymous().get("/api/admin/users").status()).isEqualTo(401);
        assertThat(users.anonymous().get("/v3/api-docs").status()).isIn(302, 401);
        assertThat(users.anonymous().get("/actuator/prometheus").status()).isIn(302, 401);
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThat(org.yibao.server.support.ApiClient.as(users.port(), "admin", "not-the-password")
                .get("/api/admin/users").status()).isEqualTo(401);
    }

    @Test
    void firstStartWritesAdministratorCredentialsAndStoresOnlyAHash() throws Exception {
        Path file = properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt");
        var lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("admin");
        assertThat(lines.get(1)).hasSizeGreaterThanOrEqualTo(16);
        String hash = jdbc.sql("select password_hash from staff_user where username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(lines.get(1));
        assertThat(users.admin().get("/api/admin/users").status()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsManageUsersAndReadMetrics() {
        var newUser = Map.of("username", "someone", "password", "long-enough-password", "role", "CLERK", "displayName", "x");
        assertThat(users.clerk().post("/api/admin/users", newUser).status()).isEqualTo(403);
        assertThat(users.readOnly().get("/api/admin/users").status()).isEqualTo(403);
        assertThat(users.readOnly().get("/actuator/prometheus").status()).isEqualTo(403);
        var metrics = users.admin().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void invalidUserPayloadNamesFieldAndRule() {
        var reply = users.admin().post("/api/admin/users", Map.of("username", "X!", "password", "short", "displayName", "x"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        var fields = reply.json().get("errors").findValuesAsString("field");
        assertThat(fields).contains("username", "password", "role");
        assertThat(jdbc.sql("select count(*) from staff_user where username = 'X!'").query(Long.class).single()).isZero();
    }

    @Test
    void readOnlyUserCannotWrite() {
        var reply = users.readOnly().post("/api/admin/users", Map.of());
        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void consoleFormsWithoutACsrfTokenAreRefused() throws Exception {
        // A sign-in form posted from another site carries no CSRF token: refused before credentials are checked.
        String password = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt")).get(1);
        var reply = users.anonymous().send("POST", "/login",
                "username=admin&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(reply.status()).isEqualTo(403);
    }
}
