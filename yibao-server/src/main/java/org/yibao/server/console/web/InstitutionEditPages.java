package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.console.internal.InstitutionQueries;
import org.yibao.server.console.internal.InstitutionQueries.InstitutionRow;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * Changing an institution from the console (R-REF-5): a new version from an effective date, through
 * {@link Institutions#change}, which validates, closes the version in force and audits, all in one
 * transaction. A refusal re-renders the form with each field's message and writes nothing.
 */
@Controller
class InstitutionEditPages {

    private final Institutions institutions;
    private final InstitutionQueries queries;
    private final MessageSource messages;
    private final RefusalTexts texts;
    private final Clock clock;

    InstitutionEditPages(Institutions institutions, InstitutionQueries queries, MessageSource messages, RefusalTexts texts, Clock clock) {
        this.institutions = institutions;
        this.queries = queries;
        this.messages = messages;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/institutions/{code}/edit")
    String form(@PathVariable String code, Authentication authentication, Model model, Locale locale) {
        Editors.require(authentication);
        InstitutionRow current = current(code);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", current.name());
        values.put("level", current.level() == null ? "" : current.level().toString());
        values.put("kind", current.kind());
        values.put("alliance_code", current.allianceCode() == null ? "" : current.allianceCode());
        values.put("address", current.address() == null ? "" : current.address());
        putFlag(values, "designated", current.designated());
        putFlag(values, "xr_inpatient", current.xrInpatient());
        putFlag(values, "xr_outpatient", current.xrOutpatient());
        putFlag(values, "xr_chronic", current.xrChronic());
        values.put("effectiveFrom", EffectiveFrom.suggest(LocalDate.now(clock), current.validFrom()).toString());
        return render(current, new EditForm(values, messages, texts, locale), model);
    }

    @PostMapping("/institutions/{code}/edit")
    String submit(@PathVariable String code, @RequestParam Map<String, String> params, Authentication authentication,
                  Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Editors.require(authentication);
        InstitutionRow current = current(code);
        EditForm form = new EditForm(params, messages, texts, locale);
        Institution data = new Institution(code, form.text("name"), current.admdvs(), form.integer("level"), form.text("kind"),
                form.text("alliance_code"), form.flag("designated"), form.flag("xr_inpatient"), form.flag("xr_outpatient"),
                form.flag("xr_chronic"), form.text("address"), null, null);
        LocalDate effectiveFrom = form.date("effectiveFrom");
        if (!form.hasErrors()) {
            try {
                institutions.change(code, data, effectiveFrom);
                redirect.addFlashAttribute("flash", "form.saved");
                return "redirect:/institutions/" + code;
            } catch (InvalidInputException e) {
                form.add(e);
            } catch (ConflictException e) {
                form.add(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(current, form, model);
    }

    private InstitutionRow current(String code) {
        return queries.find(code).orElseThrow(() -> new PageNotFoundException("institution", code)).current();
    }

    private static String render(InstitutionRow current, EditForm form, Model model) {
        model.addAttribute("section", "institutions");
        model.addAttribute("current", current);
        model.addAttribute("kinds", InstitutionQueries.KINDS);
        model.addAttribute("form", form);
        return "console/institution-edit";
    }

    private static void putFlag(Map<String, String> values, String name, boolean on) {
        if (on) {
            values.put(name, "true");
        }
    }
}
