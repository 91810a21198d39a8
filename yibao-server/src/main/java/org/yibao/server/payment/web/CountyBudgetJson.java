package org.yibao.server.payment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.engine.budget.Capitation;
import org.yibao.engine.budget.CountyGlobalBudget;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.module.SimpleModule;

/** The engine's budget and capitation records in the API's snake_case (the engine itself knows no JSON). */
@Configuration(proxyBeanMethods = false)
class CountyBudgetJson {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private interface SnakeCase {}

    @Bean
    JacksonModule countyBudgetJsonModule() {
        SimpleModule module = new SimpleModule("yibao-county-budget");
        module.setMixInAnnotation(CountyGlobalBudget.Terms.class, SnakeCase.class);
        module.setMixInAnnotation(CountyGlobalBudget.SettleUp.class, SnakeCase.class);
        module.setMixInAnnotation(Capitation.Payment.class, SnakeCase.class);
        return module;
    }
}
