package org.yibao.server.insured;

import org.yibao.engine.identity.CertificateNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.server.region.RefData.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.region.RefData;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** R-REF-2 and R-REF-5 for insured persons, with national interface field names. */
@IntegrationTest
class PersonApiTest {

    @Autowired
    TestUsers users;

    @Autowired
    Persons persons;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void region() {
        RefData.ensureRegion(users.admin());
    }

    /** A valid 居民身份证 number of region 970100 for a birth date and sex. */
    private static String certno(LocalDate brdy, String gend) {
        int seq = ThreadLocalRandom.current().nextInt(50) * 2 + ("1".equals(gend) ? 1 : 0);
        String first17 = RefData.REGION + brdy.toString().replace("-", "") + String.format("%02d", ThreadLocalRandom.current().nextInt(100))
                + seq % 10;
        return first17 + CertificateNumbers.checkCharacter(first17);
    }

    private static Map<String, Object> employee(String psnNo, String gend, LocalDate brdy) {
        return new HashMap<>(Map.of("psn_no", psnNo, "certno", certno(brdy, gend), "psn_name", "测试员工", "gend", gend,
                "brdy", brdy.toString(), "insutype", "310", "psn_type", "1101", "insuplc_admdvs", RefData.REGION,
                "emp_name", "测试公司", "validFrom", "2025-01-01"));
    }

    private static String psnNo() {
        return "97" + RefData.digits(18);
    }

    private long rows(String psnNo) {
        return jdbc.sql("select count(*) from person where psn_no = ?").param(psnNo).query(Long.class).single();
    }

