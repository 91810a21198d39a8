package org.yibao.server.platform.web;

import java.math.BigDecimal;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON of the engine's exact value types at every API edge: JSON numbers with their own scale — money
 * 2 decimals, ratios 4, quantities 4, unit prices 6 (DOMAIN §4.3 "Money in replies").
 */
@Configuration(proxyBeanMethods = false)
class MoneyJsonModule {

    @Bean
    JacksonModule exactValuesJsonModule() {
        SimpleModule module = new SimpleModule("yibao-exact-values");
        module.addSerializer(Money.class, decimal(Money::toBigDecimal));
        module.addSerializer(Ratio.class, decimal(Ratio::toBigDecimal));
        module.addSerializer(Quantity.class, decimal(Quantity::toBigDecimal));
        module.addSerializer(UnitPrice.class, decimal(UnitPrice::toBigDecimal));
        return module;
    }

    private static <T> ValueSerializer<T> decimal(Function<T, BigDecimal> toDecimal) {
        return new ValueSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeNumber(toDecimal.apply(value));
            }
        };
    }
}
