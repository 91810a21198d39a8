package org.yibao.server.institution;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The state of an agreement on a day (R-INST-1, R-INST-4), computed from what is stored and the date,
 * so that expiry and the end of a rectification or suspension need no job and hold at any clock time.
 * Pure: no framework, no clock.
 */
public final class AgreementStates {

    private AgreementStates() {}

    /** The state of {@code a} on {@code day}, given the institution's sanctions. */
    public static AgreementState on(Agreement a, Collection<Sanction> sanctions, LocalDate day) {
        if (a.terminatedFrom() != null && !day.isBefore(a.terminatedFrom())) {
            return AgreementState.TERMINATED;
        }
        if (day.isAfter(a.endDate())) {
            return AgreementState.EXPIRED;
        }
        if ("APPLIED".equals(a.status())) {
            return AgreementState.APPLIED;
        }
        if (suspension(sanctions, day).isPresent()) {
            return AgreementState.SUSPENDED;
        }
        if (rectification(sanctions, day).isPresent()) {
            return AgreementState.RECTIFICATION;
        }
        return AgreementState.ACTIVE;
    }

    /** The suspension in force on the day that ends last (R-INST-4). */
    public static Optional<Sanction> suspension(Collection<Sanction> sanctions, LocalDate day) {
        return inForce(sanctions, Sanction.SUSPENSION, day);
    }

    /** The rectification in force on the day with the latest deadline. */
    public static Optional<Sanction> rectification(Collection<Sanction> sanctions, LocalDate day) {
        return inForce(sanctions, Sanction.RECTIFICATION, day);
    }

    private static Optional<Sanction> inForce(Collection<Sanction> sanctions, String kind, LocalDate day) {
        return sanctions.stream().filter(s -> s.kind().equals(kind) && s.inForceOn(day))
                .max(Comparator.comparing(Sanction::lastDay));
    }
}
