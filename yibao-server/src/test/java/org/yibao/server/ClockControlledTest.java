package org.yibao.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestClock;
import org.yibao.server.support.TestUsers;

/**
 * Like {@link IntegrationTest} (the whole platform on a real embedded PostgreSQL and a real HTTP port),
 * but with a {@link TestClock} as the platform's clock, which the test moves. Classes with this
 * annotation share one Spring context and database of their own, apart from the real-time one, so
 * the order they move the clock in is theirs to keep consistent (move it forward only).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yibao.data-dir=target/it-data/${random.uuid}")
@ActiveProfiles("test")
@Import({TestUsers.class, FsiClients.class, ClockControlledTest.Config.class})
public @interface ClockControlledTest {

    /** The moving clock, primary over the platform's system clock; it starts at the real time. */
    @TestConfiguration
    class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(java.time.Instant.now(), ZoneId.of("Asia/Shanghai"));
        }
    }
}
