package org.yibao.server.institution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.Secrets;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Users of the institution portal (R-INST-5): each belongs to exactly one institution and has the
 * role INST_ADMIN or INST_STAFF. Managed by insurer administrators (admin API) and, for the staff
 * of its own institution, by the institution's INST_ADMIN (portal). Passwords are generated here
 * and handed over once; only their hash is stored. Every change is audited under the given actor.
 *
 * <p>Every method that reads or changes a user takes the institution code and matches it: a user of
 * another institution answers like one that does not exist.
 */
@Service
public class InstitutionUsers {

    public static final String ENTITY = "institution_user";
    /** Length of generated passwords. */
    public static final int PASSWORD_LENGTH = 14;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final String COLUMNS = "username, fixmedins_code, role, display_name, enabled, created_at, created_by";
    private static final RowMapper<InstitutionUser> ROW = (rs, n) -> new InstitutionUser(rs.getString(1), rs.getString(2),
            InstitutionRole.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant(), rs.getString(7));

    /** An institution user as shown (never the hash). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InstitutionUser(String username, String fixmedinsCode, InstitutionRole role, String displayName, boolean enabled,
                                  Instant createdAt, String createdBy) {}

    /** What signing in needs: the user and the password hash. */
    public record Login(InstitutionUser user, @JsonIgnore String passwordHash) {}

    /** A user with the password just generated for them, to be handed over once. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Issued(InstitutionUser user, String password) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Institutions institutions;
    private final AuditTrail audit;
    private final Clock clock;

    InstitutionUsers(JdbcClient jdbc, PasswordEncoder encoder, Institutions institutions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The users of the institution, by user name. */
    public List<InstitutionUser> list(String fixmedinsCode) {
        requireInstitution(fixmedinsCode);
        return jdbc.sql("select " + COLUMNS + " from institution_user where fixmedins_code = ? order by username")
                .param(fixmedinsCode).query(ROW).list();
    }

    /** A user by name, whatever the institution (sign-in and the signed-in user's own institution). */
    public Optional<InstitutionUser> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from institution_user where username = ?").param(normal(username)).query(ROW).optional();
    }

    public Optional<Login> login(String username) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from institution_user where username = ?").param(normal(username))
                .query((rs, n) -> new Login(ROW.mapRow(rs, n), rs.getString(8))).optional();
    }

    public boolean anyFor(String fixmedinsCode) {
        return jdbc.sql("select exists (select 1 from institution_user where fixmedins_code = ?)").param(fixmedinsCode)
                .query(Boolean.class).single();
    }

    /** Creates an enabled user of the institution with a generated password. */
    @Transactional
    public Issued create(String fixmedinsCode, String username, InstitutionRole role, String displayName, String actor) {
        requireInstitution(fixmedinsCode);
        String name = normal(username);
        Checks c = new Checks();
        c.matches("username", name, USERNAME, "format", "用户名为 3–64 位小写字母、数字、点、下划线或连字符，以字母或数字开头");
        c.required("role", role);
        c.text("display_name", displayName, 100);
        c.throwIfAny();
        if (find(name).isPresent()) {
            throw new ConflictException("username", "unique", "用户名 " + name + " 已被使用 / user name " + name + " is taken");
        }
        String password = Secrets.generate(PASSWORD_LENGTH);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into institution_user (username, fixmedins_code, password_hash, role, display_name, enabled, created_at, "
                        + "created_by, changed_at, changed_by) values (?, ?, ?, ?, ?, true, ?, ?, ?, ?)")
                .params(name, fixmedinsCode, encoder.encode(password), role.name(), displayName.strip(), now, actor, now, actor).update();
        InstitutionUser user = get(fixmedinsCode, name);
        audit.recordAs(actor, "CREATE", ENTITY, key(user), null, null, user);
        return new Issued(user, password);
    }

    /** Enables or disables a user of the institution (a disabled user cannot sign in). */
    @Transactional
    public InstitutionUser setEnabled(String fixmedinsCode, String username, boolean enabled, String actor) {
        InstitutionUser before = get(fixmedinsCode, username);
        jdbc.sql("update institution_user set enabled = ?, changed_at = ?, changed_by = ? where username = ?")
                .params(enabled, Timestamp.from(clock.instant()), actor, before.username()).update();
        InstitutionUser after = get(fixmedinsCode, username);
        audit.recordAs(actor, enabled ? "ENABLE" : "DISABLE", ENTITY, key(after), null, before, after);
        return after;
    }

    /** Gives a user of the institution a new generated password (the old one stops working). */
    @Transactional
    public Issued resetPassword(String fixmedinsCode, String username, String actor) {
        InstitutionUser user = get(fixmedinsCode, username);
        String password = Secrets.generate(PASSWORD_LENGTH);
        jdbc.sql("update institution_user set password_hash = ?, changed_at = ?, changed_by = ? where username = ?")
                .params(encoder.encode(password), Timestamp.from(clock.instant()), actor, user.username()).update();
        // The audit row says that the password changed, never what it is.
        audit.recordAs(actor, "RESET_PASSWORD", ENTITY, key(user), null, null, null);
        return new Issued(user, password);
    }

    /** The user of this institution, or not found (also when the user belongs to another institution). */
    public InstitutionUser get(String fixmedinsCode, String username) {
        return find(username).filter(u -> u.fixmedinsCode().equals(fixmedinsCode))
                .orElseThrow(() -> new NotFoundException(ENTITY, fixmedinsCode + "/" + username));
    }

    private void requireInstitution(String fixmedinsCode) {
        if (fixmedinsCode == null || institutions.find(fixmedinsCode).isEmpty()) {
            throw new NotFoundException(Institutions.ENTITY, String.valueOf(fixmedinsCode));
        }
    }

    private static String key(InstitutionUser u) {
        return u.fixmedinsCode() + "/" + u.username();
    }

    private static String normal(String username) {
        return username == null || username.isBlank() ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
