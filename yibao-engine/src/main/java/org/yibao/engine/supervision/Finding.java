package org.yibao.engine.supervision;

import java.util.List;
import org.yibao.engine.money.Money;

/**
 * What a rule found (违规线索): the rule, a sentence an institution understands ({@code vola_cont}),
 * the amount involved ({@code vola_amt}, to the fen), the severity and the evidence.
 *
 * @param encounterId the visit the finding is about; null for an institution indicator
 * @param patientId   null for an institution indicator
 */
public record Finding(String ruleId, String ruleName, Severity severity, String behaviourType, String content,
                      Money amount, String patientId, String encounterId, String institutionCode, List<Evidence> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
