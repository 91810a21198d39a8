package org.yibao.server.console.web;

import java.math.BigDecimal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * A console form that decides money (budget terms, settle-ups, DIP budgets and runs): administrators only;
 * a refusal is shown on the page it came from (flash attribute {@code errorAttribute}) in the page's language, a success as saved.
 */
final class AdminDecisions {

    private AdminDecisions() {}

    static String decide(Authentication authentication, RedirectAttributes redirect, RefusalTexts texts, String errorAttribute, String backTo,
                         Runnable change) {
        if (!InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
        try {
            change.run();
            redirect.addFlashAttribute("flash", "rights.saved");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(errorAttribute, texts.text(e, LocaleContextHolder.getLocale()));
        } catch (NotFoundException e) {
            throw new PageNotFoundException(e.entity(), e.key());
        }
        return "redirect:" + backTo;
    }

    /** A form's decimal field: null when blank, else the number (400 naming the field when it is none). */
    static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "format", "a decimal number (got " + value + ")");
        }
    }
}
