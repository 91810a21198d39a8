package org.yibao.server.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail (R-REF-5): who changed what, when, effective from when, before and after. Written
 * in the caller's transaction, so a change and its audit row commit or fail together.
 */
@Component
public class AuditTrail {

    /** Actor recorded for changes made by the platform itself (first start, demo world, jobs). */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The authenticated user, or {@link #SYSTEM}. */
    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth.getName() == null ? SYSTEM : auth.getName();
    }

    /**
     * Records one change.
     *
     * @param action        CREATE, UPDATE, CLOSE, LOAD, …
     * @param entityType    table-like name of the thing changed
     * @param entityKey     its business key
     * @param effectiveDate the date from which the change is in force, if effective-dated
     * @param before        state before (null for a creation); serialised as JSON
     * @param after         state after (null for a removal); serialised as JSON
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityKey, LocalDate effectiveDate, Object before, Object after) {
        recordAs(currentActor(), action, entityType, entityKey, effectiveDate, before, after);
    }

    /** Records one change made by an actor who is not a staff login (an institution calling with its signed key). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String entityType, String entityKey, LocalDate effectiveDate, Object before, Object after) {
        jdbc.sql("""
                insert into audit_log (occurred_at, actor, action, entity_type, entity_key, effective_date, before_state, after_state)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(Timestamp.from(clock.instant()), actor, action, entityType, entityKey, effectiveDate,
                        toJson(before), toJson(after))
                .update();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
