package org.yibao.server.evaluation.internal;

import org.springframework.stereotype.Component;
import org.yibao.server.evaluation.Evaluation;
import org.yibao.server.evaluation.Evaluations;
import org.yibao.server.institution.Agreement;
import org.yibao.server.institution.RenewalCondition;
import org.yibao.server.platform.web.ConflictException;

/**
 * R-INST-2 on renewal (续签): the agreement ending in year Y is renewed according to the latest FINAL
 * evaluation of Y. NOT_RENEWED refuses the renewal; RENEW_WITH_RECTIFICATION allows it and says so in
 * the renewal's history. Without a final evaluation of Y (drafts do not count) the renewal is decided by
 * the administrator alone, as before evaluations existed.
 */
@Component
class EvaluationRenewalCondition implements RenewalCondition {

    private final Evaluations evaluations;

    EvaluationRenewalCondition(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public String check(String fixmedinsCode, Agreement agreement) {
        int year = agreement.endDate().getYear();
        Evaluation e = evaluations.latestFinal(fixmedinsCode, year).orElse(null);
        if (e == null) {
            return null;
        }
        if ("NOT_RENEWED".equals(e.decision())) {
            throw new ConflictException("evaluation", "not_renewed", "cannot renew agreement " + agreement.id() + " ("
                    + agreement.startDate() + " – " + agreement.endDate() + "): the annual evaluation of " + year + " (version "
                    + e.version() + ", total " + e.total() + ") decided NOT_RENEWED (不予续签, below 60.00)");
        }
        if ("RENEW_WITH_RECTIFICATION".equals(e.decision())) {
            return "年度考核 " + year + " 总分 " + e.total() + "：整改后续签 (renew with rectification)";
        }
        return null;
    }
}
