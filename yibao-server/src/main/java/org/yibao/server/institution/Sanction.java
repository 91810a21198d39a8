package org.yibao.server.institution;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A graded sanction (阶梯式处罚, R-INST-4) decided by staff.
 *
 * @param kind      RECTIFICATION (约谈整改, until the deadline {@code endDate}; settlement allowed),
 *                  SUSPENSION (暂停结算 {@code startDate}..{@code endDate} inclusive) or TERMINATION
 *                  (解除协议 from {@code startDate}, no end)
 * @param evidence  text or reference of the evidence (证据)
 * @param decidedBy  the staff user who recorded the decision
 * @param liftedFrom first day on which a lifted sanction no longer applies (rectification accepted as done,
 *                   suspension ended early or withdrawn); null while not lifted. The decided dates stay as decided.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Sanction(long id, String fixmedinsCode, long agreementId, String kind, LocalDate decisionDate, LocalDate startDate,
                       LocalDate endDate, String reason, String evidence, String decidedBy, Instant recordedAt, LocalDate liftedFrom,
                       String liftReason, String liftedBy, Instant liftedAt) {

    public static final String RECTIFICATION = "RECTIFICATION";
    public static final String SUSPENSION = "SUSPENSION";
    public static final String TERMINATION = "TERMINATION";

    /** A sanction as decided, not lifted. */
    public Sanction(long id, String fixmedinsCode, long agreementId, String kind, LocalDate decisionDate, LocalDate startDate,
                    LocalDate endDate, String reason, String evidence, String decidedBy, Instant recordedAt) {
        this(id, fixmedinsCode, agreementId, kind, decisionDate, startDate, endDate, reason, evidence, decidedBy, recordedAt, null, null,
                null, null);
    }

    /** The last day the sanction applies: the decided end, or the day before it was lifted; null for a termination. */
    public LocalDate lastDay() {
        return liftedFrom == null ? endDate : liftedFrom.minusDays(1);
    }

    public boolean lifted() {
        return liftedFrom != null;
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(startDate) && (lastDay() == null || !day.isAfter(lastDay()));
    }
}
