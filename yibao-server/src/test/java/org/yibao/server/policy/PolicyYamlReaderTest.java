package org.yibao.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.InstitutionLevel;
import org.yibao.engine.policy.PoolKind;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.server.policy.internal.PolicyYamlReader;

/** The shipped policy files and the reader's line-numbered errors (R-REF-4); no Spring. */
class PolicyYamlReaderTest {

    static final List<String> REGIONS = List.of("990100", "990200", "980100");

    static String shipped(String admdvs, int year) {
        try (InputStream in = PolicyYamlReaderTest.class.getResourceAsStream("/policy/" + admdvs + "/" + year + ".yaml")) {
            assertThat(in).as("shipped file %s/%s", admdvs, year).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static PolicyYamlReader.Result read(String content) {
        return PolicyYamlReader.read("990100/2026.yaml", content, "990100", 2026);
    }

    @Test
    void everyShippedFileIsValidAndTheYearsOfARegionDifferOnlyInTheirYear() {
        for (String region : REGIONS) {
            String reference = shipped(region, 2026);
            for (int year = 2025; year <= 2030; year++) {
                String text = shipped(region, year);
                var result = PolicyYamlReader.read(region + "/" + year + ".yaml", text, region, year);
                assertThat(result.problems()).as("%s/%s", region, year).isEmpty();
                assertThat(text.replace("year: " + year, "year: 2026").replace(" " + year + "\n", " 2026\n")).isEqualTo(reference);
            }
        }
    }

    @Test
    void region990100CarriesTheNumbersOfDomainFourTwo() {
        RegionPolicy p = read(shipped("990100", 2026)).policy();
        var outpatient = p.pool(PoolKind.GENERAL_OUTPATIENT).orElseThrow();
        assertThat(outpatient.medTypes()).containsExactly("11", "13");
        assertThat(outpatient.terms("in_service").orElseThrow().deductible().perYear()).isEqualTo(Money.of("1000"));
        assertThat(outpatient.terms("retired").orElseThrow().ratio(InstitutionLevel.L1)).isEqualTo(Ratio.of("0.90"));
        assertThat(outpatient.terms("resident").orElseThrow().yearlyCap()).isEqualTo(Money.of("1000"));
        var inpatient = p.pool(PoolKind.INPATIENT).orElseThrow().terms("resident").orElseThrow();
        assertThat(inpatient.deductible().forAdmission(InstitutionLevel.L3, false)).isEqualTo(Money.of("800"));
        assertThat(inpatient.deductible().forAdmission(InstitutionLevel.L3, true)).isEqualTo(Money.of("400"));
        assertThat(inpatient.ratio(InstitutionLevel.L3)).isEqualTo(Ratio.of("0.60"));
        assertThat(p.pool(PoolKind.PHARMACY).orElseThrow().personalAccountOnly()).isTrue();
        assertThat(p.chronicDiseaseFor("N18.500").orElseThrow().termsFor("390").orElseThrow().ratio()).isEqualTo(Ratio.of("0.80"));
        assertThat(p.ratioAdjustments().bounds().max()).isEqualTo(Ratio.of("0.95"));
        assertThat(p.ratioAdjustments().selfReferral().exceptMedTypes()).containsExactly("24");
        assertThat(p.layer("hifmi").orElseThrow().banded(Money.of("125000"))).isEqualTo(Money.of("67000.00"));
        assertThat(p.layer("maf").orElseThrow().identityRates()).containsEntry("2102", Ratio.of("0.70"));
        assertThat(p.medTypeRefusal("52")).isPresent();
        assertThat(p.refusals().settlementWayRefusal("02")).isPresent();
        assertThat(p.freeHealthCheckItem()).isEqualTo("003101000010000");
        assertThat(p.designationChangesPerYear()).isEqualTo(2);
        assertThat(PolicyYamlReader.read("x", shipped("990200", 2026)).policy().designationChangesUnlimited()).isTrue();
    }

    @Test
    void unknownKeyIsRefusedAtItsLine() {
        String text = shipped("990100", 2026).replace("    med_types: [\"41\"]\n", "    med_types: [\"41\"]\n    discount: 0.1\n");
        var problems = read(text).problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).rule()).isEqualTo("unknown-key");
        assertThat(problems.get(0).path()).isEqualTo("pools.pharmacy.discount");
        assertThat(problems.get(0).line()).isEqualTo(lineOf(text, "discount: 0.1"));
        assertThat(problems.get(0).message()).contains("allowed keys");
    }

