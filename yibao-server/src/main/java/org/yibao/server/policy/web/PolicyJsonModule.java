package org.yibao.server.policy.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import org.yibao.engine.policy.PoolKind;
import org.yibao.engine.policy.SupplementaryLayer;

/**
 * JSON of the policy model's keys: pools and layer bases by the keys of the policy file (money and
 * ratios are written by the platform's MoneyJsonModule).
 */
@Configuration(proxyBeanMethods = false)
class PolicyJsonModule {

    @Bean
    JacksonModule policyKeysJsonModule() {
        SimpleModule module = new SimpleModule("yibao-policy-keys");
        module.addSerializer(PoolKind.class, new ValueSerializer<>() {
            @Override
            public void serialize(PoolKind value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.key());
            }
        });
        module.addKeySerializer(PoolKind.class, new ValueSerializer<>() {
            @Override
            public void serialize(PoolKind value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeName(value.key());
            }
        });
        module.addSerializer(SupplementaryLayer.Base.class, new ValueSerializer<>() {
            @Override
            public void serialize(SupplementaryLayer.Base value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.key());
            }
        });
        return module;
    }
}
