package org.yibao.engine.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE "Money is exact" and "pure computation has no framework imports", for money and policy. */
class MoneyAndPolicyPurityTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yibao.engine.money", "org.yibao.engine.policy");

    @Test
    void moneyAndPolicyDependOnlyOnTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.yibao.engine..").check(CLASSES);
    }

    @Test
    void noFloatingPointNearMoney() {
        noFields().should().haveRawType(double.class).orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class).check(CLASSES);
        noMethods().should().haveRawReturnType(double.class).orShould().haveRawReturnType(float.class).check(CLASSES);
    }
}
