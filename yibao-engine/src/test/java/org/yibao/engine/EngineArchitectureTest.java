package org.yibao.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure computation, so that batch engines can run it unchanged: no framework, no I/O,
 * and no binary floating point anywhere (money, ratios and prices are exact decimal types).
 */
class EngineArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yibao.engine");

    @Test
    void engineImportsNoFrameworkAndDoesNoIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta..", "javax..", "tools.jackson..", "com.fasterxml..",
                        "org.slf4j..", "java.sql..", "java.net..", "java.nio.file..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .because("the engine is pure: the server does persistence and I/O, the engine computes")
                .allowEmptyShould(true)
                .check(ENGINE);
    }

    @Test
    void engineUsesNoBinaryFloatingPoint() {
        noFields().should().haveRawType(double.class).orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class)
                .because("money and ratios are exact decimals (STYLE.md: money is exact)")
                .allowEmptyShould(true)
                .check(ENGINE);
        noMethods().should().haveRawReturnType(double.class).orShould().haveRawReturnType(float.class)
                .because("money and ratios are exact decimals")
                .allowEmptyShould(true)
                .check(ENGINE);
        noClasses().should().callMethod(java.math.BigDecimal.class, "valueOf", double.class)
                .orShould().callConstructor(java.math.BigDecimal.class, double.class)
                .orShould().callMethod(java.math.BigDecimal.class, "doubleValue")
                .because("a BigDecimal made from or turned into a double is no longer exact")
                .allowEmptyShould(true)
                .check(ENGINE);
    }
}
