package org.yibao.server.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
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
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final StaffUsers users;
    private final YibaoProperties properties;
    private final SecureRandom random = new SecureRandom();

    FirstStartAdministrator(StaffUsers users, YibaoProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyAdministrator()) {
            return;
        }
        String password = generatePassword(20);
        users.create("admin", password, StaffRole.ADMIN, "系统管理员");
        Path file = properties.dataDir().toAbsolutePath().resolve("admin-credentials.txt");
        writeOwnerOnly(file, "admin\n" + password + "\n");
        log.info("Created the administrator 'admin'; its password is in {}", file);
    }

    private String generatePassword(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Writes a secret file readable only by its owner (where the file system supports it). */
    static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
