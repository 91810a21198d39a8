package org.yibao.server.supervision.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.server.supervision.PenaltyPolicy;

/**
 * Supervision's policy data. The knowledge base in force and its engine are
 * {@link org.yibao.server.supervision.KnowledgeBaseInForce} (stored versions, the shipped files for the rest).
 */
@Configuration(proxyBeanMethods = false)
class SupervisionConfiguration {

    /** The penalty ranges of case decisions (R-SUP-4, R-SUP-5); a malformed line stops the start. */
    @Bean
    PenaltyPolicy penaltyPolicy() {
        return PenaltyPolicy.load();
    }
}
