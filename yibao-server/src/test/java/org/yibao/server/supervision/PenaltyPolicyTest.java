package org.yibao.server.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The penalty policy file (R-SUP-4, R-SUP-5): the shipped ranges, and a malformed line refused with its line and reason. */
class PenaltyPolicyTest {

    static final String HEADER = "violation\tsubject\tname_zh\tname_en\tfine_min\tfine_max\trefund\tmeasures\tmeasure_required\tmonths_min\tmonths_max\n";

    @Test
    void theShippedPolicyHasTheRangesOfTheDomain() {
        PenaltyPolicy p = PenaltyPolicy.load();
        PenaltyPolicy.Violation split = p.find("SPLIT_OR_HANGING_BED").orElseThrow();
        assertThat(split.fineRange()).isEqualTo("3–8×");
        assertThat(split.measures()).contains("TERMINATION");
        PenaltyPolicy.Violation substitution = p.find("SUBSTITUTION").orElseThrow();
        assertThat(substitution.fineRange()).isEqualTo("2–5×");
        assertThat(substitution.measures()).containsExactly("SUSPENSION");
        assertThat(substitution.monthsMin()).isEqualTo(3);
        assertThat(substitution.monthsMax()).isEqualTo(6);
        PenaltyPolicy.Violation credential = p.find("credential_misuse").orElseThrow();
        assertThat(credential.subject()).isEqualTo("PERSON");
        assertThat(credential.fineRange()).isEqualTo("1–3×");
        assertThat(credential.measures()).containsExactly("BENEFIT_SUSPENSION");
        assertThat(p.find("DRUG_RESELLING").orElseThrow().monthsMax()).isEqualTo(36);
        assertThat(p.find("NO_SUCH")).isEmpty();
    }

    @Test
    void aMalformedLineIsRefusedWithTheLineAndTheReason() {
        assertThatThrownBy(() -> PenaltyPolicy.parse("p.tsv", HEADER + "SPLIT\tINSTITUTION\t分解住院\tSplit\t8\t3\tyes\tNONE\tno\t\t\n"))
                .hasMessageContaining("p.tsv:2").hasMessageContaining("fine_min ≤ fine_max");
        assertThatThrownBy(() -> PenaltyPolicy.parse("p.tsv", HEADER + "MISUSE\tPERSON\t冒名\tMisuse\t1\t3\tyes\tSUSPENSION\tyes\t3\t6\n"))
                .hasMessageContaining("p.tsv:2").hasMessageContaining("measure SUSPENSION is not one of");
        assertThatThrownBy(() -> PenaltyPolicy.parse("p.tsv", HEADER + "MISUSE\tPERSON\t冒名\tMisuse\t1\t3\tyes\tBENEFIT_SUSPENSION\tyes\t6\t3\n"))
                .hasMessageContaining("months_min ≤ months_max");
        assertThatThrownBy(() -> PenaltyPolicy.parse("p.tsv", HEADER + "MISUSE\tPERSON\t冒名\tMisuse\t1\n"))
                .hasMessageContaining("11 tab-separated cells");
        assertThatThrownBy(() -> PenaltyPolicy.parse("p.tsv", HEADER + "A\tPERSON\tx\tx\t\t\tmaybe\tNONE\tno\t\t\n"))
                .hasMessageContaining("violation code A");
    }
}
