package org.yibao.server.insured;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.Secrets;

/**
 * 医保电子凭证 (R-INS-7, {@code mdtrt_cert_type} 01): a random token a person takes in the portal and
 * shows at the hospital or pharmacy; 1101 finds the person by it and registration (2201, 2401) checks it
 * names the person registered. For the demo and older scripts a psn_no or certno also passes as an
 * electronic credential (as before the portal existed).
 */
@Service
public class ElectronicCredentials {

    /** How long a token is valid: a day's visit, from registration to settlement. */
    public static final Duration VALIDITY = Duration.ofHours(24);
    /** Tokens look like {@code EC} followed by 30 characters of {@link Secrets#generate}. */
    static final String PREFIX = "EC";

    /** An issued token. */
    public record Credential(String token, String personNo, Instant issuedAt, Instant expiresAt) {}

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Clock clock;

    ElectronicCredentials(JdbcClient jdbc, Persons persons, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.clock = clock;
    }

    /** Issues a new token for the person (earlier ones stay valid until they expire). */
    @Transactional
    public Credential issue(String personNo) {
        Instant now = clock.instant();
        Credential c = new Credential(PREFIX + Secrets.generate(30).toUpperCase(), personNo, now, now.plus(VALIDITY));
        jdbc.sql("insert into e_credential (token, psn_no, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(c.token(), personNo, Timestamp.from(now), Timestamp.from(c.expiresAt())).update();
        return c;
    }

    /** The person's latest token that is still valid. */
    public Optional<Credential> current(String personNo) {
        return jdbc.sql("""
                        select token, psn_no, issued_at, expires_at from e_credential
                        where psn_no = ? and expires_at > ? order by issued_at desc limit 1""")
                .params(personNo, Timestamp.from(clock.instant()))
                .query((rs, n) -> new Credential(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /**
     * The person an electronic credential names at {@code at}: an unexpired token, else (demo and older
     * scripts) a psn_no in force on that day or a certno currently held.
     */
    public Optional<Person> holder(String certNo, Instant at, java.time.LocalDate day) {
        if (certNo == null) {
            return Optional.empty();
        }
        Optional<String> byToken = jdbc.sql("select psn_no from e_credential where token = ? and expires_at > ?")
                .params(certNo, Timestamp.from(at)).query(String.class).optional();
        if (byToken.isPresent()) {
            return persons.find(byToken.get(), day);
        }
        if (certNo.startsWith(PREFIX)) {
            return Optional.empty();  // an expired or unknown token is never read as a psn_no or certno
        }
        return persons.find(certNo, day).or(() -> persons.findByCertno(certNo));
    }

    /** Whether a settlement's credential was issued to the person (expiry does not matter once registered). */
    public boolean issuedTo(String certNo, String personNo) {
        if (certNo == null || !certNo.startsWith(PREFIX)) {
            return true;
        }
        return jdbc.sql("select count(*) from e_credential where token = ? and psn_no = ?").params(certNo, personNo)
                .query(Long.class).single() > 0;
    }
}
