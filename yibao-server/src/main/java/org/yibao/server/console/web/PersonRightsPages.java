package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.familydoctor.FamilyDoctorRefusal;
import org.yibao.server.familydoctor.FamilyDoctors;
import org.yibao.server.insured.ChronicRecognitions;
import org.yibao.server.insured.CrossRegionFilings;
import org.yibao.server.insured.FilingRefused;
import org.yibao.server.insured.MutualAid;
import org.yibao.server.insured.Referrals;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * A person's rights recorded by staff on the person page (issue 5): family mutual-aid bindings
 * (R-INS-1), chronic-disease recognitions (R-INS-3), referrals (R-INS-5), family-doctor contracts
 * (R-INS-4) and cross-region filings (R-XR-1), through the contexts' services and their rules. One
 * small form per section; a success redirects to the person page, a refusal shows it again (400) with
 * the message next to the field.
 * Only ADMIN and CLERK, as for editing the person.
 */
@Controller
class PersonRightsPages {

    private final PersonPages pages;
    private final MutualAid mutualAid;
    private final ChronicRecognitions recognitions;
    private final Referrals referrals;
    private final FamilyDoctors familyDoctors;
    private final MessageSource messages;
    private final RefusalTexts texts;
    private final CrossRegionFilings crossRegion;

    PersonRightsPages(PersonPages pages, MutualAid mutualAid, ChronicRecognitions recognitions, Referrals referrals,
                      FamilyDoctors familyDoctors, MessageSource messages, RefusalTexts texts, CrossRegionFilings crossRegion) {
        this.crossRegion = crossRegion;
        this.pages = pages;
        this.mutualAid = mutualAid;
        this.recognitions = recognitions;
        this.referrals = referrals;
        this.familyDoctors = familyDoctors;
        this.messages = messages;
        this.texts = texts;
    }

    @PostMapping("/persons/{psnNo}/mutual-aid")
    String bind(@PathVariable String psnNo, @RequestParam Map<String, String> params, Authentication authentication, Model model,
                Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return submit(psnNo, "bindings", params, authentication, model, locale, response, redirect,
                form -> mutualAid.bind(psnNo, form.text("certno"), form.text("psn_name"), form.text("relation")));
    }

    @PostMapping("/persons/{psnNo}/mutual-aid/{id}/unbind")
    String unbind(@PathVariable String psnNo, @PathVariable long id, @RequestParam Map<String, String> params,
                  Authentication authentication, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return submit(psnNo, "bindings", params, authentication, model, locale, response, redirect, form -> mutualAid.unbind(psnNo, id));
    }

    @PostMapping("/persons/{psnNo}/chronic-recognitions")
    String recognise(@PathVariable String psnNo, @RequestParam Map<String, String> params, Authentication authentication, Model model,
                     Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return submit(psnNo, "chronic", params, authentication, model, locale, response, redirect, form -> {
            var begin = form.date("begndate");
            var end = form.date("enddate");
            if (!form.hasErrors()) {
                recognitions.recognise(new ChronicRecognitions.Recognition(psnNo, null, form.text("opsp_dise_code"),
                        form.text("ide_fixmedins_no"), begin, end, "CONSOLE", AuditTrail.currentActor()));
            }
        });
    }

    @PostMapping("/persons/{psnNo}/chronic-recognitions/{id}/cancel")
    String cancelRecognition(@PathVariable String psnNo, @PathVariable long id, @RequestParam Map<String, String> params,
                             Authentication authentication, Model model, Locale locale, HttpServletResponse response,
                             RedirectAttributes redirect) {
        return submit(psnNo, "chronic", params, authentication, model, locale, response, redirect,
                form -> recognitions.cancel(psnNo, id, AuditTrail.currentActor(), form.text("memo")));
    }

    @PostMapping("/persons/{psnNo}/referrals")
    String refer(@PathVariable String psnNo, @RequestParam Map<String, String> params, Authentication authentication, Model model,
                 Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return submit(psnNo, "referrals", params, authentication, model, locale, response, redirect, form -> {
            var begin = form.date("begndate");
            var end = form.date("enddate");
            if (!form.hasErrors()) {
                referrals.refer(new Referrals.Referral(psnNo, null, form.text("fixmedins_code"), form.text("reflin_medins_no"),
                        form.text("refl_type"), form.text("diag_code"), form.flag("hosp_agre_refl_flag"), begin, end, "CONSOLE",
                        AuditTrail.currentActor()));
            }
        });
    }

