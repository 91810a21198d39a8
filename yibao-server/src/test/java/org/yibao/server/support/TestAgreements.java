package org.yibao.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

/**
 * Service agreements for clock tests: the demo world's agreements run 2025–2030 (and another test may have
 * terminated one), so a story in a later year first gives its institution an agreement for that year.
 */
public final class TestAgreements {

    private TestAgreements() {}

    /** Applies for and activates an agreement from 1 January of {@code day}'s year unless one is in force on {@code day}. */
    public static void inForce(TestUsers users, String fixmedinsCode, LocalDate day) {
        String base = "/api/admin/institutions/" + fixmedinsCode + "/agreements";
        if ("ACTIVE".equals(users.readOnly().get(base + "/standing?day=" + day).json().path("state").asString())) {
            return;
        }
        var applied = users.admin().post(base, Map.of("start_date", day.withDayOfYear(1).toString(), "reason", day.getYear() + " 年度协议"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        var activated = users.admin().post(base + "/" + applied.json().get("id").asLong() + "/activate", Map.of());
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    }

    /** An agreement in force in March of {@code year} (from 1 January), as {@link #inForce}. */
    public static void activeIn(TestUsers users, String fixmedinsCode, int year) {
        inForce(users, fixmedinsCode, LocalDate.of(year, 3, 10));
    }
}
