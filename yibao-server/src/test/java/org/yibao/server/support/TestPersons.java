package org.yibao.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.engine.identity.CertificateNumbers;

/**
 * Fresh insured persons of 990100 registered through the staff API, for tests that change a person's
 * state and must not disturb the demo world's cast.
 */
public final class TestPersons {

    /** A registered person: psn_no, certificate number and name. */
    public record Registered(String psnNo, String certno, String name) {}

    private final TestUsers users;
    private final JdbcClient jdbc;

    public TestPersons(TestUsers users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /** An in-service employee (310/1101) with an opening personal-account balance. */
    public Registered employee(String name, LocalDate brdy, String openingBalance) {
        Map<String, Object> body = body(name, brdy, "310", "1101");
        body.put("emp_name", "测试公司");
        body.put("opening_balance", openingBalance);
        return register(body);
    }

    /** A resident (390/1501) without a personal account. */
    public Registered resident(String name, LocalDate brdy) {
        return register(body(name, brdy, "390", "1501"));
    }

    /** Registers {@code body} (made by {@link #body}, changed as the test needs). */
    public Registered register(Map<String, Object> body) {
        var created = users.clerk().post("/api/admin/persons", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Registered((String) body.get("psn_no"), (String) body.get("certno"), (String) body.get("psn_name"));
    }

    /** The registration body of a person of 990100 with a fresh psn_no and a certno no one holds. */
    public Map<String, Object> body(String name, LocalDate brdy, String insutype, String psnType) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String psnNo = "9901007" + String.format("%013d", random.nextLong(10_000_000_000_000L));
        String certno;
        do {
            certno = CertificateNumbers.withCheckCharacter("990100" + brdy.toString().replace("-", "")
                    + String.format("%03d", random.nextInt(1000)));
        } while (jdbc.sql("select count(*) from person where certno = ?").param(certno).query(Long.class).single() > 0);
        Map<String, Object> body = new HashMap<>(Map.of("psn_no", psnNo, "certno", certno, "psn_name", name,
                "gend", CertificateNumbers.sex(certno), "brdy", brdy.toString(), "insutype", insutype, "psn_type", psnType,
                "insuplc_admdvs", "990100", "residence_admdvs", "990100", "validFrom", "2025-01-01"));
        return body;
    }
}
