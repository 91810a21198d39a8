package org.yibao.server.institution.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.yibao.server.institution.UploadCompliance;

/**
 * R-INST-3: evaluates the day that has just ended, shortly after midnight (China Standard Time), and
 * again every hour, so a platform that was down at midnight catches up (evaluating a day twice changes
 * nothing). {@code yibao.upload-compliance.evaluation-cron}; {@code -} turns it off. The tests turn it off
 * and call {@code POST /api/admin/upload-compliance/evaluate?day=…} on demand.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UploadComplianceJob {

    private static final Logger log = LoggerFactory.getLogger(UploadComplianceJob.class);

    private final UploadCompliance compliance;
    private final Clock clock;

    UploadComplianceJob(UploadCompliance compliance, Clock clock) {
        this.compliance = compliance;
        this.clock = clock;
    }

    @Scheduled(cron = "${yibao.upload-compliance.evaluation-cron:0 15 * * * *}", zone = "Asia/Shanghai")
    void run() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        var result = compliance.evaluate(yesterday, null);
        if (!result.newSuspensions().isEmpty()) {
            log.info("upload compliance {}: {} new settlement suspensions", yesterday, result.newSuspensions().size());
        }
    }
}
