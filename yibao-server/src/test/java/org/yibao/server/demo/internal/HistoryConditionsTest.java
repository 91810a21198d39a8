package org.yibao.server.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yibao.server.demo.internal.HistoryConditions.Code;
import org.yibao.server.demo.internal.HistoryConditions.Condition;

/** Every code the demo history writes into a case record is in the bundled 医保版 dictionaries, with their name. */
class HistoryConditionsTest {

    private static Map<String, String> dictionary(String resource) throws IOException {
        Map<String, String> codes = new HashMap<>();
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].split("\t");
                codes.put(cols[0], cols[1].strip());
            }
        }
        return codes;
    }

    @Test
    void diagnosesAndProceduresOfTheHistoryAreValidCodesWithTheirNames() throws IOException {
        Map<String, String> icd10 = dictionary("reference/chs-drg-1.1/icd10.tsv");
        Map<String, String> icd9 = dictionary("reference/chs-drg-1.1/icd9cm3.tsv");
        for (Condition c : HistoryConditions.INPATIENT) {
            assertThat(icd10).containsEntry(c.diagnosis().code(), c.diagnosis().name());
            for (Code s : c.secondary()) {
                assertThat(icd10).containsEntry(s.code(), s.name());
            }
            for (Code p : c.procedures()) {
                assertThat(icd9).containsEntry(p.code(), p.name());
            }
            assertThat(c.minDays()).isPositive().isLessThanOrEqualTo(c.maxDays());
        }
        for (Code o : HistoryConditions.OUTPATIENT) {
            assertThat(icd10).containsEntry(o.code(), o.name());
        }
    }
}
