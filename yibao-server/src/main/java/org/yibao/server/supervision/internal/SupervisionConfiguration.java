package org.yibao.server.supervision.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.engine.supervision.KnowledgeBase;
import org.yibao.engine.supervision.SupervisionEngine;
import org.yibao.server.supervision.PenaltyPolicy;

/**
 * The knowledge base in force: the demo one shipped with the engine. A malformed table stops the
 * start with its file, line and reason ({@code KnowledgeTableException}). Editing the tables through
 * an admin API, per region and effective-dated, comes with the after-settlement run.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionConfiguration {

    @Bean
    KnowledgeBase knowledgeBase() {
        return KnowledgeBase.demo();
    }

    @Bean
    SupervisionEngine supervisionEngine(KnowledgeBase knowledgeBase) {
        return new SupervisionEngine(knowledgeBase);
    }

    /** The penalty ranges of case decisions (R-SUP-4, R-SUP-5); a malformed line stops the start. */
    @Bean
    PenaltyPolicy penaltyPolicy() {
        return PenaltyPolicy.load();
    }
}
