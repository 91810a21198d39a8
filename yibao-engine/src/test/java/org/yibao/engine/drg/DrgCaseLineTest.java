package org.yibao.engine.drg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** README §1: the input line, parsed as the upstream proxy does, with clear errors where it crashes. */
class DrgCaseLineTest {

    @Test
    void readsTheTenFieldsInOrder() {
        DrgCase c = DrgCaseLine.parse("S1,2,6,2418,0,13040503,53,5,K83.013|D75.807,51.9305|51.8800x006", 1);
        assertThat(c).isEqualTo(new DrgCase("S1", "2", 6, 2418, 0, "13040503", 53, "5", List.of("K83.013", "D75.807"),
                List.of("51.9305", "51.8800x006")));
    }

    @Test
    void fieldsAfterTheTenthAreIgnoredSoResultFilesReadBack() {
        DrgCase c = DrgCaseLine.parse("S1,1,60,21936,,,43,5,D69.102,37.1000x007,QT15,MDCQ,QT1,SUCCESS", 1);
        assertThat(c.procedures()).containsExactly("37.1000x007");
    }

    @Test
    void numbersAreTruncatedTowardZeroAndEmptyIsZero() {
        DrgCase c = DrgCaseLine.parse("S1,1.0,60.9,,,1301.0,7.5,1.0,A00.100", 1);
        assertThat(c.ageYears()).isEqualTo(60);
        assertThat(c.ageDays()).isZero();
        assertThat(c.weightGrams()).isZero();
        assertThat(c.losDays()).isEqualTo(7);
        assertThat(c.dept()).isEqualTo("1301");
        assertThat(c.leavingType()).isEqualTo("1");
        assertThat(c.sex()).isEqualTo("1.0");
    }

    @Test
    void emptyDiagnosisItemsAreKeptAndAnEmptyProcedureFieldIsNoProcedure() {
        DrgCase c = DrgCaseLine.parse("S1,1,60,0,0,,7,1,A00.100|,", 1);
        assertThat(c.diagnoses()).containsExactly("A00.100", "");
        assertThat(c.procedures()).isEmpty();
        assertThat(DrgCaseLine.parse("S1,1,60,0,0,,7,1,,47.0901", 1).diagnoses()).containsExactly("");
    }

    @Test
    void commasInsideQuotesSeparateCodes() {
        DrgCase c = DrgCaseLine.parse("S1,1,60,0,0,,7,1,\"K35.800x001,A00.100\",\"47.0901,89.0100\"", 1);
        assertThat(c.diagnoses()).containsExactly("K35.800x001", "A00.100");
        assertThat(c.procedures()).containsExactly("47.0901", "89.0100");
    }

    @Test
    void bothCodeFieldsEmptyIsACaseTheGrouperRefusesNotACrash() {
        DrgCase c = DrgCaseLine.parse("S1,1,60,0,0,,7,1,,", 1);
        assertThat(c.diagnoses()).containsExactly("");
        assertThat(new DrgGrouper(SharedChsDrgData.SHIPPED).group(c).status()).isEqualTo(GroupingStatus.CHECK_FAILED);
    }

    @Test
    void aNonNumericAgeNamesLineColumnAndWhatIsExpected() {
        assertThatThrownBy(() -> DrgCaseLine.parse("S1,1,sixty,0,0,,7,1,A00.100", 12))
                .isInstanceOfSatisfying(MalformedCaseLineException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(12);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("age");
                    assertThat(e.value()).isEqualTo("sixty");
                })
                .hasMessage("line 12, column 3 (age): got \"sixty\"; expected age in whole years, e.g. 45 (empty counts as 0)");
    }

    @Test
    void aWeightThatIsNotANumberIsColumnFive() {
        assertThatThrownBy(() -> DrgCaseLine.parse("S1,1,0,3,3kg,,7,1,P07.300x011", 4))
                .isInstanceOfSatisfying(MalformedCaseLineException.class, e -> assertThat(e.column()).isEqualTo(5));
    }

    @Test
    void anAbsurdlyLargeNumberIsRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> DrgCaseLine.parse("S1,1,99999999999,0,0,,7,1,A00.100", 1))
                .isInstanceOf(MalformedCaseLineException.class).hasMessageContaining("column 3 (age)");
    }

    @Test
    void tooFewFieldsIsRefusedWithTheExpectedLayout() {
        assertThatThrownBy(() -> DrgCaseLine.parse("S1,1,60,0,0,A00.100", 7))
                .isInstanceOf(MalformedCaseLineException.class)
                .hasMessageStartingWith("line 7; expected at least 9 comma-separated fields (index,sex,age,")
                .hasMessageEndingWith("found 6");
    }

    @Test
    void aHeaderRowIsRecognised() {
        assertThat(DrgCaseLine.isHeader("Index,gender,age,ageDay,weight,dept,inHospitalTime,leavingType,zdList,ssList")).isTrue();
        assertThat(DrgCaseLine.isHeader("S1,1,60,0,0,,7,1,A00.100")).isFalse();
    }
}
