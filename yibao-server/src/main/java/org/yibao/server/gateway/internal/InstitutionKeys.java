package org.yibao.server.gateway.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Access keys of institutions (table {@code institution_key}): found by {@code x-ca-key}; a key is
 * remembered for a minute without a query per call; a revocation made here forgets it at once.
 */
@Component
class InstitutionKeys implements KeyCache {

    private static final long REMEMBER_SECONDS = 60;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConcurrentHashMap<String, Key> cache = new ConcurrentHashMap<>();

    InstitutionKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void forgetAfterCommit(String accessKey) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            cache.remove(accessKey);
                        }
                    });
        }
        cache.remove(accessKey);
    }

    @Override
    public Optional<Key> find(String accessKey) {
        Instant now = clock.instant();
        Key cached = cache.get(accessKey);
        if (cached != null && cached.checkedAt().plusSeconds(REMEMBER_SECONDS).isAfter(now)) {
            return Optional.of(cached);
        }
        Optional<Key> found = jdbc.sql("select access_key, fixmedins_code, secret from institution_key"
                        + " where access_key = ? and revoked_at is null")
                .param(accessKey)
                .query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3), now))
                .optional();
        found.ifPresentOrElse(k -> cache.put(accessKey, k), () -> cache.remove(accessKey));
        return found;
    }
}
