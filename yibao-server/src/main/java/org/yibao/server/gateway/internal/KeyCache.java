package org.yibao.server.gateway.internal;

import java.time.Instant;
import java.util.Optional;

/** The gateway's memory of access keys: found by {@code x-ca-key}, told when a key is revoked. */
public interface KeyCache {

    /** A key not revoked, with its institution and secret, as checked at {@code checkedAt}. */
    record Key(String accessKey, String fixmedinsCode, String secret, Instant checkedAt) {}

    Optional<Key> find(String accessKey);

    void forgetAfterCommit(String accessKey);
}
