package org.yibao.server.policy;

import java.time.Instant;
import org.yibao.engine.policy.RegionPolicy;

/**
 * The policy in force for a pooling region and year, with the stored version it was read from.
 *
 * @param sourceName the file it came from ({@code 990100/2026.yaml}) or {@code api} for an upload
 */
public record ActivePolicy(RegionPolicy policy, int version, String sha256, String sourceName, Instant loadedAt, String loadedBy) {

    public String admdvs() {
        return policy.admdvs();
    }

    public int year() {
        return policy.year();
    }
}
