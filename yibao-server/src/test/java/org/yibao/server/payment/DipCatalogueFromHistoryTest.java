package org.yibao.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.demo.DemoHistory;
import org.yibao.server.support.DemoHistoryWritten;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-PAY-3 on the demo world's own past: 990200's catalogue for 2026 is built from its 2023–2025 inpatient
 * case records (the default history), weighted 1:2:7 by year; core groups have at least 15 cases.
 * The mean cost of all cases is recomputed here from the settlements, year by year.
 */
@IntegrationTest
class DipCatalogueFromHistoryTest {

    @Autowired
    DemoHistory history;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void historyIsWritten() throws InterruptedException {
        DemoHistoryWritten.await(history);
    }

    @Test
    void theCatalogueOf2026IsBuiltFromThreeYearsOfDemoHistoryWeightedOneTwoSeven() {
        assertThat(users.clerk().post("/api/admin/dip/990200/2026/catalogue", Map.of()).status()).isEqualTo(403);
        var built = users.admin().post("/api/admin/dip/990200/2026/catalogue", Map.of());
        assertThat(built.status()).as(built.body()).isEqualTo(200);
        JsonNode cat = built.json();
        assertThat(cat.get("history_from").asInt()).isEqualTo(2023);
        assertThat(cat.get("history_to").asInt()).isEqualTo(2025);
        // The demo's case records are clean: none is left out by quality control.
        assertThat(cat.get("excluded_cases").asLong()).isZero();

        // Per year: cases and their medical fees (settlements of the stay summed), from the demo history.
        List<Object[]> years = jdbc.sql("""
                select extract(year from v.endtime)::int, count(*), sum(s.medfee)
                from case_record c join visit v on v.mdtrt_id = c.mdtrt_id
                cross join lateral (select sum(medfee_sumamt) as medfee from settlement x where x.mdtrt_id = c.mdtrt_id) s
                where v.kind = 'INPATIENT' and v.insured_admdvs = '990200' and v.treatment_admdvs = '990200'
                  and v.endtime >= '2023-01-01' and v.endtime < '2026-01-01' and s.medfee > 0
                group by 1 order by 1""")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getBigDecimal(3)}).list();
        assertThat(years).extracting(y -> y[0]).containsExactly(2023, 2024, 2025);
        BigDecimal weighted = BigDecimal.ZERO;
        int[] weights = {1, 2, 7};
        long cases = 0;
        for (int i = 0; i < 3; i++) {
            long n = (Long) years.get(i)[1];
            cases += n;
            weighted = weighted.add(((BigDecimal) years.get(i)[2]).divide(BigDecimal.valueOf(n), 12, RoundingMode.HALF_UP)
                    .multiply(BigDecimal.valueOf(weights[i])));
        }
        assertThat(cat.get("cases").asLong()).isEqualTo(cases);
        assertThat(cat.get("mean_cost").decimalValue()).isEqualByComparingTo(weighted.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP));

        // Every case is in exactly one group; a core group (diagnosis + procedure) has at least 15 cases, the others are comprehensive.
        long inGroups = 0;
        for (JsonNode g : cat.get("groups")) {
            inGroups += g.get("cases").asLong();
            boolean comprehensiveCode = g.get("code").asString().matches("[A-Z][0-9A-Z]{2}/(NONE|DIAGNOSTIC|THERAPEUTIC|SURGICAL)");
            if (g.get("kind").asString().equals("CORE")) {
                assertThat(g.get("cases").asLong()).as(g.toString()).isGreaterThanOrEqualTo(15);
                assertThat(comprehensiveCode).as(g.toString()).isFalse();
            } else {
                assertThat(comprehensiveCode).as(g.toString()).isTrue();
            }
            assertThat(g.get("score").decimalValue()).isEqualByComparingTo(g.get("mean_cost").decimalValue().multiply(BigDecimal.valueOf(1000))
                    .divide(cat.get("mean_cost").decimalValue(), 4, RoundingMode.HALF_UP));
        }
        assertThat(inGroups).isEqualTo(cases);
        assertThat(users.readOnly().get("/api/admin/dip/990200/2026/catalogue").json().get("version").asInt())
                .isEqualTo(cat.get("version").asInt());
    }
}
