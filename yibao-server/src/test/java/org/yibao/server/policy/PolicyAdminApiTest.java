package org.yibao.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.InstitutionLevel;
import org.yibao.engine.policy.PoolKind;
import org.yibao.server.IntegrationTest;
import org.yibao.server.platform.YibaoProperties;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/** Policy files through the admin API, the data directory and {@link PolicyBook} (R-REF-4, R-REF-5). */
@IntegrationTest
class PolicyAdminApiTest {

    static final String PATH = "/api/admin/policies/990100/2026";
    static final String YAML = "application/yaml";

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YibaoProperties properties;

    @Autowired
    PolicyBook book;

    Path dataFile() {
        return properties.dataDir().toAbsolutePath().resolve("policy/990100/2026.yaml");
    }

    String activeSource() {
        var reply = users.admin().get(PATH + "/source");
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    JsonNode active() {
        var reply = users.admin().get(PATH);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void region990100Of2026IsServedWithTheExactNumbersOfDomainFourTwo() {
        var reply = users.readOnly().get(PATH);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode policy = reply.json().get("policy");
        JsonNode inpatient = policy.get("pools").get("inpatient").get("categories");
        assertThat(inpatient.get("resident").get("ratios").get("L2").decimalValue()).isEqualByComparingTo("0.70");
        assertThat(inpatient.get("in_service").get("deductible").get("perAdmission").get("L3").decimalValue()).isEqualByComparingTo("1000");
        assertThat(policy.get("pools").get("general_outpatient").get("categories").get("in_service").get("yearlyCap").decimalValue())
                .isEqualByComparingTo("8000");
        assertThat(policy.get("designationChangesPerYear").asInt()).isEqualTo(2);
        assertThat(reply.json().get("version").asInt()).isPositive();
        assertThat(reply.json().get("sha256").asString()).hasSize(64);
        // Money with 2 decimals, ratios with 4, exactly as written on the wire.
        assertThat(reply.body()).contains("\"yearlyCap\":300000.00", "\"L2\":0.7000", "\"laterAdmissionFactor\":0.5000",
                "\"max\":0.9500", "\"fundPayType\":\"390200\"", "\"freeHealthCheckItem\":\"003101000010000\"");

        var fromBook = book.policy("990100", 2026).orElseThrow();
        assertThat(fromBook.pool(PoolKind.INPATIENT).orElseThrow().terms("retired").orElseThrow().ratio(InstitutionLevel.L1))
                .isEqualTo(Ratio.of("0.95"));
        assertThat(fromBook.layer("hifob").orElseThrow().yearlyCap()).isEqualTo(Money.of("500000"));
    }

    @Test
    void everyShippedRegionAndYearIsActiveAndItsFileIsInTheDataDirectory() {
        var reply = users.auditor().get("/api/admin/policies");
        assertThat(reply.status()).isEqualTo(200);
        List<String> keys = reply.json().valueStream().map(n -> n.get("region").asString() + "/" + n.get("year").asInt()).toList();
        for (String region : List.of("990100", "990200", "980100")) {
            for (int year = 2025; year <= 2030; year++) {
                assertThat(keys).contains(region + "/" + year);
                assertThat(properties.dataDir().resolve("policy/" + region + "/" + year + ".yaml")).exists();
            }
        }
        assertThat(reply.json().valueStream().allMatch(n -> n.get("active").asBoolean())).isTrue();
        var source = users.readOnly().get("/api/admin/policies/990200/2027/source");
        assertThat(source.contentType()).startsWith("text/yaml");
        assertThat(source.body()).contains("region: \"990200\"", "year: 2027", "designation_changes_per_year: unlimited");
    }

    @Test
    void theApiIsDocumented() {
        var docs = users.admin().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/admin/policies/{admdvs}/{year}", "/api/admin/policies/reload", "Policies");
    }

    @Test
    void unknownRegionOrYearIsNotFound() {
        assertThat(users.admin().get("/api/admin/policies/990100/2031").status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/policies/990100/2031/source").status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/policies/990100/2031/versions").status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/policies/970100/2026").status()).isEqualTo(404);
        assertThat(users.admin().get("/api/admin/policies/abc/2026").status()).isEqualTo(404);
    }

    @Test
    void readOnlyAndAuditorUsersCannotReplaceAPolicy() {
        String source = activeSource();
        assertThat(users.readOnly().send("PUT", PATH, source, YAML).status()).isEqualTo(403);
        assertThat(users.auditor().send("PUT", PATH, source, YAML).status()).isEqualTo(403);
        assertThat(users.readOnly().post("/api/admin/policies/reload", null).status()).isEqualTo(403);
    }

    @Test
    void invalidUploadsAreRefusedWithTheirLineAndThePreviousVersionStaysActive() throws Exception {
        String source = activeSource();
        JsonNode before = active();
        String fileBefore = Files.readString(dataFile());

        String unknownKey = source.replace("    personal_account_only: true\n", "    personal_account_only: true\n    discount: 0.1\n");
        assertRefused(users.clerk().send("PUT", PATH, unknownKey, YAML), lineOf(unknownKey, "discount: 0.1"), "unknown-key",
                "pools.pharmacy.discount");

        String ratio = source.replace("ratios: {L1: 0.80, L2: 0.70, L3: 0.60}\n        yearly_cap: 200000.00",
                "ratios: {L1: 0.80, L2: 1.5, L3: 0.60}\n        yearly_cap: 200000.00");
        assertRefused(users.admin().send("PUT", PATH, ratio, "text/plain"), lineOf(ratio, "L2: 1.5"), "ratio-range",
                "pools.inpatient.categories.resident.ratios.L2");

        String missingLevel = source.replace("ratios: {L1: 0.90, L2: 0.80, L3: 0.70}", "ratios: {L1: 0.90, L2: 0.80}");
        assertRefused(users.admin().send("PUT", PATH, missingLevel, YAML), lineOf(missingLevel, "ratios: {L1: 0.90, L2: 0.80}"),
                "missing-level", "pools.general_outpatient.categories.retired.ratios.L3");

        String otherRegion = source.replace("region: \"990100\"", "region: \"990200\"");
        assertRefused(users.admin().send("PUT", PATH, otherRegion, YAML), lineOf(otherRegion, "region:"), "mismatch", "region");

        assertThat(users.admin().send("PUT", PATH, "", YAML).status()).isEqualTo(400);

        JsonNode after = active();
        assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt());
        assertThat(after.get("sha256").asString()).isEqualTo(before.get("sha256").asString());
        assertThat(Files.readString(dataFile())).isEqualTo(fileBefore);
    }

    @Test
    void validUploadBecomesTheNewActiveVersionIsWrittenToTheDataDirectoryAndAudited() throws Exception {
        String source = activeSource();
        JsonNode before = active();
        int oldVersion = before.get("version").asInt();
        String edited = source + "# reviewed by the policy office " + System.nanoTime() + "\n";

        var reply = users.clerk().send("PUT", PATH, edited, YAML);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("version").asInt()).isEqualTo(oldVersion + 1);
        assertThat(reply.json().get("source").asString()).isEqualTo("api");

        assertThat(activeSource()).isEqualTo(edited);
        assertThat(Files.readString(dataFile(), StandardCharsets.UTF_8)).isEqualTo(edited);
        var versions = users.admin().get(PATH + "/versions").json();
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(oldVersion + 1);
        assertThat(versions.get(0).get("active").asBoolean()).isTrue();
        assertThat(versions.get(0).get("loadedBy").asString()).isEqualTo("clerk1");
        assertThat(versions.get(versions.size() - 1).get("loadedBy").asString()).isEqualTo("system");
        assertThat(versions.valueStream().filter(v -> v.get("active").asBoolean()).count()).isEqualTo(1);
        assertThat(book.active("990100", 2026).orElseThrow().version()).isEqualTo(oldVersion + 1);

        var audit = jdbc.sql("""
                        select actor, action, before_state ->> 'version', after_state ->> 'version', after_state ->> 'sha256'
                        from audit_log where entity_type = 'policy' and entity_key = '990100/2026' order by id desc limit 1""")
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        assertThat(audit.get(1)).isEqualTo("UPDATE");
        assertThat(audit.get(2)).isEqualTo(String.valueOf(oldVersion));
        assertThat(audit.get(3)).isEqualTo(String.valueOf(oldVersion + 1));
        assertThat(audit.get(4)).isEqualTo(reply.json().get("sha256").asString());
        assertThat(audit.get(0)).isEqualTo("clerk1");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'policy' and entity_key = '990100/2026' and action = 'LOAD' and actor = 'system'")
                .query(Long.class).single()).isEqualTo(1);

