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
 * @param decidedBy the staff user who recorded the decision
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Sanction(long id, String fixmedinsCode, long agreementId, String kind, LocalDate decisionDate, LocalDate startDate,
                       LocalDate endDate, String reason, String evidence, String decidedBy, Instant recordedAt) {

    public static final String RECTIFICATION = "RECTIFICATION";
    public static final String SUSPENSION = "SUSPENSION";
    public static final String TERMINATION = "TERMINATION";

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }
}
