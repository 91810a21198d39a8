package org.yibao.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** The keys' admin API: the console's key management as JSON, for scripts; administrators only. */
@IntegrationTest
class InstitutionKeyApiTest {

    private static final String CODE = "H99010000004";
    private static final String PATH = "/api/admin/institutions/" + CODE + "/keys";

    @Autowired
    TestUsers users;
    @Autowired
    FsiClients fsi;

    @Test
    void anIssuedKeySignsAtOnceIsListedWithoutItsSecretAndStopsWhenRevoked() {
        var issued = users.admin().post(PATH, Map.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode key = issued.json();
        String accessKey = key.get("access_key").asString();
        String secret = key.get("secret").asString();
        assertThat(key.get("fixmedins_code").asString()).isEqualTo(CODE);

        FsiClient his = new FsiClient(fsi.as(CODE), accessKey, secret);
        his.call("9001", Map.of("signIn", Map.of("opter_no", "API1"))).ok();

        String list = users.admin().get(PATH).body();
        assertThat(list).contains("\"access_key\":\"" + accessKey + "\"").doesNotContain(secret);

        assertThat(users.admin().post(PATH + "/" + accessKey + "/revoke", Map.of()).status()).isEqualTo(204);
        assertThat(his.call("9001", Map.of("signIn", Map.of("opter_no", "API1"))).refused().errMsg()).contains("x-ca-key");
        // Revoking it again, or a key the institution never had, is answered 404.
        assertThat(users.admin().post(PATH + "/" + accessKey + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(users.admin().post("/api/admin/institutions/H99010000003/keys/" + accessKey + "/revoke", Map.of()).status())
                .isEqualTo(404);
        assertThat(users.admin().post("/api/admin/institutions/H00000000000/keys", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsListIssueOrRevokeKeys() {
        for (var who : java.util.List.of(users.clerk(), users.auditor(), users.readOnly())) {
            assertThat(who.get(PATH).status()).isEqualTo(403);
            assertThat(who.post(PATH, Map.of()).status()).isEqualTo(403);
        }
        assertThat(users.anonymous().get(PATH).status()).isEqualTo(401);
    }
}
