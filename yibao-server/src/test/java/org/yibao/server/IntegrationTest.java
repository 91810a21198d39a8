package org.yibao.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestUsers;

/**
 * The whole platform on a real embedded PostgreSQL (durable settings) and a real HTTP port. Every
 * class with this annotation shares one Spring context, so one database and one demo world.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yibao.data-dir=target/it-data/${random.uuid}")
@ActiveProfiles("test")
@Import({TestUsers.class, FsiClients.class})
public @interface IntegrationTest {}