    @Test
    void anEmployeeIsRegisteredWithAnOpeningBalanceAndReadAsOfEitherSideOfAChange() {
        String psnNo = psnNo();
        var body = employee(psnNo, "2", LocalDate.of(1981, 3, 15));
        body.put("opening_balance", new BigDecimal("3000.00"));
        body.put("identities", List.of(Map.of("psn_idet_type", "2103", "begntime", "2025-01-01")));
        var created = users.clerk().post("/api/admin/persons", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("balance").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(created.json().get("psn_no").asString()).isEqualTo(psnNo);
        assertThat(jdbc.sql("select kind || ' ' || amount from personal_account_entry where psn_no = ?").param(psnNo)
                .query(String.class).list()).containsExactly("OPENING 3000.00");

        var retire = employee(psnNo, "2", LocalDate.of(1981, 3, 15));
        retire.put("certno", body.get("certno"));
        retire.put("psn_type", "1201");
        retire.put("effectiveFrom", "2026-04-01");
        var changed = users.admin().put("/api/admin/persons/" + psnNo, retire);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        JsonNode before = users.readOnly().get("/api/admin/persons/" + psnNo + "?asOf=2026-03-31").json();
        JsonNode after = users.readOnly().get("/api/admin/persons/" + psnNo + "?asOf=2026-04-01").json();
        assertThat(before.get("psn_type").asString()).isEqualTo("1101");
        assertThat(after.get("psn_type").asString()).isEqualTo("1201");
        assertThat(after.get("balance").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(after.get("identities").get(0).get("psn_idet_type").asString()).isEqualTo("2103");
        assertThat(after.get("mutual_aid_bindings")).isEmpty();
        assertThat(persons.findByCertno((String) body.get("certno")).orElseThrow().personType()).isEqualTo("1201");

        JsonNode history = users.auditor().get("/api/admin/persons/" + psnNo + "/history").json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("audit")).hasSize(2);
        assertThat(history.get("audit").get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(history.get("audit").get(0).get("before").asString()).contains("1101");
        assertThat(history.get("audit").get(0).get("after").asString()).contains("1201");
        assertThat(history.get("audit").get(1).get("after").asString()).contains("3000.00");
    }

    @Test
    void aWrongCheckDigitIsRefusedAndNothingIsWritten() {
        String psnNo = psnNo();
        var body = employee(psnNo, "1", LocalDate.of(1970, 1, 2));
        String good = (String) body.get("certno");
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        body.put("certno", good.substring(0, 17) + wrong);
        body.put("opening_balance", 100);
        assertRefused(users.admin().post("/api/admin/persons", body), "certno", "check_digit");
        assertThat(rows(psnNo)).isZero();
        assertThat(jdbc.sql("select count(*) from personal_account where psn_no = ?").param(psnNo).query(Long.class).single()).isZero();
    }

    @Test
    void birthDateSexAndPersonTypeMustAgreeWithTheCertificateAndInsuranceType() {
        String psnNo = psnNo();
        var body = employee(psnNo, "1", LocalDate.of(1970, 1, 2));
        body.put("brdy", "1970-01-03");
        body.put("gend", "2");
        body.put("psn_type", "1501");
        var reply = users.admin().post("/api/admin/persons", body);
        assertRefused(reply, "brdy", "matches_certno");
        assertRefused(reply, "gend", "matches_certno");
        assertRefused(reply, "psn_type", "consistent_with_insutype");

        var resident = employee(psnNo, "1", LocalDate.of(1970, 1, 2));
        resident.put("insutype", "390");
        resident.put("psn_type", "1501");
        resident.put("opening_balance", 10);
        assertRefused(users.admin().post("/api/admin/persons", resident), "opening_balance", "employees_only");

        var cents = employee(psnNo, "1", LocalDate.of(1970, 1, 2));
        cents.put("opening_balance", new BigDecimal("10.001"));
        cents.put("psn_no", "97123");
        cents.put("insuplc_admdvs", "979997");
        cents.put("brdy", "1970-02-30");
        var many = users.admin().post("/api/admin/persons", cents);
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.json().get("errors").get(0).get("field").asString()).isEqualTo("brdy");

        cents.put("brdy", "1970-01-02");
        var fields = users.admin().post("/api/admin/persons", cents);
        assertRefused(fields, "opening_balance", "scale");
        assertRefused(fields, "psn_no", "format");
        assertRefused(fields, "insuplc_admdvs", "exists");
        assertThat(rows(psnNo)).isZero();
    }

    @Test
    void duplicatesAreConflictsAndUnknownPersonsAreNotFound() {
        String psnNo = psnNo();
        var body = employee(psnNo, "1", LocalDate.of(1990, 5, 6));
        assertThat(users.admin().post("/api/admin/persons", body).status()).isEqualTo(201);
        var samePsnNo = users.admin().post("/api/admin/persons", body);
        assertThat(samePsnNo.status()).isEqualTo(409);
        assertThat(samePsnNo.json().get("errors").get(0).get("field").asString()).isEqualTo("psn_no");
        body.put("psn_no", psnNo());
        var sameCertno = users.admin().post("/api/admin/persons", body);
        assertThat(sameCertno.status()).isEqualTo(409);
        assertThat(sameCertno.json().get("errors").get(0).get("field").asString()).isEqualTo("certno");
        assertThat(rows((String) body.get("psn_no"))).isZero();

        assertThat(users.admin().get("/api/admin/persons/97000000000000000000").status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/persons/97000000000000000000/history").status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/persons/" + psnNo + "?asOf=2024-12-31").status()).isEqualTo(404);
    }

    @Test
    void readOnlyAndAuditorUsersCannotChangePersonsButCanReadThem() {
        String psnNo = psnNo();
        var body = employee(psnNo, "2", LocalDate.of(1985, 8, 9));
        assertThat(users.admin().post("/api/admin/persons", body).status()).isEqualTo(201);
        for (ApiClient user : new ApiClient[] {users.readOnly(), users.auditor()}) {
            assertThat(user.post("/api/admin/persons", employee(psnNo(), "1", LocalDate.of(1980, 1, 1))).status()).isEqualTo(403);
            assertThat(user.put("/api/admin/persons/" + psnNo, body).status()).isEqualTo(403);
            assertThat(user.get("/api/admin/persons/" + psnNo).status()).isEqualTo(200);
            assertThat(user.get("/api/admin/persons?q=" + psnNo).json().get("total").asLong()).isEqualTo(1);
        }
        assertRefused(users.readOnly().get("/api/admin/persons?size=500"), "size", "max");
    }
}
