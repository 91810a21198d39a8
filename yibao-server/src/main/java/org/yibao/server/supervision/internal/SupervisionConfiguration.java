package org.yibao.server.supervision.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.engine.supervision.KnowledgeBase;
import org.yibao.engine.supervision.SupervisionEngine;

/**
 * The knowledge base in force: the demo one shipped with the engine. A malformed table stops the
 * start with its file, line and reason ({@code KnowledgeTableException}). Editing the tables through
 * an admin API, per region and effective-dated, comes with the after-settlement run.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionConfiguration {

    @Bean
    SupervisionEngine supervisionEngine() {
        return new SupervisionEngine(KnowledgeBase.demo());
    }
}
