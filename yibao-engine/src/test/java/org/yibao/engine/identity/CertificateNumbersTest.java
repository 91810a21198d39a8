package org.yibao.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** GB 11643-1999 on the demo cast's numbers (DOMAIN §2.3), which carry valid check digits. */
class CertificateNumbersTest {

    @Test
    void theDemoCastsNumbersAreValid() {
        for (String certno : new String[] {"990100198103150126", "990100195806200210", "990100195609020325", "990100196601180417",
                "990100197405050521", "990100196808110619", "990100196002270728", "990121198604100110"}) {
            assertThat(CertificateNumbers.isValid(certno)).as(certno).isTrue();
        }
    }

    @Test
    void aMistypedDigitBreaksTheCheck() {
        assertThat(CertificateNumbers.isValid("990100198103150127")).isFalse();
        assertThat(CertificateNumbers.isValid("990100198103151126")).isFalse();
        assertThat(CertificateNumbers.isValid("99010019810315012")).isFalse();
    }

    @Test
    void theNumberEncodesBirthDateAndSex() {
        assertThat(CertificateNumbers.birthDate("990100198103150126")).contains(LocalDate.of(1981, 3, 15));
        assertThat(CertificateNumbers.sex("990100198103150126")).isEqualTo("2");
        assertThat(CertificateNumbers.sex("990100195806200210")).isEqualTo("1");
    }
}
