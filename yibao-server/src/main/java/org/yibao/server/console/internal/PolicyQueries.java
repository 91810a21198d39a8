package org.yibao.server.console.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Policy files (per region and year, R-REF-4) as loaded, verbatim. */
@Component
public class PolicyQueries {

    public record PolicyRow(long id, String admdvs, String regionName, int policyYear, int version,
                            String sourceName, String sha256, boolean active, Instant loadedAt, String loadedBy) {}

    public record PolicyFile(PolicyRow policy, String content) {}

    private static final String SELECT = """
            select d.id, d.admdvs, r.name, d.policy_year, d.version, d.source_name, d.sha256, d.active,
                   d.loaded_at, d.loaded_by
            from policy_document d left join region r on r.admdvs = d.admdvs and r.valid_to is null
            """;

    private final JdbcClient jdbc;

    PolicyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Policy files, newest year and version first, optionally of one region. */
    public Slice<PolicyRow> list(String admdvs, Paging paging) {
        String region = admdvs == null || admdvs.isBlank() ? null : admdvs.strip();
        List<PolicyRow> rows = jdbc.sql(SELECT + """
                        where (cast(:admdvs as text) is null or d.admdvs = :admdvs)
                        order by d.admdvs, d.policy_year desc, d.version desc limit :limit offset :offset
                        """)
                .param("admdvs", region)
                .param("limit", paging.probeLimit())
                .param("offset", paging.offset())
                .query((rs, n) -> row(rs))
                .list();
        return Slice.of(rows, paging);
    }

    public Optional<PolicyFile> find(long id) {
        return jdbc.sql(SELECT.replace("select d.id", "select d.content, d.id") + " where d.id = ?")
                .param(id)
                .query((rs, n) -> new PolicyFile(rowFrom(rs, 2), rs.getString(1)))
                .optional();
    }

    private static PolicyRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rowFrom(rs, 1);
    }

    private static PolicyRow rowFrom(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        int i = first;
        return new PolicyRow(rs.getLong(i), rs.getString(i + 1), rs.getString(i + 2), rs.getInt(i + 3),
                rs.getInt(i + 4), rs.getString(i + 5), rs.getString(i + 6), rs.getBoolean(i + 7),
                rs.getTimestamp(i + 8).toInstant(), rs.getString(i + 9));
    }
}
