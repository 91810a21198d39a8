package org.yibao.server.insured;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;

/**
 * Portal passwords of insured persons (the insured portal's sign-in, issue 5), stored only as hashes of
 * the platform's {@link PasswordEncoder} (BCrypt behind a DelegatingPasswordEncoder). A person signs in
 * with the certificate number (certno) they currently hold.
 */
@Service
public class PortalCredentials {

    /** Shortest password a person may set. */
    public static final int MIN_LENGTH = 8;

    /** What the portal's sign-in needs about a person: never shown anywhere. */
    public record Login(String personNo, String passwordHash, boolean enabled) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    PortalCredentials(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** The credential of the person who currently holds {@code certno}, if they have one. */
    public Optional<Login> byCertno(String certno) {
        if (certno == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select c.psn_no, c.password_hash, c.enabled from portal_credential c
                        join person p on p.psn_no = c.psn_no and p.valid_to is null
                        where p.certno = ?""")
                .param(certno.strip().toUpperCase())
                .query((rs, n) -> new Login(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    public boolean has(String personNo) {
        return jdbc.sql("select count(*) from portal_credential where psn_no = ?").param(personNo).query(Long.class).single() > 0;
    }

    /** Sets (or replaces) a person's password; audited without the password or its hash. */
    @Transactional
    public void setPassword(String personNo, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MIN_LENGTH || rawPassword.length() > 100) {
            throw new InvalidInputException("password", "length", "密码须为 " + MIN_LENGTH + "–100 个字符 / a password has "
                    + MIN_LENGTH + " to 100 characters");
        }
        if (jdbc.sql("select count(*) from person where psn_no = ?").param(personNo).query(Long.class).single() == 0) {
            throw new NotFoundException(Persons.ENTITY, personNo);
        }
        boolean replaced = has(personNo);
        jdbc.sql("""
                        insert into portal_credential (psn_no, password_hash, enabled, set_at, set_by) values (?, ?, true, ?, ?)
                        on conflict (psn_no) do update set password_hash = excluded.password_hash, enabled = true,
                            set_at = excluded.set_at, set_by = excluded.set_by""")
                .params(personNo, encoder.encode(rawPassword), Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .update();
        audit.record(replaced ? "UPDATE" : "CREATE", "portal_credential", personNo, null, null, Map.of("password", "(set)"));
    }
}
