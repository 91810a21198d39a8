package org.yibao.engine.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day the official schedule (国务院办公厅放假安排) lists: a public holiday (法定节假日, a rest day even on a
 * weekday), a make-up working day (调休上班, a working day even on a weekend), or, entered by staff to
 * correct a listed day, an ordinary day that follows the weekday rule.
 */
public record SpecialDay(LocalDate date, Kind kind, String name) {

    public enum Kind {
        /** 法定节假日: a rest day. */
        HOLIDAY,
        /** 调休上班: a working day. */
        WORKDAY,
        /** An ordinary day (Monday–Friday working, weekend rest): cancels a listed entry. */
        REGULAR
    }

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name.strip();
    }
}
