package org.yibao.server.demo.internal;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.institution.InstitutionRole;
import org.yibao.server.institution.InstitutionUsers;
import org.yibao.server.institution.Institutions;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.platform.Secrets;
import org.yibao.server.platform.audit.AuditTrail;

/**
 * Lets a newcomer sign in to the institution portal (R-INST-5) as each named demo institution: once,
 * when none of them has a portal user yet, gives each an administrator {@code <code>-admin} (lower
 * case, e.g. {@code h99010000001-admin}) and writes {@code <data-dir>/institution-portal-credentials.txt}
 * (code, user name, institution name and password per line, tab-separated), readable by the owner only,
 * as the other demo credential files are. The passwords are never logged.
 */
@Component
@Order(12)
class DemoInstitutionUsers implements ApplicationRunner {

    static final String FILE_NAME = "institution-portal-credentials.txt";
    private static final Logger log = LoggerFactory.getLogger(DemoInstitutionUsers.class);
    private static final List<String> INSTITUTIONS = List.of(DemoCast.FIRST_PEOPLES_HOSPITAL, DemoCast.CENTRAL_HOSPITAL,
            DemoCast.EAST_COMMUNITY_CENTRE, DemoCast.WEST_COMMUNITY_CENTRE, DemoCast.COUNTY_HOSPITAL, DemoCast.CHENGGUAN_TOWNSHIP_CENTRE,
            DemoCast.DEMO_PHARMACY, DemoCast.LINJIANG_HOSPITAL, DemoCast.YUANSHAN_HOSPITAL);

    private final YibaoProperties properties;
    private final InstitutionUsers users;
    private final Institutions institutions;

    DemoInstitutionUsers(YibaoProperties properties, InstitutionUsers users, Institutions institutions) {
        this.properties = properties;
        this.users = users;
        this.institutions = institutions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled() || INSTITUTIONS.stream().anyMatch(users::anyFor)) {
            return;
        }
        StringBuilder file = new StringBuilder();
        for (String code : INSTITUTIONS) {
            institutions.find(code).ifPresent(i -> {
                // Each its own password: one institution's administrator must not be able to sign in as another's.
                InstitutionUsers.Issued issued = users.create(code, code.toLowerCase() + "-admin", InstitutionRole.INST_ADMIN,
                        i.name() + "管理员", AuditTrail.SYSTEM);
                file.append(code).append('\t').append(issued.user().username()).append('\t').append(i.name()).append('\t')
                        .append(issued.password()).append('\n');
            });
        }
        if (file.isEmpty()) {
            return;
        }
        Path path = properties.dataDir().toAbsolutePath().resolve(FILE_NAME);
        Secrets.writeOwnerOnly(path, file.toString());
        log.info("Gave the named demo institutions an institution-portal administrator each; the passwords are in {}", path);
    }
}