        // The same content again changes nothing.
        var again = users.clerk().send("PUT", PATH, edited, YAML);
        assertThat(again.json().get("version").asInt()).isEqualTo(oldVersion + 1);
    }

    @Test
    void anEditedDataFileThatIsInvalidIsRefusedOnReloadAndThePreviousVersionStays() throws Exception {
        Path file = dataFile();
        String original = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode before = active();
        try {
            String broken = original.replace("ratios: {L1: 0.80, L2: 0.70, L3: 0.60}\n        yearly_cap: 200000.00",
                    "ratios: {L1: 0.80, L2: 1.5, L3: 0.60}\n        yearly_cap: 200000.00");
            assertThat(broken).isNotEqualTo(original);
            Files.writeString(file, broken, StandardCharsets.UTF_8);

            var report = users.admin().post("/api/admin/policies/reload", null);
            assertThat(report.status()).isEqualTo(200);
            JsonNode outcome = outcomeOf(report.json(), "990100/2026.yaml");
            assertThat(outcome.get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(outcome.get("activeVersion").asInt()).isEqualTo(before.get("version").asInt());
            JsonNode problem = outcome.get("problems").get(0);
            assertThat(problem.get("line").asInt()).isEqualTo(lineOf(broken, "L2: 1.5"));
            assertThat(problem.get("path").asString()).isEqualTo("pools.inpatient.categories.resident.ratios.L2");
            assertThat(problem.get("message").asString()).contains("1.5");
            assertThat(outcomeOf(report.json(), "990200/2026.yaml").get("outcome").asString()).isEqualTo("UNCHANGED");

            assertThat(active().get("version").asInt()).isEqualTo(before.get("version").asInt());
            assertThat(book.policy("990100", 2026).orElseThrow().pool(PoolKind.INPATIENT).orElseThrow()
                    .terms("resident").orElseThrow().ratio(InstitutionLevel.L2)).isEqualTo(Ratio.of("0.70"));
            assertThat(users.admin().get("/api/admin/policies/load-report").json().get("files").size())
                    .isEqualTo(report.json().get("files").size());
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
        }
        var restored = users.admin().post("/api/admin/policies/reload", null);
        assertThat(outcomeOf(restored.json(), "990100/2026.yaml").get("outcome").asString()).isIn("UNCHANGED", "LOADED");
    }

    @Test
    void anEditedValidDataFileIsLoadedAsANewVersionOnReload() throws Exception {
        Path file = properties.dataDir().toAbsolutePath().resolve("policy/980100/2030.yaml");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        int before = book.active("980100", 2030).orElseThrow().version();
        Files.writeString(file, original + "# note " + System.nanoTime() + "\n", StandardCharsets.UTF_8);
        var report = users.admin().post("/api/admin/policies/reload", null).json();
        JsonNode outcome = outcomeOf(report, "980100/2030.yaml");
        assertThat(outcome.get("outcome").asString()).isEqualTo("LOADED");
        assertThat(outcome.get("activeVersion").asInt()).isEqualTo(before + 1);
        assertThat(book.active("980100", 2030).orElseThrow().sourceName()).isEqualTo("980100/2030.yaml");
    }

    @Test
    void aCountyIsServedThePolicyOfItsPoolingRegion() {
        jdbc.sql("""
                insert into region (admdvs, valid_from, name, province_admdvs, pooling_admdvs, inpatient_payment, recorded_at, recorded_by)
                values ('990188', date '2020-01-01', '测试县', '990000', '990100', 'DRG', now(), 'test')
                on conflict do nothing""").update();
        var county = book.policyOn("990188", LocalDate.of(2026, 5, 1)).orElseThrow();
        assertThat(county.admdvs()).isEqualTo("990100");
        assertThat(book.policy("990188", 2027).orElseThrow().year()).isEqualTo(2027);
        assertThat(book.policyOn("980100", LocalDate.of(2025, 12, 31)).orElseThrow().admdvs()).isEqualTo("980100");
        assertThat(book.policyOn("970199", LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(book.policy("990100", 2031)).isEmpty();
    }

    static void assertRefused(ApiClient.Response reply, int line, String rule, String path) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode errors = reply.json().get("errors");
        assertThat(errors.size()).as(reply.body()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("990100/2026.yaml:" + line);
        assertThat(errors.get(0).get("rule").asString()).isEqualTo(rule);
        assertThat(errors.get(0).get("message").asString()).startsWith(path + ":");
    }

    static JsonNode outcomeOf(JsonNode report, String file) {
        return report.get("files").valueStream().filter(f -> f.get("file").asString().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + file + " in " + report));
    }

    static int lineOf(String text, String fragment) {
        return PolicyYamlReaderTest.lineOf(text, fragment);
    }
}
