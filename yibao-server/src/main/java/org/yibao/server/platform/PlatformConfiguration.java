package org.yibao.server.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared beans: the clock every context reads time from (tests replace it). */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // Business dates (visit dates, deadlines, policy years) are those of China Standard Time.
        return Clock.system(BusinessTime.ZONE);
    }
}
