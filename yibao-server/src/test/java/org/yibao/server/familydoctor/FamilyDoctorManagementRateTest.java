package org.yibao.server.familydoctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClients;
import org.yibao.server.support.InstitutionApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-INS-4 standard-management rate of 示范市城东社区卫生服务中心 for 2025: 陈静, followed up once in each
 * quarter, becomes managed per norm; 孙伟, followed up in January to May (Q1 and Q2 only), does not; the
 * rate is managed ÷ registered with 4 decimals. The year is a parameter and the dates are inputs, so the
 * test does not depend on today.
 */
@IntegrationTest
class FamilyDoctorManagementRateTest {

    static final String EAST_CENTRE = "H99010000003";
    static final String CHEN_JING = "99010000000000000005";
    static final String SUN_WEI = "99010000000000000006";

    @Autowired
    FsiClients fsi;
    @Autowired
    TestUsers users;
    @Autowired
    FamilyDoctors familyDoctors;

    private int followUp(String psnNo, String date) {
        return new InstitutionApiClient(users.port(), fsi.as(EAST_CENTRE)).post("/inst/api/family-doctor/follow-ups",
                Map.of("psn_no", psnNo, "follow_up_date", date, "systolic", 148, "diastolic", 92, "doctor_name", "刘医生")).status();
    }

    private JsonNode rate() {
        return users.readOnly().get("/api/admin/family-doctor/centres/" + EAST_CENTRE + "/management-rate?year=2025").json();
    }

    @Test
    void oneFollowUpInEachQuarterMakesChenJingManagedAndQ1Q2OnlyDoesNotCountSunWei() {
        ManagementRate before = familyDoctors.managementRate(EAST_CENTRE, 2025);
        assertThat(before.registered()).isGreaterThanOrEqualTo(2);

        // 孙伟: January, February, March; a second March follow-up is refused; April, May. Five, but no Q3 or Q4.
        assertThat(followUp(SUN_WEI, "2025-01-08")).isEqualTo(201);
        assertThat(followUp(SUN_WEI, "2025-02-08")).isEqualTo(201);
        assertThat(followUp(SUN_WEI, "2025-03-08")).isEqualTo(201);
        assertThat(followUp(SUN_WEI, "2025-03-28")).isEqualTo(409);
        assertThat(followUp(SUN_WEI, "2025-04-08")).isEqualTo(201);
        assertThat(followUp(SUN_WEI, "2025-05-08")).isEqualTo(201);
        // 陈静: three quarters are not enough.
        assertThat(followUp(CHEN_JING, "2025-01-15")).isEqualTo(201);
        assertThat(followUp(CHEN_JING, "2025-04-15")).isEqualTo(201);
        assertThat(followUp(CHEN_JING, "2025-07-15")).isEqualTo(201);
        assertThat(familyDoctors.managementRate(EAST_CENTRE, 2025).managed()).isEqualTo(before.managed());
        // The fourth quarter makes four follow-ups with one in each quarter.
        assertThat(followUp(CHEN_JING, "2025-10-15")).isEqualTo(201);

        ManagementRate after = familyDoctors.managementRate(EAST_CENTRE, 2025);
        assertThat(after.registered()).isEqualTo(before.registered());
        assertThat(after.contracts()).isEqualTo(before.contracts());
        assertThat(after.managed()).isEqualTo(before.managed() + 1);
        BigDecimal expected = BigDecimal.valueOf(before.managed() + 1).divide(BigDecimal.valueOf(before.registered()), 4, RoundingMode.HALF_UP);
        assertThat(after.rate()).isEqualByComparingTo(expected);
        assertThat(after.rate().scale()).isEqualTo(4);

        JsonNode json = rate();
        assertThat(json.get("managed").asInt()).isEqualTo(after.managed());
        assertThat(json.get("registered").asInt()).isEqualTo(after.registered());
        assertThat(json.get("rate").decimalValue()).isEqualByComparingTo(expected);
        // The console shows the same numbers on the centre's page and the follow-ups on 陈静's page.
        String page = users.readOnly().get("/institutions/" + EAST_CENTRE + "?year=2025").body();
        assertThat(page).contains("id=\"fd-registered\">" + after.registered() + "<", "id=\"fd-managed\">" + after.managed() + "<",
                "id=\"fd-rate\">" + after.rate().movePointRight(2).setScale(2, RoundingMode.HALF_UP) + "%<");
        assertThat(users.readOnly().get("/persons/" + CHEN_JING).body()).contains("id=\"follow-ups\"", "2025-10-15", "148/92 mmHg");
        // A year without contracts has no registered patients and no rate (not 0).
        assertThat(familyDoctors.managementRate(EAST_CENTRE, 2000).registered()).isZero();
        assertThat(familyDoctors.managementRate(EAST_CENTRE, 2000).rate()).isNull();
    }

    @Test
    void theRateIsManagedOverRegisteredRoundedToFourDecimals() {
        ManagementRate r = familyDoctors.managementRate(EAST_CENTRE, 2025);
        assertThat(r.rate()).isEqualByComparingTo(BigDecimal.valueOf(r.managed()).divide(BigDecimal.valueOf(r.registered()), 4, RoundingMode.HALF_UP));
        assertThat(r.managed()).isLessThanOrEqualTo(r.registered());
        assertThat(r.registered()).isLessThanOrEqualTo(r.contracts());
    }
}
