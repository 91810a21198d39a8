package org.yibao.server.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Access keys of the demo institutions (for the national interface's HMAC-SM3 signatures) and the file
 * {@code <data-dir>/institution-keys.tsv} that hands them to whoever runs the demo HIS clients. The file
 * holds secrets: it is readable by its owner only, and secrets are never logged.
 */
final class InstitutionKeyFile {

    static final String FILE_NAME = "institution-keys.tsv";
    static final String HEADER = "fixmedins_code\taccess_key\tsecret";

    private static final String KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    /** One active key of one institution. */
    record Key(String fixmedinsCode, String accessKey, String secret) {}

    private final SecureRandom random = new SecureRandom();

    /** A fresh key: 20-character access key, 40-character secret (about 230 bits). */
    Key newKey(String fixmedinsCode) {
        return new Key(fixmedinsCode, randomString(KEY_ALPHABET, 20), randomString(SECRET_ALPHABET, 40));
    }

    private String randomString(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The active keys as stored, one per line in institution order. */
    static List<Key> activeKeys(JdbcClient jdbc) {
        return jdbc.sql("""
                        select fixmedins_code, access_key, secret from institution_key
                        where revoked_at is null order by fixmedins_code, created_at, access_key""")
                .query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Writes the file with owner-only permissions (rw-------) from the start: it goes to a temporary file
     * created with those permissions, then replaces the target, so no reader ever sees it half-written.
     */
    static void write(Path file, List<Key> keys) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Key k : keys) {
            sb.append(k.fixmedinsCode()).append('\t').append(k.accessKey()).append('\t').append(k.secret()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);   // not a POSIX file system
            }
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
