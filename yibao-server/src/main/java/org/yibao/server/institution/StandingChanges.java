package org.yibao.server.institution;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter of changes to what decides an institution's standing (agreements, sanctions, upload-compliance
 * suspensions), so that {@link SettlementPermission} can remember its decisions between calls and still
 * never answer from before a change. Every write of those tables calls {@link #changed()}: the count moves
 * at once and again when the writing transaction ends, so a decision read while the change was in flight
 * is never reused. The platform is one process over its database; a second process writing these tables
 * would need a database notification instead. The demo world loader writes the demo agreements without
 * it, before any institution has an interface key, so no decision can have been remembered by then.
 */
@Component
class StandingChanges {

    private final AtomicLong generation = new AtomicLong();

    long generation() {
        return generation.get();
    }

    void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
