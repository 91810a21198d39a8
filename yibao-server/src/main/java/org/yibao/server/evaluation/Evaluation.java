package org.yibao.server.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One stored evaluation (version) of an institution's year (R-INST-2).
 *
 * @param status          DRAFT (replaced by the next run) or FINAL (never changed; a new run makes the next version)
 * @param chronicBasis    HYPERTENSION_MANAGEMENT (community centre) or LENGTH_OF_STAY
 * @param quotaAdjustment next year's payment quota as a ratio, −0.0500 = −5%; 0 when none
 * @param indicators      the five indicators with raw value, basis and score
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Evaluation(long id, String fixmedinsCode, int year, int version, String status, String name, String kind, Integer level,
                         String poolingAdmdvs, String chronicBasis, BigDecimal total, String decision, BigDecimal quotaAdjustment,
                         String quotaReason, Instant evaluatedAt, String evaluatedBy, Instant finalisedAt, String finalisedBy,
                         List<Indicator> indicators) {

    public static final String DRAFT = "DRAFT";
    public static final String FINAL = "FINAL";

    /** One indicator as stored. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Indicator(String indicator, BigDecimal value, String basis, BigDecimal score, BigDecimal points, boolean noData) {}

    public boolean isFinal() {
        return FINAL.equals(status);
    }

    public boolean hasQuotaAdjustment() {
        return quotaAdjustment != null && quotaAdjustment.signum() != 0;
    }

    Evaluation withIndicators(List<Indicator> list) {
        return new Evaluation(id, fixmedinsCode, year, version, status, name, kind, level, poolingAdmdvs, chronicBasis, total, decision,
                quotaAdjustment, quotaReason, evaluatedAt, evaluatedBy, finalisedAt, finalisedBy, list);
    }
}
