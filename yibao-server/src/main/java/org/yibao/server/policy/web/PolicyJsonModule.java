package org.yibao.server.policy.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.policy.PoolKind;
import org.yibao.engine.policy.SupplementaryLayer;

/**
 * JSON of the engine's value types at the API edge: money as numbers with 2 decimals, ratios with 4,
 * quantities 4, unit prices 6 (DOMAIN §4.3 "Money in replies"); pools and layer bases by their file keys.
 * (A candidate for the platform once other contexts return money.)
 */
@Configuration(proxyBeanMethods = false)
class PolicyJsonModule {

    @Bean
    JacksonModule engineValuesJsonModule() {
        SimpleModule module = new SimpleModule("yibao-engine-values");
        module.addSerializer(Money.class, new ValueSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeNumber(value.toBigDecimal());
            }
        });
        module.addSerializer(Ratio.class, new ValueSerializer<>() {
            @Override
            public void serialize(Ratio value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeNumber(value.toBigDecimal());
            }
        });
        module.addSerializer(Quantity.class, new ValueSerializer<>() {
            @Override
            public void serialize(Quantity value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeNumber(value.toBigDecimal());
            }
        });
        module.addSerializer(UnitPrice.class, new ValueSerializer<>() {
            @Override
            public void serialize(UnitPrice value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeNumber(value.toBigDecimal());
            }
        });
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
