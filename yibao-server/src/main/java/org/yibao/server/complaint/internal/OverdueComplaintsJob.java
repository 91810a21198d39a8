package org.yibao.server.complaint.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.yibao.server.complaint.Complaints;

/**
 * R-CMP: escalates overdue complaints automatically, shortly after midnight (China Standard Time) and
 * every hour after, so a platform that was down at midnight catches up
 * ({@code yibao.complaints.escalation-cron}; {@code -} turns it off). The tests turn it off and call
 * {@link Complaints#escalateOverdue()} ({@code POST /api/admin/complaints/escalate-overdue}) on demand,
 * so that no run happens between their steps.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OverdueComplaintsJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueComplaintsJob.class);

    private final Complaints complaints;

    OverdueComplaintsJob(Complaints complaints) {
        this.complaints = complaints;
    }

    @Scheduled(cron = "${yibao.complaints.escalation-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    void run() {
        List<Long> escalated = complaints.escalateOverdue();
        if (!escalated.isEmpty()) {
            log.info("escalated {} overdue complaints", escalated.size());
        }
    }
}
