package org.yibao.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.yibao.server.region.RefData;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;

/** Institutions of the evaluation tests' own: no other test's data reaches their indicators. */
final class EvaluationFixtures {

    private EvaluationFixtures() {}

    /** A new community centre of the test region 970100 with an active agreement from 1 January of {@code year}. */
    static String centre(TestUsers users, int year) {
        RefData.ensureRegion(users.admin());
        String code = "H97" + RefData.digits(9);
        ApiClient.Response created = users.clerk().post("/api/admin/institutions", new HashMap<>(Map.of("fixmedins_code", code,
                "name", "测试社区中心" + code, "admdvs", RefData.REGION, "level", 1, "kind", "COMMUNITY", "address", "测试路2号",
                "validFrom", year + "-01-01")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient.Response applied = users.admin().post("/api/admin/institutions/" + code + "/agreements", Map.of("start_date", year + "-01-01"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.json().get("id").asLong();
        assertThat(users.admin().post("/api/admin/institutions/" + code + "/agreements/" + id + "/activate", Map.of()).status()).isEqualTo(200);
        return code;
    }

    /** Runs the evaluation of the institution's year as the administrator; the evaluation's id. */
    static long run(TestUsers users, String code, int year) {
        ApiClient.Response r = users.admin().post("/api/admin/evaluations/run", Map.of("year", year, "fixmedins_code", code));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asLong();
    }
}
