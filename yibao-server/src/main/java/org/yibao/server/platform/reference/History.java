package org.yibao.server.platform.reference;

import java.util.List;
import org.yibao.server.platform.audit.AuditEntry;

/** Every version of one effective-dated thing (oldest first) and its audit entries (newest first). */
public record History<T>(List<T> versions, List<AuditEntry> audit) {

    public History {
        versions = List.copyOf(versions);
        audit = List.copyOf(audit);
    }
}