    @Test
    void ratioAboveOneIsRefusedAtItsLine() {
        String text = shipped("990100", 2026).replace("ratios: {L1: 0.80, L2: 0.70, L3: 0.60}\n        yearly_cap: 200000.00",
                "ratios: {L1: 0.80, L2: 1.5, L3: 0.60}\n        yearly_cap: 200000.00");
        var problems = read(text).problems();
        assertThat(problems).extracting(PolicyProblem::path, PolicyProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pools.inpatient.categories.resident.ratios.L2", "ratio-range"));
        assertThat(problems.get(0).line()).isEqualTo(lineOf(text, "L2: 1.5"));
        assertThat(problems.get(0).location()).isEqualTo("990100/2026.yaml:" + lineOf(text, "L2: 1.5"));
    }

    @Test
    void missingLevelIsRefusedAtTheLineOfItsRatios() {
        String text = shipped("990100", 2026).replace("ratios: {L1: 0.70, L2: 0.60, L3: 0.50}", "ratios: {L1: 0.70, L3: 0.50}");
        var problems = read(text).problems();
        assertThat(problems).extracting(PolicyProblem::path, PolicyProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pools.general_outpatient.categories.resident.ratios.L2", "missing-level"));
        assertThat(problems.get(0).line()).isEqualTo(lineOf(text, "ratios: {L1: 0.70, L3: 0.50}"));
    }

    @Test
    void overlappingBandsAreRefusedAtTheBand() {
        String text = shipped("990100", 2026).replace("- {from: 115000.00, to: null, rate: 0.70}", "- {from: 100000.00, to: null, rate: 0.70}");
        var problems = read(text).problems();
        assertThat(problems).extracting(PolicyProblem::rule).containsExactly("overlap");
        assertThat(problems.get(0).line()).isEqualTo(lineOf(text, "from: 100000.00"));
    }

    @Test
    void wrongTypeMissingKeyAndSyntaxErrorsNameTheirLines() {
        String base = shipped("990100", 2026);
        var wrongType = read(base.replace("yearly_cap: 300000.00", "yearly_cap: [300000]")).problems();
        assertThat(wrongType).extracting(PolicyProblem::rule).containsOnly("type");
        assertThat(wrongType.get(0).line()).isEqualTo(lineOf(base, "yearly_cap: 300000.00"));

        var missing = read(base.replace("free_health_check_item: \"003101000010000\"\n", "")).problems();
        assertThat(missing).extracting(PolicyProblem::path, PolicyProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("free_health_check_item", "required"));

        var syntax = read(base.replace("  pharmacy:\n", "  pharmacy: [\n")).problems();
        assertThat(syntax).extracting(PolicyProblem::rule).containsExactly("syntax");
        assertThat(syntax.get(0).line()).isGreaterThan(1);

        var tooManyDecimals = read(base.replace("deductible: {per_year: 800.00}", "deductible: {per_year: 800.001}")).problems();
        assertThat(tooManyDecimals).extracting(PolicyProblem::rule).containsExactly("scale");

        var wrongPlace = PolicyYamlReader.read("990200/2026.yaml", base, "990200", 2026).problems();
        assertThat(wrongPlace).extracting(PolicyProblem::path).containsExactly("region");
        assertThat(wrongPlace.get(0).line()).isEqualTo(3);

        assertThat(read("").problems()).extracting(PolicyProblem::rule).containsExactly("required");
    }

    static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + fragment);
    }
}
