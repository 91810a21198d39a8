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
import org.yibao.server.payment.Capitations;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * R-PAY-6 in the console: a month's family-doctor capitation per centre (paid, or what it would be), and
 * for administrators the run that pays a month once it is over (URL security; the form is shown to them only).
 */
@Controller
class CapitationPages {

    private final Capitations capitations;
    private final Clock clock;
    private final RefusalTexts texts;

    CapitationPages(Capitations capitations, Clock clock, RefusalTexts texts) {
        this.capitations = capitations;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/capitation")
    String page(@RequestParam(required = false) String month, Model model, Authentication authentication) {
        YearMonth m = Months.orLastMonth(month, clock);
        var rows = capitations.month(m);
        model.addAttribute("section", "capitation");
        model.addAttribute("month", m);
        model.addAttribute("rows", rows);
        model.addAttribute("total", rows.stream().map(r -> r.payment().net()).reduce(Money.ZERO, Money::plus));
        model.addAttribute("over", m.isBefore(YearMonth.now(clock)));
        model.addAttribute("unpaid", rows.stream().anyMatch(r -> !r.paid()));
        model.addAttribute("canDecide", InstitutionKeyPages.isAdmin(authentication));
        return "console/capitation";
    }

    @PostMapping("/capitation/{month}/run")
    String run(@PathVariable String month, Authentication authentication, RedirectAttributes redirect) {
        if (!InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
        YearMonth m = Months.orLastMonth(month, clock);
        try {
            capitations.run(m);
            redirect.addFlashAttribute("flash", "rights.saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("capitationError", texts.text(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/capitation?month=" + m;
    }
}
