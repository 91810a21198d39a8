package org.yibao.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.yibao.server.platform.YibaoProperties;

/**
 * HIS clients of the demo institutions, with the keys the platform wrote to
 * {@code <data-dir>/institution-keys.tsv} on first start. Every {@code @IntegrationTest} has it. The
 * clients keep the platform's time (its {@link Clock} bean), so they follow a {@link TestClock}.
 */
@TestComponent
public class FsiClients {

    private final YibaoProperties properties;
    private final Environment environment;
    private final Clock clock;

    FsiClients(YibaoProperties properties, Environment environment, Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /** The client of the institution; its region is taken from the demo's code (H990100… → 990100). */
    public FsiClient as(String fixmedinsCode) {
        try {
            List<String> lines = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("institution-keys.tsv"));
            for (String line : lines) {
                String[] f = line.split("\t");
                if (f[0].equals(fixmedinsCode)) {
                    return new FsiClient(environment.getRequiredProperty("local.server.port", Integer.class), fixmedinsCode,
                            fixmedinsCode.substring(1, 7), f[1], f[2], clock);
                }
            }
            throw new IllegalArgumentException("no key for " + fixmedinsCode + " in institution-keys.tsv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
