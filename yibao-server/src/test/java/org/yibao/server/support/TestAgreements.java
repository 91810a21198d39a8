package org.yibao.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Service agreements for clock tests in years after the demo agreements (which end with 2030). */
public final class TestAgreements {

    private TestAgreements() {}

    /**
     * Gives the institution an agreement from 1 January of {@code year} through the admin API, unless it is under one
     * in March of that year already (another clock test may have terminated and re-admitted it).
     */
    public static void activeIn(TestUsers users, String fixmedinsCode, int year) {
        String base = "/api/admin/institutions/" + fixmedinsCode + "/agreements";
        if ("ACTIVE".equals(users.readOnly().get(base + "/standing?day=" + year + "-03-10").json().path("state").asString())) {
            return;
        }
        var applied = users.admin().post(base, Map.of("start_date", year + "-01-01", "reason", year + " 年度协议"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        var activated = users.admin().post(base + "/" + applied.json().get("id").asLong() + "/activate", Map.of());
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    }
}
