package org.yibao.server.console.web;

import java.time.Clock;
import java.time.YearMonth;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.engine.money.Money;
import org.yibao.server.payment.MonthlyClearing;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * R-PAY-7 in the console: the month's clearing statements, one statement as a printable page (and as
 * .xlsx through the API), and for administrators the issue of a month once it is over.
 */
@Controller
class ClearingPages {

    private final MonthlyClearing clearing;
    private final Clock clock;
    private final RefusalTexts texts;

    ClearingPages(MonthlyClearing clearing, Clock clock, RefusalTexts texts) {
        this.clearing = clearing;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/clearing")
    String month(@RequestParam(required = false) String month, Model model, Authentication authentication) {
        YearMonth m = Months.orLastMonth(month, clock);
        var statements = clearing.month(m);
        model.addAttribute("section", "clearing");
        model.addAttribute("month", m);
        model.addAttribute("statements", statements);
        model.addAttribute("total", statements.stream().map(MonthlyClearing.Statement::payable).reduce(Money.ZERO, Money::plus));
        model.addAttribute("over", m.isBefore(YearMonth.now(clock)));
        model.addAttribute("unissued", statements.stream().anyMatch(s -> !s.issued()));
        model.addAttribute("canDecide", InstitutionKeyPages.isAdmin(authentication));
        return "console/clearing";
    }

    @GetMapping("/clearing/{month}/{code}")
    String statement(@PathVariable String month, @PathVariable String code, Model model) {
        try {
            clearing.requireInstitution(code);
        } catch (NotFoundException e) {
            throw new PageNotFoundException(e.entity(), e.key());
        }
        model.addAttribute("section", "clearing");
        model.addAttribute("s", clearing.statement(code, Months.orLastMonth(month, clock)));
        return "console/clearing-statement";
    }

    @PostMapping("/clearing/{month}/issue")
    String issue(@PathVariable String month, Authentication authentication, RedirectAttributes redirect) {
        if (!InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
        YearMonth m = Months.orLastMonth(month, clock);
        try {
            clearing.issue(m);
            redirect.addFlashAttribute("flash", "rights.saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("clearingError", texts.text(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/clearing?month=" + m;
    }
}
