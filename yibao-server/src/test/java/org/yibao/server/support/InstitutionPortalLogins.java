package org.yibao.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.yibao.server.platform.YibaoProperties;

/**
 * Institution-portal users for tests: the demo institutions' administrators, with the password read
 * from {@code <data-dir>/institution-portal-credentials.txt} as a newcomer would, and users created
 * through the admin API (the generated password comes back once).
 */
public final class InstitutionPortalLogins {

    /** A user name and its password. */
    public record Login(String username, String password) {}

    private InstitutionPortalLogins() {}

    /** The demo administrator of the institution, e.g. {@code h99010000003-admin}. */
    public static Login demoAdmin(YibaoProperties properties, String fixmedinsCode) {
        try {
            List<String> lines = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("institution-portal-credentials.txt"));
            return lines.stream().map(l -> l.split("\t")).filter(f -> f[0].equals(fixmedinsCode)).map(f -> new Login(f[1], f[3]))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no demo institution user for " + fixmedinsCode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a user of the institution through the admin API (as the administrator). */
    public static Login create(TestUsers users, String fixmedinsCode, String username, String role) {
        ApiClient.Response r = users.admin().post("/api/admin/institutions/" + fixmedinsCode + "/users",
                Map.of("username", username, "role", role, "display_name", "测试" + username));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Login(username, r.json().get("password").asString());
    }

    /** Signs in to the institution portal; the reply is the redirect after the attempt. */
    public static PortalSession.Page login(PortalSession session, Login login) {
        return session.post("/inst-portal/login", "/inst-portal/login", Map.of("username", login.username(), "password", login.password()));
    }

    /** A session signed in to the institution portal. */
    public static PortalSession signedIn(int port, Login login) {
        PortalSession session = new PortalSession(port);
        PortalSession.Page reply = login(session, login);
        if (reply.status() != 302 || reply.location() == null || !reply.location().endsWith("/inst-portal")) {
            throw new AssertionError("institution portal sign-in of " + login.username() + " failed: " + reply.status() + " " + reply.location());
        }
        return session;
    }
}
