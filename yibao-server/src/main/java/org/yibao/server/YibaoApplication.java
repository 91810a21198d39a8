package org.yibao.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Yibao (医保): the insurer-side platform of Chinese basic medical insurance.
 *
 * <p>Each direct sub-package is one bounded context (a Spring Modulith module); see
 * {@code docs/ARCHITECTURE.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YibaoApplication {

    public static void main(String[] args) {
        SpringApplication.run(YibaoApplication.class, args);
    }
}
