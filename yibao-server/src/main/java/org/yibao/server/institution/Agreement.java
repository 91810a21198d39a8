package org.yibao.server.institution;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A one-year service agreement (服务协议, R-INST-1) of an institution, as stored.
 *
 * @param status         APPLIED, ACTIVE or TERMINATED (the stored part of the state)
 * @param renewsId       the agreement this one renews (续签), if any
 * @param terminatedFrom first day on which it no longer holds, when terminated
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Agreement(long id, String fixmedinsCode, LocalDate startDate, LocalDate endDate, String status, Long renewsId,
                        LocalDate terminatedFrom, Instant recordedAt, String recordedBy) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    /** Covers the day and is not terminated by then (a later agreement may cover the rest of a terminated period). */
    public boolean holdsOn(LocalDate day) {
        return covers(day) && (terminatedFrom == null || day.isBefore(terminatedFrom));
    }
}
