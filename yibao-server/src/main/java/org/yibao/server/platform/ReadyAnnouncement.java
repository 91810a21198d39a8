package org.yibao.server.platform;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the platform where the console is and where the credentials are. */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private final YibaoProperties properties;

    ReadyAnnouncement(YibaoProperties properties) {
        this.properties = properties;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        String message = """

                Yibao is ready.
                  Console:     http://localhost:%s/
                  API docs:    http://localhost:%s/swagger-ui.html
                  Sign in as:  the user and password in %s
                  Data dir:    %s
                """.formatted(port, port, dataDir.resolve("admin-credentials.txt"), dataDir);
        log.info("Yibao ready on port {} (data dir {})", port, dataDir);
        // Printed, not only logged: the file log is structured JSON, the console is for people.
        System.out.println(message);
    }
}
