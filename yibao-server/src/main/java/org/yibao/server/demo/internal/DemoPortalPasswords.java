package org.yibao.server.demo.internal;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.insured.PortalCredentials;
import org.yibao.server.platform.Secrets;
import org.yibao.server.platform.YibaoProperties;

/**
 * Lets a newcomer sign in to the insured portal as the named demo cast (DOMAIN §2.3, 张敏, 王芳 …): once,
 * when none of them has a portal password yet, gives them all one generated password and writes
 * {@code <data-dir>/portal-demo-credentials.txt} (certno, name and password per line, tab-separated),
 * readable by the owner only, as {@code admin-credentials.txt} is. The other demo persons get no
 * password; the password is never logged.
 */
@Component
@Order(11)
class DemoPortalPasswords implements ApplicationRunner {

    static final String FILE_NAME = "portal-demo-credentials.txt";
    private static final Logger log = LoggerFactory.getLogger(DemoPortalPasswords.class);
    private static final List<String> CAST = List.of(DemoCast.ZHANG_MIN, DemoCast.LI_QIANG, DemoCast.WANG_FANG, DemoCast.ZHAO_GANG,
            DemoCast.CHEN_JING, DemoCast.SUN_WEI, DemoCast.ZHOU_TING, DemoCast.LIU_YANG);

    private final YibaoProperties properties;
    private final JdbcClient jdbc;
    private final PortalCredentials credentials;

    DemoPortalPasswords(YibaoProperties properties, JdbcClient jdbc, PortalCredentials credentials) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.credentials = credentials;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled() || CAST.stream().anyMatch(credentials::has)) {
            return;
        }
        record Cast(String psnNo, String certno, String name) {}
        List<Cast> cast = jdbc.sql("select psn_no, certno, name from person where psn_no = any(?) and valid_to is null order by psn_no")
                .param(CAST.toArray(String[]::new))
                .query((rs, n) -> new Cast(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        if (cast.isEmpty()) {
            return;
        }
        String password = Secrets.generate(12);
        StringBuilder file = new StringBuilder();
        for (Cast c : cast) {
            credentials.setPassword(c.psnNo(), password);
            file.append(c.certno()).append('\t').append(c.name()).append('\t').append(password).append('\n');
        }
        Path path = properties.dataDir().toAbsolutePath().resolve(FILE_NAME);
        Secrets.writeOwnerOnly(path, file.toString());
        log.info("Gave the {} named demo persons a portal password; it is in {}", cast.size(), path);
    }
}
