package org.yibao.server.platform.audit;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the audit trail, as the API and the console show it. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, String entityKey,
                         LocalDate effectiveDate, String before, String after) {}
