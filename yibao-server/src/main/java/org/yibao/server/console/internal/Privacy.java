package org.yibao.server.console.internal;

/** Masks personal data on lists; the full value is shown only on a person's own page. */
public final class Privacy {

    private Privacy() {}

    /** {@code 990100198103150126} → {@code 990100********0126}: region and check part stay readable. */
    public static String maskCertno(String certno) {
        if (certno == null || certno.length() < 10) {
            return certno == null ? null : "*".repeat(certno.length());
        }
        return certno.substring(0, 6) + "*".repeat(certno.length() - 10) + certno.substring(certno.length() - 4);
    }
}
