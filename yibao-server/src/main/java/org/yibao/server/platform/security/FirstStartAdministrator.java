package org.yibao.server.platform.security;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yibao.server.platform.Secrets;
import org.yibao.server.platform.YibaoProperties;

/**
 * On the first start (no administrator yet) creates {@code admin} with a generated password and
 * writes it to {@code <data-dir>/admin-credentials.txt} (user name, then password), readable by the
 * owner only. The password is never logged.
 */
@Component
@Order(0)
class FirstStartAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartAdministrator.class);

    private final StaffUsers users;
    private final YibaoProperties properties;

    FirstStartAdministrator(StaffUsers users, YibaoProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyAdministrator()) {
            return;
        }
        String password = Secrets.generate(20);
        users.create("admin", password, StaffRole.ADMIN, "系统管理员");
        Path file = properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt");
        Secrets.writeOwnerOnly(file, "admin\n" + password + "\n");
        log.info("Created the administrator 'admin'; its password is in {}", file);
    }
}
