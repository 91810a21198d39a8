package org.yibao.server.platform.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit trail of one entity, newest first. */
@Component
public class AuditQueries {

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> history(String entityType, String entityKey, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, entity_type, entity_key, effective_date,
                       before_state::text, after_state::text
                from audit_log where entity_type = ? and entity_key = ? order by id desc limit ?""")
                .params(entityType, entityKey, Math.min(Math.max(limit, 1), 500))
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, java.time.LocalDate.class), rs.getString(8), rs.getString(9)))
                .list();
    }
}
