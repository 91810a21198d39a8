package org.yibao.server.support;

import static org.assertj.core.api.Assertions.assertThat;


/**
 * What a clock test in a year after the demo's needs (the demo's yearly agreements and policies end
 * with 2030): an institution's agreement for the year and a region's policy for the year, both made
 * through the admin API as an administrator would, each only when missing.
 */
public final class LaterYears {

    /** The demo's last policy year, whose file a later year copies. */
    static final int LAST_DEMO_YEAR = 2030;

    private LaterYears() {}

    /** The institution holds an agreement in force on {@code year}-03-01 (applied from 1 January and activated today when it has none). */
    public static void agreement(TestUsers users, String fixmedinsCode, int year) {
        TestAgreements.inForce(users, fixmedinsCode, java.time.LocalDate.of(year, 3, 1));
    }

    /** The region has a policy for {@code year}: the demo's 2030 file with its year (and name) changed, when it has none. */
    public static void policy(TestUsers users, String admdvs, int year) {
        String path = "/api/admin/policies/" + admdvs + "/";
        if (users.readOnly().get(path + year).status() == 200) {
            return;
        }
        var source = users.admin().get(path + LAST_DEMO_YEAR + "/source");
        assertThat(source.status()).as(source.body()).isEqualTo(200);
        String yaml = source.body().replaceFirst("(?m)^year: " + LAST_DEMO_YEAR + "$", "year: " + year)
                .replaceFirst("(?m)^(name: .*)" + LAST_DEMO_YEAR + "$", "$1" + year);
        var put = users.admin().send("PUT", path + year, yaml, "application/yaml");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }
}
