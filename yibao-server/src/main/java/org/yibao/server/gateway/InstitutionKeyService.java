package org.yibao.server.gateway;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.gateway.internal.KeyCache;
import org.yibao.server.institution.Institutions;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.NotFoundException;

/**
 * Access keys of institutions for the national interface's HMAC-SM3 signatures (NATIONAL_INTERFACE §1):
 * issued and revoked by administrators. A secret is shown once, when issued, and is never logged or
 * audited; a revoked key is refused from the next call on.
 */
@Service
public class InstitutionKeyService {

    /** A key as listed: never its secret. */
    public record KeyInfo(String accessKey, Instant createdAt, Instant revokedAt) {}

    /** A newly issued key with its secret, to hand to the institution once. */
    public record IssuedKey(String fixmedinsCode, String accessKey, String secret) {}

    private static final String KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final AuditTrail audit;
    private final KeyCache cache;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InstitutionKeyService(JdbcClient jdbc, Institutions institutions, AuditTrail audit, KeyCache cache, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    public List<KeyInfo> keys(String fixmedinsCode) {
        return jdbc.sql("select access_key, created_at, revoked_at from institution_key where fixmedins_code = ? order by created_at desc, access_key")
                .param(fixmedinsCode)
                .query((rs, n) -> new KeyInfo(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
    }

    @Transactional
    public IssuedKey issue(String fixmedinsCode) {
        if (institutions.find(fixmedinsCode).isEmpty()) {
            throw new NotFoundException("institution", fixmedinsCode);
        }
        IssuedKey key = new IssuedKey(fixmedinsCode, random(KEY_ALPHABET, 20), random(SECRET_ALPHABET, 40));
        jdbc.sql("insert into institution_key (access_key, fixmedins_code, secret, created_at) values (?, ?, ?, ?)")
                .params(key.accessKey(), fixmedinsCode, key.secret(), Timestamp.from(clock.instant())).update();
        audit.record("ISSUE_KEY", "institution_key", fixmedinsCode, null, null, Map.of("access_key", key.accessKey()));
        return key;
    }

    @Transactional
    public void revoke(String fixmedinsCode, String accessKey) {
        int updated = jdbc.sql("update institution_key set revoked_at = ? where access_key = ? and fixmedins_code = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), accessKey, fixmedinsCode).update();
        if (updated == 0) {
            throw new NotFoundException("institution_key", fixmedinsCode + "/" + accessKey);
        }
        audit.record("REVOKE_KEY", "institution_key", fixmedinsCode, null, Map.of("access_key", accessKey), null);
        cache.forgetAfterCommit(accessKey);
    }

    private String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
