package org.yibao.server.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;

/** Staff accounts of the console and the admin API, with hashed passwords. */
@Service
public class StaffUsers implements UserDetailsService {

    /** A staff account as shown to administrators (never the hash). */
    public record StaffUser(String username, StaffRole role, String displayName, boolean enabled, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    StaffUsers(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, role, enabled from staff_user where username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString(3))))
                        .disabled(!rs.getBoolean(4))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public List<StaffUser> list() {
        return jdbc.sql("select username, role, display_name, enabled, created_at from staff_user order by username")
                .query((rs, n) -> new StaffUser(rs.getString(1), StaffRole.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    public Optional<StaffUser> find(String username) {
        return jdbc.sql("select username, role, display_name, enabled, created_at from staff_user where username = ?")
                .param(username)
                .query((rs, n) -> new StaffUser(rs.getString(1), StaffRole.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    public boolean anyAdministrator() {
        return jdbc.sql("select count(*) from staff_user where role = 'ADMIN'").query(Long.class).single() > 0;
    }

    /** Creates an account; the password is stored only as a hash. */
    @Transactional
    public StaffUser create(String username, String rawPassword, StaffRole role, String displayName) {
        if (jdbc.sql("select count(*) from staff_user where username = ?").param(username).query(Long.class).single() > 0) {
            throw new ConflictException("username", "unique", "用户名已存在 / user name " + username + " is taken");
        }
        Instant now = clock.instant();
        jdbc.sql("insert into staff_user (username, password_hash, role, display_name, enabled, created_at, created_by) values (?,?,?,?,true,?,?)")
                .params(username, encoder.encode(rawPassword), role.name(), displayName,
                        java.sql.Timestamp.from(now), AuditTrail.currentActor())
                .update();
        StaffUser user = new StaffUser(username, role, displayName, true, now);
        audit.record("CREATE", "staff_user", username, null, null, user);
        return user;
    }
}
