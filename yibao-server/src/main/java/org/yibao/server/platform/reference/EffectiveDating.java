package org.yibao.server.platform.reference;

import java.time.LocalDate;
import org.yibao.server.platform.web.InvalidInputException;

/**
 * The rule every effective-dated change follows (R-REF-5): the version in force is closed on the day
 * the new one starts, so the new one must start after the version it replaces. Rows are never edited
 * in place except to set valid_to, so a same-day correction is a new version the next day at the
 * earliest, and backdating before the current version is refused.
 */
public final class EffectiveDating {

    private EffectiveDating() {}

    public static void requireAfter(LocalDate effectiveFrom, LocalDate currentValidFrom) {
        if (!effectiveFrom.isAfter(currentValidFrom)) {
            throw new InvalidInputException("effectiveFrom", "after_current_version",
                    "effectiveFrom " + effectiveFrom + " must be after the start of the version in force ("
                            + currentValidFrom + "); a change can only take effect from a later date");
        }
    }
}
