package org.yibao.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every R-INST-2 scale on and around its zero and full points, and the one rounding (half up, 2 decimals). */
class LinearScaleTest {

    static final EvaluationRules R = EvaluationRules.R_INST_2;

    @ParameterizedTest(name = "prescription qualification {0} → {1}")
    @CsvSource({"0.5000, 0.00", "0.7999, 0.00", "0.8000, 0.00", "0.8001, 0.01", "0.8750, 10.00", "0.9499, 19.99", "0.9500, 20.00",
            "0.9501, 20.00", "1.0000, 20.00"})
    void prescriptionIsZeroAtEightyPercentAndFullAtNinetyFive(String rate, String score) {
        assertThat(R.prescription().score(new BigDecimal(rate))).isEqualTo(score);
    }

    @ParameterizedTest(name = "hypertension management {0} → {1}")
    @CsvSource({"0.0000, 0.00", "0.2999, 0.00", "0.3000, 0.00", "0.3001, 0.01", "0.4500, 10.00", "0.5999, 19.99", "0.6000, 20.00",
            "0.6001, 20.00"})
    void hypertensionIsZeroAtThirtyPercentAndFullAtSixty(String rate, String score) {
        assertThat(R.hypertension().score(new BigDecimal(rate))).isEqualTo(score);
    }

    @ParameterizedTest(name = "length of stay ratio {0} → {1}")
    @CsvSource({"0.8000, 20.00", "1.0000, 20.00", "1.0001, 20.00", "1.0003, 19.99", "1.2500, 10.00", "1.4999, 0.00", "1.4997, 0.01",
            "1.5000, 0.00", "2.0000, 0.00"})
    void lengthOfStayIsFullAtPeersAverageAndZeroAtOneAndAHalfTimes(String ratio, String score) {
        // 1.0001 → 20 × 0.4999 ÷ 0.5 = 19.996 → 20.00: below the full point, rounded to it.
        assertThat(R.lengthOfStay().score(new BigDecimal(ratio))).isEqualTo(score);
    }

    @ParameterizedTest(name = "satisfaction {0} → {1}")
    @CsvSource({"0.5999, 0.00", "0.6000, 0.00", "0.6001, 0.01", "0.7500, 10.00", "0.8999, 19.99", "0.9000, 20.00", "0.9500, 20.00"})
    void satisfactionIsZeroAtSixtyPercentAndFullAtNinety(String rate, String score) {
        assertThat(R.satisfaction().score(new BigDecimal(rate))).isEqualTo(score);
    }

    @ParameterizedTest(name = "days without breach {0} → {1}")
    @CsvSource({"0, 0.00", "0.5000, 10.00", "0.99975, 20.00", "0.99974, 19.99", "0.00025, 0.01", "0.000249, 0.00", "1, 20.00"})
    void dataUploadIsTwentyTimesTheShareAndRoundsHalfUp(String share, String score) {
        // 20 × 0.00025 = 0.005 exactly → 0.01 (half up); 20 × 0.000249 = 0.00498 → 0.00.
        assertThat(R.dataUpload().score(new BigDecimal(share))).isEqualTo(score);
    }

    @Test
    void aScaleNeedsTwoDifferentPointsAndPositivePoints() {
        assertThatThrownBy(() -> LinearScale.of("1", "1", "20")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearScale.of("0", "1", "0")).isInstanceOf(IllegalArgumentException.class);
    }
}
