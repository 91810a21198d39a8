package org.yibao.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.yibao.server.platform.YibaoProperties;

/** The named demo persons' portal password, read from {@code <data-dir>/portal-demo-credentials.txt} as a newcomer would. */
public final class DemoPortalUsers {

    public static final String ZHANG_MIN_CERTNO = "990100198103150126";
    public static final String WANG_FANG_CERTNO = "990100195609020325";
    public static final String LI_QIANG_CERTNO = "990100195806200210";

    private DemoPortalUsers() {}

    /** The password written for the person holding {@code certno}. */
    public static String password(YibaoProperties properties, String certno) {
        try {
            List<String> lines = Files.readAllLines(properties.dataDir().toAbsolutePath().resolve("portal-demo-credentials.txt"));
            return lines.stream().map(l -> l.split("\t")).filter(f -> f[0].equals(certno)).map(f -> f[2]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no demo portal password for " + certno));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A portal session signed in as the person holding {@code certno}, with the demo password. */
    public static PortalSession signedIn(int port, YibaoProperties properties, String certno) {
        PortalSession session = new PortalSession(port);
        PortalSession.Page reply = session.portalLogin(certno, password(properties, certno));
        if (reply.status() != 302 || reply.location() == null || !reply.location().endsWith("/portal")) {
            throw new AssertionError("portal sign-in of " + certno + " failed: " + reply.status() + " " + reply.location());
        }
        return session;
    }
}