    @PostMapping("/persons/{psnNo}/referrals/{serial}/cancel")
    String cancelReferral(@PathVariable String psnNo, @PathVariable String serial, @RequestParam Map<String, String> params,
                          Authentication authentication, Model model, Locale locale, HttpServletResponse response,
                          RedirectAttributes redirect) {
        return submit(psnNo, "referrals", params, authentication, model, locale, response, redirect,
                form -> referrals.cancel(psnNo, serial, AuditTrail.currentActor(), form.text("memo")));
    }

    @PostMapping("/persons/{psnNo}/xr-filings")
    String fileCrossRegion(@PathVariable String psnNo, @RequestParam Map<String, String> params, Authentication authentication, Model model,
                           Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return submit(psnNo, "xr-filings", params, authentication, model, locale, response, redirect,
                form -> crossRegion.file(psnNo, form.text("category"), form.text("mdtrtarea_admdvs"), "COUNTER", AuditTrail.currentActor()));
    }

    @PostMapping("/persons/{psnNo}/xr-filings/{id}/change")
    String changeCrossRegion(@PathVariable String psnNo, @PathVariable long id, @RequestParam Map<String, String> params,
                             Authentication authentication, Model model, Locale locale, HttpServletResponse response,
                             RedirectAttributes redirect) {
        return submit(psnNo, "xr-filings", params, authentication, model, locale, response, redirect,
                form -> crossRegion.change(psnNo, id, null, form.text("mdtrtarea_admdvs"), "COUNTER", AuditTrail.currentActor()));
    }

    @PostMapping("/persons/{psnNo}/xr-filings/{id}/cancel")
    String cancelCrossRegion(@PathVariable String psnNo, @PathVariable long id, @RequestParam Map<String, String> params,
                             Authentication authentication, Model model, Locale locale, HttpServletResponse response,
                             RedirectAttributes redirect) {
        return submit(psnNo, "xr-filings", params, authentication, model, locale, response, redirect,
                form -> crossRegion.cancel(psnNo, id, "COUNTER", AuditTrail.currentActor(), form.text("memo")));
    }

    @PostMapping("/persons/{psnNo}/family-doctor")
    String sign(@PathVariable String psnNo, @RequestParam Map<String, String> params, Authentication authentication, Model model,
                Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return submit(psnNo, "contracts", params, authentication, model, locale, response, redirect, form -> {
            var begin = form.date("begin_date");
            var end = form.date("end_date");
            if (!form.hasErrors()) {
                familyDoctors.sign(new FamilyDoctors.NewContract(psnNo, form.text("kind"), form.text("community_code"),
                        form.text("district_code"), form.text("city_code"), begin, end), FamilyDoctors.Caller.staff());
            }
        });
    }

    @PostMapping("/persons/{psnNo}/family-doctor/{id}/cancel")
    String cancelContract(@PathVariable String psnNo, @PathVariable long id, @RequestParam Map<String, String> params,
                          Authentication authentication, Model model, Locale locale, HttpServletResponse response,
                          RedirectAttributes redirect) {
        return submit(psnNo, "contracts", params, authentication, model, locale, response, redirect, form -> {
            if (familyDoctors.contract(id).filter(c -> c.personNo().equals(psnNo)).isEmpty()) {
                throw new NotFoundException("family_doctor_contract", String.valueOf(id));
            }
            familyDoctors.cancel(id, form.text("reason"), FamilyDoctors.Caller.staff());
        });
    }

    /**
     * Runs one change of a section: on success back to the person page with a message; refused, the
     * page again with the form's values and the refusal next to its field ({@code form} for the section).
     */
    private String submit(String psnNo, String section, Map<String, String> params, Authentication authentication, Model model,
                          Locale locale, HttpServletResponse response, RedirectAttributes redirect, Consumer<EditForm> change) {
        Editors.require(authentication);
        pages.file(psnNo);
        EditForm form = new EditForm(params, messages, texts, locale);
        try {
            change.accept(form);
        } catch (FilingRefused e) {
            form.error(e.field(), e.getMessage());
        } catch (FamilyDoctorRefusal e) {
            form.error(e.field(), e.getMessage());
        } catch (InvalidInputException e) {
            form.add(e);
        } catch (ConflictException e) {
            form.add(e);
        } catch (NotFoundException e) {
            form.error(null, messages.getMessage("rights.notFound", null, locale));
        }
        if (!form.hasErrors()) {
            redirect.addFlashAttribute("flash", "rights.saved");
            return "redirect:/persons/" + psnNo + "#" + section;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("rightsSection", section);
        model.addAttribute("rightsForm", form);
        return pages.show(psnNo, model, locale);
    }
}
