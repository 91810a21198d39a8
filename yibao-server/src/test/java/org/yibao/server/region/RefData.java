package org.yibao.server.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.yibao.server.support.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Test data of the reference-data tests that cannot collide with the demo world: region 970100 and
 * codes starting with 97.
 */
public final class RefData {

    public static final String REGION = "970100";

    private RefData() {}

    /** Creates region 970100 unless it exists (idempotent, whatever test class runs first). */
    public static void ensureRegion(ApiClient admin) {
        if (admin.get("/api/admin/regions/" + REGION + "?asOf=2020-01-01").status() == 200) {
            return;
        }
        var reply = admin.post("/api/admin/regions", Map.of("admdvs", REGION, "name", "测试市", "province_admdvs", "970000",
                "pooling_admdvs", REGION, "inpatient_payment", "DRG", "validFrom", "2020-01-01"));
        assertThat(reply.status()).as(reply.body()).isIn(201, 409);
    }

    /** {@code digits} random digits, for unique codes within one test run. */
    public static String digits(int digits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString();
    }

    /** Asserts a 400 problem+json naming the field and the rule. */
    public static void assertRefused(ApiClient.Response reply, String field, String rule) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        boolean named = false;
        for (JsonNode e : reply.json().get("errors")) {
            named |= e.get("field").asString().equals(field) && e.get("rule").asString().equals(rule);
        }
        assertThat(named).as("error on %s/%s in %s", field, rule, reply.body()).isTrue();
    }
}
