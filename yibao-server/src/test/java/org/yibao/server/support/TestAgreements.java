package org.yibao.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * Service agreements for clock tests in years after the demo's (its yearly agreements end with 2030):
 * an institution without an agreement in force on a day of the year gets one for that year, applied
 * and activated through the admin API as an administrator would.
 */
public final class TestAgreements {

    private TestAgreements() {}

    /** The institution holds an agreement in force on {@code year}-03-01 (created from 1 January when it has none). */
    public static void inForce(TestUsers users, String fixmedinsCode, int year) {
        String base = "/api/admin/institutions/" + fixmedinsCode + "/agreements";
        if ("ACTIVE".equals(users.readOnly().get(base + "/standing?day=" + year + "-03-01").json().path("state").asString())) {
            return;
        }
        var applied = users.admin().post(base, Map.of("start_date", year + "-01-01", "reason", year + " 年度协议"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        var activated = users.admin().post(base + "/" + applied.json().get("id").asLong() + "/activate", Map.of());
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    }
}
