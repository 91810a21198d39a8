package org.yibao.server.institution;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One recorded transition of an agreement: what, from which state to which, from when, why, by whom. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgreementEvent(long id, long agreementId, String action, String fromState, String toState, LocalDate effectiveDate,
                             String reason, Long sanctionId, Instant recordedAt, String recordedBy) {}
