package org.yibao.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.demo.DemoCast;
import org.yibao.server.region.RefData;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestPersons;
import org.yibao.server.support.TestUsers;

/** Institutions of the evaluation (and capitation) tests' own: no other test's data reaches their indicators. */
public final class EvaluationFixtures {

    private EvaluationFixtures() {}

    /** A new community centre of the test region 970100 with an active agreement from 1 January of {@code year}. */
    public static String centre(TestUsers users, int year) {
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
    public static long run(TestUsers users, String code, int year) {
        ApiClient.Response r = users.admin().post("/api/admin/evaluations/run", Map.of("year", year, "fixmedins_code", code));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asLong();
    }

    /** One person registered for hypertension at the centre (I10 recognised, contracted today) and never followed up: 0%. */
    public static void unmanagedHypertensionPatient(TestUsers users, JdbcClient jdbc, String centre) {
        String psn = new TestPersons(users, jdbc).resident("高血压测试", LocalDate.of(1960, 5, 5)).psnNo();
        ApiClient.Response r = users.clerk().post("/api/admin/persons/" + psn + "/chronic-recognitions",
                Map.of("opsp_dise_code", "I10.x00", "ide_fixmedins_no", DemoCast.FIRST_PEOPLES_HOSPITAL));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        ApiClient.Response c = users.clerk().post("/api/admin/family-doctor/contracts", Map.of("psn_no", psn, "kind", "BASIC",
                "community_code", centre));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
    }
}
