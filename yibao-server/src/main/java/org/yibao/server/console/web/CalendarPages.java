package org.yibao.server.console.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.calendar.WorkingCalendar;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * The working-day calendar (工作日历, R-CAL): a year's twelve months with rest days, holidays and make-up
 * working days; a warning when the year has no schedule (weekends only are counted); for ADMIN and
 * CLERK a form to add or correct a day and a button to remove a day staff entered.
 */
@Controller
class CalendarPages {

    /** A day in a month grid (null cells pad the first and last week). */
    record Cell(LocalDate date, boolean working, String kind, String name) {}

    /** A month as weeks of seven cells, Monday first. */
    record Month(int month, List<List<Cell>> weeks) {}

    private final WorkingCalendar calendar;
    private final Clock clock;
    private final RefusalTexts texts;

    CalendarPages(WorkingCalendar calendar, Clock clock, RefusalTexts texts) {
        this.calendar = calendar;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/calendar")
    String year(@RequestParam(required = false) String year, Model model) {
        Integer y = Params.integer(year);
        int shown = y == null || y < 2000 || y > 2100 ? LocalDate.now(clock).getYear() : y;
        WorkingCalendar.Year data = calendar.year(shown);
        Map<LocalDate, WorkingCalendar.Entry> listed = data.days().stream()
                .collect(Collectors.toMap(WorkingCalendar.Entry::date, Function.identity()));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(shown, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int pad = 1; pad < ym.atDay(1).getDayOfWeek().getValue(); pad++) {
                week.add(null);
            }
            for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
                WorkingCalendar.Entry e = listed.get(d);
                week.add(new Cell(d, calendar.isWorkingDay(d), e == null ? null : e.kind(), e == null ? null : e.name()));
                if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        model.addAttribute("section", "calendar");
        model.addAttribute("year", data);
        model.addAttribute("months", months);
        return "console/calendar";
    }

    @PostMapping("/calendar/days")
    String set(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
               @RequestParam(required = false) String name, Authentication authentication, RedirectAttributes redirect) {
        Editors.require(authentication);
        try {
            calendar.set(date, kind, name);
            redirect.addFlashAttribute("saved", date);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.messages(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/calendar?year=" + yearOf(date);
    }

    @PostMapping("/calendar/days/{date}/delete")
    String remove(@PathVariable String date, Authentication authentication, RedirectAttributes redirect) {
        Editors.require(authentication);
        try {
            calendar.remove(date);
            redirect.addFlashAttribute("removed", date);
        } catch (InvalidInputException | NotFoundException e) {
            redirect.addFlashAttribute("errors", List.of(texts.text(e.getMessage(), LocaleContextHolder.getLocale())));
        }
        return "redirect:/calendar?year=" + yearOf(date);
    }

    /** The year of a typed date, for the redirect; digits only, never the raw input. */
    private static String yearOf(String date) {
        return date != null && date.strip().matches("\\d{4}-.*") ? date.strip().substring(0, 4) : "";
    }
}
