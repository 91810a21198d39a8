package org.yibao.server.demo;

import org.yibao.engine.identity.CertificateNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yibao.server.demo.DemoWorld.CatalogueItem;
import org.yibao.server.demo.DemoWorld.Institution;
import org.yibao.server.demo.DemoWorld.Person;

/** The pure generator (R-DEMO): same seed, same world; every generated identity is well-formed. */
class DemoWorldGeneratorTest {

    private static final DemoWorld WORLD = new DemoWorldGenerator(20261123L, 3000, 60, 400).generate();

    @Test
    void theSameSeedGivesTheSameWorld() {
        DemoWorld again = new DemoWorldGenerator(20261123L, 3000, 60, 400).generate();
        assertThat(again.persons().subList(0, 200)).isEqualTo(WORLD.persons().subList(0, 200));
        assertThat(again.institutions()).isEqualTo(WORLD.institutions());
        assertThat(again.catalogueItems().subList(0, 300)).isEqualTo(WORLD.catalogueItems().subList(0, 300));
        assertThat(again).isEqualTo(WORLD);
    }

    @Test
    void aDifferentSeedGivesDifferentPersonsInstitutionsAndItemsButTheSameCast() {
        DemoWorld other = new DemoWorldGenerator(7L, 3000, 60, 400).generate();
        assertThat(generated(other.persons())).isNotEqualTo(generated(WORLD.persons()));
        assertThat(other.institutions().subList(9, 60)).isNotEqualTo(WORLD.institutions().subList(9, 60));
        assertThat(other.catalogueItems().stream().map(CatalogueItem::name).toList())
                .isNotEqualTo(WORLD.catalogueItems().stream().map(CatalogueItem::name).toList());
        assertThat(other.persons().subList(0, 8)).isEqualTo(WORLD.persons().subList(0, 8));
    }

    @Test
    void theWorldHasTheNamedCastPlusTheRequestedSizes() {
        assertThat(WORLD.persons()).hasSize(8 + 3000);
        assertThat(WORLD.institutions()).hasSize(9 + 60);
        // Three pooling regions carry a catalogue: 11 reference items plus the generated ones each.
        assertThat(WORLD.catalogueItems()).hasSize(3 * (11 + 400));
        assertThat(WORLD.chronicDiseases()).hasSize(3 * 3);
    }

    @Test
    void everyCertificateNumberHasAValidCheckDigitAndAgreesWithSexAndBirthDate() {
        for (Person p : WORLD.persons()) {
            assertThat(CertificateNumbers.isValid(p.certno())).as(p.certno()).isTrue();
            assertThat(p.certno()).startsWith(p.residenceAdmdvs());
            assertThat(p.certno().substring(6, 14)).isEqualTo(p.brdy().toString().replace("-", ""));
            assertThat((p.certno().charAt(16) - '0') % 2 == 1 ? "1" : "2").isEqualTo(p.gend());
        }
    }

    @Test
    void personNumbersAndCertificatesAreUniqueAndGeneratedNumbersNeverLookLikeTheCast() {
        Set<String> psnNos = new HashSet<>();
        Set<String> certnos = new HashSet<>();
        for (Person p : WORLD.persons()) {
            assertThat(psnNos.add(p.psnNo())).as(p.psnNo()).isTrue();
            assertThat(certnos.add(p.certno())).as(p.certno()).isTrue();
            assertThat(p.psnNo()).hasSize(20).containsOnlyDigits();
        }
        for (Person p : generated(WORLD.persons())) {
            assertThat(Long.parseLong(p.psnNo().substring(6))).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void psnTypeMatchesAgeAndOnlyEmployeesHaveAnAccount() {
        LocalDate reference = LocalDate.of(2026, 1, 1);
        for (Person p : generated(WORLD.persons())) {
            int age = Period.between(p.brdy(), reference).getYears();
            if ("310".equals(p.insutype())) {
                assertThat(p.psnType()).matches("1[12]0[123]");
                assertThat(p.accountBalance()).isNotNull();
                assertThat(p.accountBalance().scale()).isEqualTo(2);
                if (p.psnType().startsWith("12")) {
                    assertThat(age).isGreaterThanOrEqualTo("1".equals(p.gend()) ? 60 : 55);
                }
            } else {
                assertThat(p.accountBalance()).isNull();
                if (p.psnType().equals("1403")) {
                    assertThat(age).isBetween(7, 17);
                }
            }
            // 示范县 residents are insured in their pooling region.
            assertThat(p.insuredAdmdvs()).isNotEqualTo("990121");
        }
        assertThat(generated(WORLD.persons()).stream().map(Person::psnType).collect(Collectors.toSet()))
                .contains("1101", "1201", "1501", "1403");
    }

    @Test
    void institutionCodesAreTwelveCharactersUniqueAndTheMixIncludesPharmaciesAndAlliances() {
        Set<String> codes = new HashSet<>();
        for (Institution i : WORLD.institutions()) {
            assertThat(i.code()).hasSize(12);
            assertThat(codes.add(i.code())).as(i.code()).isTrue();
            assertThat(i.level() == null).isEqualTo("PHARMACY".equals(i.kind()));
        }
        List<Institution> generated = WORLD.institutions().subList(9, WORLD.institutions().size());
        assertThat(generated).anyMatch(i -> "PHARMACY".equals(i.kind()));
        assertThat(generated).anyMatch(i -> i.allianceCode() != null);
        assertThat(generated).anyMatch(Institution::xrInpatient);
        assertThat(WORLD.alliances()).extracting(DemoWorld.Alliance::code)
                .containsExactly("A990100001", "A990121001", "A990200001", "A980100001");
    }

    @Test
    void catalogueCodesAreUniquePerRegionAndIncludeRestrictionsOfEveryKind() {
        Set<String> keys = new HashSet<>();
        for (CatalogueItem c : WORLD.catalogueItems()) {
            assertThat(keys.add(c.admdvs() + "/" + c.code())).as(c.code()).isTrue();
            assertThat(c.selfpayProp().signum()).isEqualTo("01".equals(c.chrgitmLv()) ? 0 : 1);
        }
        List<CatalogueItem> items = WORLD.catalogueItems();
        assertThat(items).anyMatch(c -> c.minInstLevel() != null && !c.code().startsWith("XJ01DCT"));
        assertThat(items).anyMatch(c -> c.sexRestriction() != null);
        assertThat(items).anyMatch(c -> c.maxAge() != null || c.minAge() != null);
        assertThat(items).anyMatch(c -> c.maxDaysSupplied() != null);
        assertThat(items).filteredOn(CatalogueItem::nonDisease).hasSizeGreaterThan(3);
        assertThat(items).extracting(CatalogueItem::chrgitmLv).contains("01", "02", "03");
        assertThat(items).extracting(CatalogueItem::category).contains("DRUG", "SERVICE", "CONSUMABLE");
    }

    @Test
    void theNamedCertificateNumbersOfTheSpecHaveValidCheckDigits() {
        assertThat(List.of("990100198103150126", "990100195806200210", "990100195609020325", "990100196601180417",
                "990100197405050521", "990100196808110619", "990100196002270728", "990121198604100110"))
                .allMatch(CertificateNumbers::isValid);
        assertThat(CertificateNumbers.isValid("990100198103150127")).isFalse();
    }

    private static List<Person> generated(List<Person> persons) {
        return persons.subList(8, persons.size());
    }
}
