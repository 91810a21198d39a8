package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.yibao.server.console.internal.PersonQueries;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.Persons;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * Changing an insured person from the console (R-REF-2, R-REF-5) through {@link Persons#change}: name,
 * employer, residence, civil-servant flag, person type within the scheme, and status. What identifies
 * the person (certificate, sex, birth date) and the scheme (insutype, insured region, insured-since)
 * are kept as they are: a correction of those, or a move between schemes, is a process of its own.
 */
@Controller
class PersonEditPages {

    static final List<String> STATUSES = List.of("NORMAL", "SUSPENDED", "BLACKLISTED");

    private final Persons persons;
    private final PersonQueries queries;
    private final MessageSource messages;
    private final RefusalTexts texts;
    private final Clock clock;

    PersonEditPages(Persons persons, PersonQueries queries, MessageSource messages, RefusalTexts texts, Clock clock) {
        this.persons = persons;
        this.queries = queries;
        this.messages = messages;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/persons/{psnNo}/edit")
    String form(@PathVariable String psnNo, Authentication authentication, Model model, Locale locale) {
        Editors.require(authentication);
        PersonQueries.Person p = current(psnNo);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("psn_name", p.name());
        values.put("psn_type", p.psnType());
        values.put("emp_name", p.empName() == null ? "" : p.empName());
        values.put("residence_admdvs", p.residenceAdmdvs());
        if ("1".equals(p.cvlservFlag())) {
            values.put("cvlserv_flag", "true");
        }
        values.put("status", p.status());
        values.put("status_until", p.statusUntil() == null ? "" : p.statusUntil().toString());
        values.put("effectiveFrom", EffectiveFrom.suggest(LocalDate.now(clock), p.validFrom()).toString());
        return render(p, new EditForm(values, messages, texts, locale), model);
    }

    @PostMapping("/persons/{psnNo}/edit")
    String submit(@PathVariable String psnNo, @RequestParam Map<String, String> params, Authentication authentication,
                  Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Editors.require(authentication);
        PersonQueries.Person p = current(psnNo);
        EditForm form = new EditForm(params, messages, texts, locale);
        Person data = new Person(psnNo, p.certno(), p.psnCertType(), form.text("psn_name"), p.gend(), p.brdy(), p.naty(),
                p.insutype(), form.text("psn_type"), p.insuredAdmdvs(), form.text("residence_admdvs"), form.text("emp_name"),
                form.flag("cvlserv_flag") ? "1" : "0", p.insuDate(), form.text("status"), form.date("status_until"), null, null);
        LocalDate effectiveFrom = form.date("effectiveFrom");
        if (!form.hasErrors()) {
            try {
                persons.change(psnNo, data, effectiveFrom);
                redirect.addFlashAttribute("flash", "form.saved");
                return "redirect:/persons/" + psnNo;
            } catch (InvalidInputException e) {
                form.add(e);
            } catch (ConflictException e) {
                form.add(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(p, form, model);
    }

    private PersonQueries.Person current(String psnNo) {
        return queries.find(psnNo).orElseThrow(() -> new PageNotFoundException("person", psnNo)).person();
    }

    private static String render(PersonQueries.Person current, EditForm form, Model model) {
        model.addAttribute("section", "persons");
        model.addAttribute("current", current);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("form", form);
        return "console/person-edit";
    }
}
