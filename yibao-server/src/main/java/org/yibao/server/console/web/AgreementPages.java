package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.institution.AgreementState;
import org.yibao.server.institution.Agreements;
import org.yibao.server.institution.Sanctions;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;

/**
 * Service agreements (R-INST-1) and graded sanctions (R-INST-4) in the console: the register of
 * institutions by agreement state, and the forms on an institution's page. Changing is for ADMIN only
 * (as the URL security says); a refusal shows the institution's page again (400) with the message.
 */
@Controller
class AgreementPages {

    private final Agreements agreements;
    private final Sanctions sanctions;
    private final InstitutionPages pages;
    private final MessageSource messages;
    private final Clock clock;

    AgreementPages(Agreements agreements, Sanctions sanctions, InstitutionPages pages, MessageSource messages, Clock clock) {
        this.agreements = agreements;
        this.sanctions = sanctions;
        this.pages = pages;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/agreements")
    String register(@RequestParam(required = false) String state, Model model, Authentication authentication) {
        String filter = state == null || state.isBlank() ? null : state;
        model.addAttribute("canDecide", InstitutionKeyPages.isAdmin(authentication));
        model.addAttribute("yesterday", LocalDate.now(clock).minusDays(1));
        model.addAttribute("section", "agreements");
        model.addAttribute("state", filter);
        model.addAttribute("states", AgreementState.values());
        model.addAttribute("rows", agreements.register(LocalDate.now(clock), filter));
        return "console/agreements";
    }

    @PostMapping("/institutions/{code}/agreements")
    String apply(@PathVariable String code, @RequestParam Map<String, String> params, Authentication authentication, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        return change(code, authentication, model, response, redirect,
                () -> agreements.apply(code, date(params, "start_date"), params.get("reason")));
    }

    @PostMapping("/institutions/{code}/agreements/{id}/{action}")
    String transition(@PathVariable String code, @PathVariable long id, @PathVariable String action,
                      @RequestParam Map<String, String> params, Authentication authentication, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        return change(code, authentication, model, response, redirect, () -> switch (action) {
            case "activate" -> agreements.activate(code, id, params.get("reason"));
            case "renew" -> agreements.renew(code, id, params.get("reason"));
            case "terminate" -> agreements.terminate(code, id, date(params, "date"), params.get("reason"));
            default -> throw new NotFoundException("agreement action", action);
        });
    }

    @PostMapping("/institutions/{code}/sanctions")
    String decide(@PathVariable String code, @RequestParam Map<String, String> params, Authentication authentication, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return change(code, authentication, model, response, redirect, () -> sanctions.decide(code, new Sanctions.Decision(
                params.get("kind"), date(params, "decision_date"), date(params, "start_date"), date(params, "end_date"),
                params.get("reason"), params.get("evidence"))));
    }

    @PostMapping("/institutions/{code}/sanctions/{id}/lift")
    String lift(@PathVariable String code, @PathVariable long id, @RequestParam Map<String, String> params, Authentication authentication,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(code, authentication, model, response, redirect,
                () -> sanctions.lift(code, id, date(params, "lifted_from"), params.get("reason")));
    }

    private String change(String code, Authentication authentication, Model model, HttpServletResponse response,
                          RedirectAttributes redirect, Supplier<Object> change) {
        if (!InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
        String error;
        try {
            change.get();
            redirect.addFlashAttribute("flash", "rights.saved");
            return "redirect:/institutions/" + code + "#agreement";
        } catch (InvalidInputException e) {
            error = e.errors().stream().map(f -> refusal(f.field(), f.rule(), f.message())).reduce((a, b) -> a + "；" + b).orElse("");
        } catch (ConflictException e) {
            error = refusal(e.field(), e.rule(), e.getMessage());
        } catch (NotFoundException e) {
            throw new PageNotFoundException(e.entity(), e.key());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("agreementError", error);
        return pages.detail(code, null, model, authentication);
    }

    /**
     * A refusal in the console's language: {@code refusal.<field>.<rule>} or {@code refusal.<rule>} from the
     * messages (the service's own detail as {0}), else the service's message as it is (English).
     */
    private String refusal(String field, String rule, String detail) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] args = {detail, messages.getMessage("refusal.field." + field, null, field, locale)};
        String general = messages.getMessage("refusal." + rule, args, null, locale);
        return messages.getMessage("refusal." + field + "." + rule, args, general == null ? field + ": " + detail : general, locale);
    }

    /** A date field of the form; blank is absent, a malformed one is refused naming the field. */
    private static LocalDate date(Map<String, String> params, String field) {
        String v = params.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "format", "a date YYYY-MM-DD (got " + v + ")");
        }
    }
}
