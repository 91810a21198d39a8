package org.yibao.server.console.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pooling regions (统筹区) and the counties inside them, as the console shows them. */
@Component
public class RegionQueries {

    /** One version of a region. */
    public record RegionRow(String admdvs, String name, String provinceAdmdvs, String poolingAdmdvs,
                            String inpatientPayment, LocalDate validFrom, LocalDate validTo,
                            Instant recordedAt, String recordedBy) {
        public boolean pooling() {
            return admdvs.equals(poolingAdmdvs);
        }
    }

    /** A region with its history and what lives in it. */
    public record RegionFile(RegionRow current, List<RegionRow> versions, long institutions, long persons,
                             long catalogueItems) {}

    private static final String COLUMNS = "admdvs, name, province_admdvs, pooling_admdvs, inpatient_payment, valid_from, valid_to, recorded_at, recorded_by";

    private final JdbcClient jdbc;

    RegionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Current regions; there are a handful, so no paging but a search on code or name. */
    public List<RegionRow> list(String q) {
        String like = Search.containsPattern(q);
        return jdbc.sql("select " + COLUMNS + " from region where valid_to is null"
                        + " and (cast(:q as text) is null or admdvs like :q or name like :q) order by admdvs limit 500")
                .param("q", like)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<RegionFile> find(String admdvs) {
        List<RegionRow> versions = jdbc.sql("select " + COLUMNS + " from region where admdvs = ? order by valid_from desc")
                .param(admdvs)
                .query((rs, n) -> row(rs))
                .list();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        RegionRow current = versions.stream().filter(v -> v.validTo() == null).findFirst().orElse(versions.get(0));
        long institutions = count("select count(*) from institution where valid_to is null and admdvs = ?", admdvs);
        long persons = count("select count(*) from person where valid_to is null and insured_admdvs = ?", admdvs);
        long items = count("select count(*) from catalogue_item where valid_to is null and admdvs = ?", admdvs);
        return Optional.of(new RegionFile(current, versions, institutions, persons, items));
    }

    private long count(String sql, String admdvs) {
        return jdbc.sql(sql).param(admdvs).query(Long.class).single();
    }

    private static RegionRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RegionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getTimestamp(8).toInstant(), rs.getString(9));
    }
}
