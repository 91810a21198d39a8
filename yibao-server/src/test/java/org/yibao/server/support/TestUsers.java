package org.yibao.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.platform.security.StaffRole;
import org.yibao.server.platform.security.StaffUsers;

/**
 * Clients for each staff role of the running platform. The administrator's password is read from
 * {@code <data-dir>/admin-credentials.txt}, as a newcomer would; the other roles are created once.
 * Every {@code @IntegrationTest} has it: autowire it.
 */
@TestComponent
public class TestUsers {

    public static final String PASSWORD = "test-password-1234";

    private final StaffUsers users;
    private final YibaoProperties properties;
    private final Environment environment;

    TestUsers(StaffUsers users, YibaoProperties properties, Environment environment) {
        this.users = users;
        this.properties = properties;
        this.environment = environment;
    }

    /** The platform's HTTP port (known once the server has started). */
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public ApiClient admin() {
        try {
            List<String> lines = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt"));
            return ApiClient.as(port(), lines.get(0), lines.get(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiClient clerk() {
        return client("clerk1", StaffRole.CLERK);
    }

    public ApiClient auditor() {
        return client("auditor1", StaffRole.AUDITOR);
    }

    public ApiClient readOnly() {
        return client("viewer1", StaffRole.READONLY);
    }

    public ApiClient anonymous() {
        return ApiClient.anonymous(port());
    }

    /** A user of the role (created on first use, password {@link #PASSWORD}). */
    public synchronized ApiClient client(String username, StaffRole role) {
        if (users.find(username).isEmpty()) {
            var previous = SecurityContextHolder.getContext().getAuthentication();
            try {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "test-setup", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
                users.create(username, PASSWORD, role, username);
            } finally {
                SecurityContextHolder.getContext().setAuthentication(previous);
            }
        }
        return ApiClient.as(port(), username, PASSWORD);
    }
}
