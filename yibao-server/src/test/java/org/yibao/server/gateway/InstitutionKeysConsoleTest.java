package org.yibao.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestUsers;

/** Keys of institutions managed in the console: issued once, usable at once, revoked at once; administrators only. */
@IntegrationTest
class InstitutionKeysConsoleTest {

    @Autowired
    TestUsers users;
    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;

    private static String field(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(page);
        assertThat(m.find()).as(id + " on the page").isTrue();
        return m.group(1).trim();
    }

    @Test
    void anAdministratorIssuesAKeyTheInstitutionSignsWithItAndARevocationStopsIt() {
        String code = "H99010000004";
        var page = users.admin().send("POST", "/institutions/" + code + "/keys", "", "application/x-www-form-urlencoded");
        assertThat(page.status()).isEqualTo(200);
        String accessKey = field(page.body(), "issued-key");
        String secret = field(page.body(), "issued-secret");

        FsiClient template = fsi.as(code);
        FsiClient his = new FsiClient(template, accessKey, secret);
        his.call("9001", Map.of("signIn", Map.of("opter_no", "K1"))).ok();

        // The list shows the key but never a secret; the audit trail names the key, never the secret.
        String list = users.admin().get("/institutions/" + code + "/keys").body();
        assertThat(list).contains(accessKey).doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'institution_key' and (coalesce(after_state::text, '') || coalesce(before_state::text, '')) like ?")
                .param("%" + secret + "%").query(Long.class).single()).isZero();

        var revoked = users.admin().send("POST", "/institutions/" + code + "/keys/" + accessKey + "/revoke", "",
                "application/x-www-form-urlencoded");
        assertThat(revoked.status()).isIn(200, 302);
        assertThat(his.call("9001", Map.of("signIn", Map.of("opter_no", "K1"))).refused().errMsg()).contains("x-ca-key");
        // The demo key of the institution still works.
        template.call("9001", Map.of("signIn", Map.of("opter_no", "K2"))).ok();
    }

    @Test
    void onlyAdministratorsSeeOrIssueKeys() {
        assertThat(users.clerk().get("/institutions/H99010000004/keys").status()).isEqualTo(403);
        assertThat(users.auditor().get("/institutions/H99010000004/keys").status()).isEqualTo(403);
        assertThat(users.clerk().send("POST", "/institutions/H99010000004/keys", "", "application/x-www-form-urlencoded").status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from institution_key where fixmedins_code = 'H99010000004' and revoked_at is null")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }
}
