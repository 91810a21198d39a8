package org.yibao.server.policy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.policy.RegionPolicy;

/**
 * Serves the policy in force (R-REF-4) to the other contexts from memory: per pooling region and
 * year, or per region code and date. A county code inside a pooling region (990121 in 990100) is
 * resolved through {@code region.pooling_admdvs}; a code without a region row is its own pooling
 * region. The cache holds the active version of each region and year and is replaced when a new
 * version commits.
 */
@Component
public class PolicyBook {

    private final JdbcClient jdbc;
    private final Map<String, ActivePolicy> active = new ConcurrentHashMap<>();

    PolicyBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The policy of the pooling region of {@code admdvs} for {@code year}. */
    public Optional<RegionPolicy> policy(String admdvs, int year) {
        return active(admdvs, year).map(ActivePolicy::policy);
    }

    /** The policy in force on {@code date} (its calendar year) for the pooling region of {@code admdvs}. */
    public Optional<RegionPolicy> policyOn(String admdvs, LocalDate date) {
        String pooling = poolingRegionOn(admdvs, date);
        return Optional.ofNullable(active.get(key(pooling, date.getYear()))).map(ActivePolicy::policy);
    }

    /**
     * The policy of a pooling region (already resolved, e.g. read with the person's facts) for a year,
     * from memory.
     */
    public Optional<RegionPolicy> policyOfPoolingRegion(String pooling, int year) {
        return Optional.ofNullable(active.get(key(pooling, year))).map(ActivePolicy::policy);
    }

    /** The active version, with its metadata, for the pooling region of {@code admdvs} and {@code year}. */
    public Optional<ActivePolicy> active(String admdvs, int year) {
        String pooling = poolingRegionIn(admdvs, year);
        return Optional.ofNullable(active.get(key(pooling, year)));
    }

    /** Every active policy (one per pooling region and year). */
    public Collection<ActivePolicy> allActive() {
        return List.copyOf(active.values());
    }

    /** The pooling region (统筹区) a region code belongs to on {@code date}. */
    public String poolingRegionOn(String admdvs, LocalDate date) {
        return jdbc.sql("""
                        select pooling_admdvs from region
                        where admdvs = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                        order by valid_from desc limit 1""")
                .params(admdvs, date, date).query(String.class).optional().map(String::trim).orElse(admdvs);
    }

    private String poolingRegionIn(String admdvs, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return jdbc.sql("""
                        select pooling_admdvs from region
                        where admdvs = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                        order by valid_from desc limit 1""")
                .params(admdvs, last, first).query(String.class).optional().map(String::trim).orElse(admdvs);
    }

    /**
     * Replaces the cached active version (called once a new version has committed). Two commits racing
     * to the cache cannot leave the older version in it: the higher version wins.
     */
    void put(ActivePolicy policy) {
        active.merge(key(policy.admdvs(), policy.year()), policy, (old, neu) -> neu.version() >= old.version() ? neu : old);
    }

    private static String key(String admdvs, int year) {
        return admdvs + "/" + year;
    }
}
