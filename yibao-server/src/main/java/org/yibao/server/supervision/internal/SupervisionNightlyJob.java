package org.yibao.server.supervision.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.yibao.server.supervision.SupervisionRuns;

/**
 * R-SUP-2: every night, the run after settlement of every pooling region over the last
 * {@value #DAYS} settlement days up to yesterday. The run is incremental, so the overlap of the
 * periods only catches settlements recorded late; a night missed is caught up the next one.
 * {@code yibao.supervision.nightly-cron}; {@code -} turns it off (the tests do, and run on demand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SupervisionNightlyJob {

    static final int DAYS = 31;
    private static final Logger log = LoggerFactory.getLogger(SupervisionNightlyJob.class);

    private final SupervisionRuns runs;
    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisionNightlyJob(SupervisionRuns runs, JdbcClient jdbc, Clock clock) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${yibao.supervision.nightly-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void run() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        for (String admdvs : jdbc.sql("select admdvs from region where valid_to is null and admdvs = pooling_admdvs order by admdvs")
                .query(String.class).list()) {
            try {
                var r = runs.run(admdvs, yesterday.minusDays(DAYS - 1), yesterday, "NIGHTLY");
                log.info("supervision run {} of {}: {} settlements, {} new warnings", r.id(), admdvs, r.settlementsTotal(), r.warningsFound());
            } catch (RuntimeException e) {
                log.warn("supervision run of {} failed: {}", admdvs, e.getMessage());
            }
        }
    }
}
