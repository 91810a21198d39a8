package org.yibao.server.policy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code policy_document}: every accepted version of a policy file, verbatim; one active per region and year. */
@Repository
public class PolicyDocuments {

    /** One stored version. */
    public record Document(long id, String admdvs, int policyYear, int version, String sourceName, String content, String sha256,
                           boolean active, Instant loadedAt, String loadedBy) {}

    private static final String COLUMNS = "id, admdvs, policy_year, version, source_name, content, sha256, active, loaded_at, loaded_by";
    private static final String COLUMNS_WITHOUT_CONTENT = "id, admdvs, policy_year, version, source_name, '' as content, sha256, active, loaded_at, loaded_by";

    private final JdbcClient jdbc;

    PolicyDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Document> active(String admdvs, int year) {
        return jdbc.sql("select " + COLUMNS + " from policy_document where admdvs = ? and policy_year = ? and active")
                .params(admdvs, year).query(PolicyDocuments::map).optional();
    }

    public List<Document> allActive() {
        return jdbc.sql("select " + COLUMNS + " from policy_document where active order by admdvs, policy_year")
                .query(PolicyDocuments::map).list();
    }

    /** Versions of one region and year, newest first, without their content. */
    public List<Document> versions(String admdvs, int year) {
        return jdbc.sql("select " + COLUMNS_WITHOUT_CONTENT + " from policy_document where admdvs = ? and policy_year = ? order by version desc")
                .params(admdvs, year).query(PolicyDocuments::map).list();
    }

    public Optional<Document> version(String admdvs, int year, int version) {
        return jdbc.sql("select " + COLUMNS + " from policy_document where admdvs = ? and policy_year = ? and version = ?")
                .params(admdvs, year, version).query(PolicyDocuments::map).optional();
    }

    /**
     * Stores a new active version and retires the previous one; in the caller's transaction, which
     * it serialises per region and year with an advisory lock.
     */
    public Document insertActive(String admdvs, int year, String sourceName, String content, String sha256, Instant at, String by) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(Integer.parseInt(admdvs), year).query(Object.class).list();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from policy_document where admdvs = ? and policy_year = ?")
                .params(admdvs, year).query(Integer.class).single();
        jdbc.sql("update policy_document set active = false where admdvs = ? and policy_year = ? and active")
                .params(admdvs, year).update();
        long id = jdbc.sql("""
                        insert into policy_document (admdvs, policy_year, version, source_name, content, sha256, active, loaded_at, loaded_by)
                        values (?, ?, ?, ?, ?, ?, true, ?, ?) returning id""")
                .params(admdvs, year, version, sourceName, content, sha256, Timestamp.from(at), by)
                .query(Long.class).single();
        return new Document(id, admdvs, year, version, sourceName, content, sha256, true, at, by);
    }

    private static Document map(ResultSet rs, int row) throws SQLException {
        return new Document(rs.getLong(1), rs.getString(2).trim(), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getBoolean(8), rs.getTimestamp(9).toInstant(), rs.getString(10));
    }
}
