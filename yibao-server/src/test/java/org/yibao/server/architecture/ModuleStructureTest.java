package org.yibao.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.yibao.server.YibaoApplication;

/**
 * The layout shows the domain: each direct sub-package of {@code org.yibao.server} is a bounded
 * context whose internals (sub-packages) no other context may touch, with no cycles between
 * contexts (Spring Modulith). ArchUnit adds what Modulith does not check.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(YibaoApplication.class);

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yibao.server");

    /** Contexts that hold or move money: no binary floating point in them. */
    private static final String[] MONEY_CONTEXTS = {
        "org.yibao.server.insured..", "org.yibao.server.catalog..", "org.yibao.server.policy..",
        "org.yibao.server.settlement..", "org.yibao.server.ledger..", "org.yibao.server.payment..",
        "org.yibao.server.crossregion..", "org.yibao.server.gateway..", "org.yibao.server.supervision.."
    };

    @Test
    void contextsOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void moduleDocumentationIsWritten() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }

    @Test
    void moneyCodeUsesNoBinaryFloatingPoint() {
        noFields().that().areDeclaredInClassesThat().resideInAnyPackage(MONEY_CONTEXTS)
                .should().haveRawType(double.class).orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class)
                .because("money is exact (STYLE.md)")
                .allowEmptyShould(true)
                .check(SERVER);
        noMethods().that().areDeclaredInClassesThat().resideInAnyPackage(MONEY_CONTEXTS)
                .should().haveRawReturnType(double.class).orShould().haveRawReturnType(float.class)
                .because("money is exact (STYLE.md)")
                .allowEmptyShould(true)
                .check(SERVER);
        noClasses().that().resideInAnyPackage(MONEY_CONTEXTS)
                .should().callMethod(java.math.BigDecimal.class, "valueOf", double.class)
                .orShould().callConstructor(java.math.BigDecimal.class, double.class)
                .orShould().callMethod(java.math.BigDecimal.class, "doubleValue")
                .because("a BigDecimal made from or turned into a double is no longer exact")
                .allowEmptyShould(true)
                .check(SERVER);
    }
}
