package org.yibao.server.console.web;

import java.time.LocalDate;

/** The effective date an edit form proposes. */
final class EffectiveFrom {

    private EffectiveFrom() {}

    /**
     * Today, unless the version in force starts today or later: a change must start after it
     * (platform.reference.EffectiveDating), so then the day after it.
     */
    static LocalDate suggest(LocalDate today, LocalDate currentValidFrom) {
        return today.isAfter(currentValidFrom) ? today : currentValidFrom.plusDays(1);
    }
}
