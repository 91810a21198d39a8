package org.yibao.server.console.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.institution.UploadCompliance;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * R-INST-3 in the console: an administrator runs the upload-compliance evaluation of a day from the
 * agreements page (URL security lets only ADMIN post here; the page shows the form to ADMIN only).
 */
@Controller
class UploadCompliancePages {

    private final UploadCompliance compliance;
    private final RefusalTexts texts;

    UploadCompliancePages(UploadCompliance compliance, RefusalTexts texts) {
        this.compliance = compliance;
        this.texts = texts;
    }

    @PostMapping("/upload-compliance/evaluate")
    String evaluate(@RequestParam(required = false) String day, Authentication authentication, RedirectAttributes redirect) {
        if (!InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
        try {
            LocalDate d = LocalDate.parse(day == null ? "" : day.strip());
            UploadCompliance.Evaluation e = compliance.evaluate(d, null);
            redirect.addFlashAttribute("complianceResult", new Object[] {d, e.institutions().size(),
                    e.institutions().stream().filter(UploadCompliance.Day::breach).count(), e.newSuspensions().size()});
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("complianceError", texts.text("日期格式应为 yyyy-MM-dd", LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("complianceError", texts.text(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/agreements#upload-compliance";
    }
}
