package org.yibao.server.calendar.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.calendar.WorkingCalendar;

/** Staff API of the working-day calendar: read a year; add, correct or remove a day (admins, clerks), audited. */
@RestController
@RequestMapping("/api/admin/calendar")
@Tag(name = "Working-day calendar", description = "Official rest days and make-up working days (R-CAL)")
class CalendarAdminController {

    private final WorkingCalendar calendar;

    CalendarAdminController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    record DayBody(@JsonProperty("kind") String kind, @JsonProperty("name") String name) {}

    @GetMapping("/{year}")
    @Operation(summary = "A year's listed days (shipped file and staff entries), whether its schedule is missing")
    WorkingCalendar.Year year(@PathVariable int year) {
        return calendar.year(year);
    }

    @PutMapping("/days/{date}")
    @Operation(summary = "Add or correct a day: kind HOLIDAY, WORKDAY or REGULAR, with its name")
    WorkingCalendar.Entry set(@PathVariable String date, @RequestBody(required = false) DayBody body) {
        return calendar.set(date, body == null ? null : body.kind(), body == null ? null : body.name());
    }

    @DeleteMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a day staff entered")
    void remove(@PathVariable String date) {
        calendar.remove(date);
    }
}
