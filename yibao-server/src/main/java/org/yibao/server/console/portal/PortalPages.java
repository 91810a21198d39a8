package org.yibao.server.console.portal;

import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.console.internal.InstitutionQueries;
import org.yibao.server.console.internal.Paging;
import org.yibao.server.familydoctor.Contract;
import org.yibao.server.familydoctor.FamilyDoctors;
import org.yibao.server.insured.DesignatedInstitutions;
import org.yibao.server.insured.ElectronicCredentials;
import org.yibao.server.insured.FilingRefused;
import org.yibao.server.insured.MutualAid;
import org.yibao.server.insured.Persons;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * The insured portal (参保人服务, issue 5): 我的医保, 我的结算, 我的家庭 (R-INS-1), 我的待遇 (designated
 * institutions, recognitions, referrals, family doctor: R-INS-2…5), 电子凭证 (R-INS-7) and
 * the public directory of designated institutions. Every page reads by the signed-in person's psn_no
 * (the principal's name); no page takes a psn_no from the request.
 */
@Controller
@RequestMapping("/portal")
class PortalPages {

    private final PortalQueries queries;
    private final MutualAid mutualAid;
    private final ElectronicCredentials credentials;
    private final InstitutionQueries institutions;
    private final Persons persons;
    private final DesignatedInstitutions designated;
    private final FamilyDoctors familyDoctors;
    private final RefusalTexts texts;

    PortalPages(PortalQueries queries, MutualAid mutualAid, ElectronicCredentials credentials, InstitutionQueries institutions,
                Persons persons, DesignatedInstitutions designated, FamilyDoctors familyDoctors, RefusalTexts texts) {
        this.queries = queries;
        this.mutualAid = mutualAid;
        this.credentials = credentials;
        this.institutions = institutions;
        this.persons = persons;
        this.designated = designated;
        this.familyDoctors = familyDoctors;
        this.texts = texts;
    }

    @GetMapping("/login")
    String login() {
        return "portal/login";
    }

    @GetMapping
    String home(Principal me, Model model) {
        model.addAttribute("section", "home");
        model.addAttribute("home", queries.home(me.getName()).orElseThrow(() -> new PortalNotFoundException("person")));
        return "portal/home";
    }

    @GetMapping("/settlements")
    String settlements(Principal me, Model model) {
        model.addAttribute("section", "settlements");
        model.addAttribute("rows", queries.settlements(me.getName()));
        return "portal/settlements";
    }

    @GetMapping("/settlements/{setlId}")
    String settlement(@PathVariable String setlId, Principal me, Model model) {
        model.addAttribute("section", "settlements");
        // Another person's settlement answers exactly like one that does not exist.
        model.addAttribute("s", queries.settlement(me.getName(), setlId).orElseThrow(() -> new PortalNotFoundException("settlement")));
        return "portal/settlement";
    }

    @GetMapping("/family")
    String family(Principal me, Model model) {
        model.addAttribute("section", "family");
        model.addAttribute("family", mutualAid.overview(me.getName()));
        model.addAttribute("canBind", persons.find(me.getName()).map(p -> p.isEmployee()).orElse(false)
                && persons.balance(me.getName()).isPresent());
        model.addAttribute("relations", List.of("SPOUSE", "PARENT", "CHILD"));
        return "portal/family";
    }

    @PostMapping("/family/bind")
    String bind(@RequestParam(required = false) String certno, @RequestParam(required = false) String name,
                @RequestParam(required = false) String relation, Principal me, RedirectAttributes redirect) {
        try {
            var binding = mutualAid.bind(me.getName(), certno, name, relation);
            redirect.addFlashAttribute("bound", binding.memberName());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).rule());
            redirect.addFlashAttribute("form", new BindForm(certno, name, relation));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.rule());
            redirect.addFlashAttribute("form", new BindForm(certno, name, relation));
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("error", "binder");
        }
        return "redirect:/portal/family";
    }

    /** What the person typed, shown again after a refusal. */
    record BindForm(String certno, String name, String relation) {}

    @PostMapping("/family/{bindingId}/unbind")
    String unbind(@PathVariable long bindingId, Principal me, RedirectAttributes redirect) {
        try {
            mutualAid.unbind(me.getName(), bindingId);
            redirect.addFlashAttribute("unbound", true);
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("error", "not_found");
        }
        return "redirect:/portal/family";
    }

    /**
     * 我的待遇: the designated institutions the person has chosen (R-INS-2, chosen and changed here), their
     * chronic-disease recognitions (R-INS-3), referrals (R-INS-5) and family-doctor contract with its
     * follow-ups (R-INS-4).
     */
    @GetMapping("/care")
    String care(Principal me, Model model) {
        String psnNo = me.getName();
        var person = persons.find(psnNo).orElseThrow(() -> new PortalNotFoundException("person"));
        model.addAttribute("section", "care");
        model.addAttribute("designated", designated.current(psnNo));
        model.addAttribute("changesPerYear", queries.designationChangesPerYear(person));
        model.addAttribute("recognitions", queries.recognitions(psnNo));
        model.addAttribute("referrals", queries.referrals(psnNo));
        List<Contract> contracts = familyDoctors.contracts(psnNo, null);
        Set<String> codes = new HashSet<>();
        contracts.forEach(c -> Stream.of(c.communityCode(), c.districtCode(), c.cityCode()).filter(Objects::nonNull).forEach(codes::add));
        model.addAttribute("contracts", contracts);
        model.addAttribute("names", queries.institutionNames(codes));
        model.addAttribute("followUps", familyDoctors.followUps(psnNo, null));
        return "portal/care";
    }

    /** Chooses (or changes) the designated institution of slot 1 from today, within the yearly change limit. */
    @PostMapping("/care/designated")
    String chooseDesignated(@RequestParam(required = false) String fixmedinsCode, Principal me, Locale locale, RedirectAttributes redirect) {
        String code = fixmedinsCode == null ? "" : fixmedinsCode.strip().toUpperCase(Locale.ROOT);
        try {
            var chosen = designated.choose(me.getName(), code, "PORTAL", me.getName(), null);
            redirect.addFlashAttribute("chosen", chosen.fixmedinsName());
        } catch (FilingRefused e) {
            redirect.addFlashAttribute("designatedError", texts.text(e.getMessage(), locale));
            redirect.addFlashAttribute("typed", code);
        }
        return "redirect:/portal/care";
    }

    @PostMapping("/care/designated/{serial}/cancel")
    String cancelDesignated(@PathVariable String serial, Principal me, Locale locale, RedirectAttributes redirect) {
        try {
            designated.cancel(me.getName(), serial, "PORTAL", me.getName(), null, "参保人在网上服务撤销");
            redirect.addFlashAttribute("cancelled", serial);
        } catch (FilingRefused e) {
            redirect.addFlashAttribute("designatedError", texts.text(e.getMessage(), locale));
        }
        return "redirect:/portal/care";
    }

    @GetMapping("/credential")
    String credential(Principal me, Model model) {
        model.addAttribute("section", "credential");
        model.addAttribute("credential", credentials.current(me.getName()).orElse(null));
        return "portal/credential";
    }

    @PostMapping("/credential")
    String issueCredential(Principal me) {
        credentials.issue(me.getName());
        return "redirect:/portal/credential";
    }

    /** 定点机构目录: public, filterable by region, level and kind, with the cross-region flags. */
    @GetMapping("/institutions")
    String institutions(@RequestParam(required = false) String q, @RequestParam(required = false) String admdvs,
                        @RequestParam(required = false) String level, @RequestParam(required = false) String kind,
                        @RequestParam(required = false) String flag, @RequestParam(required = false) String page, Principal me,
                        Model model) {
        model.addAttribute("section", "institutions");
        InstitutionQueries.Filter filter = new InstitutionQueries.Filter(q, admdvs, integer(level), kind, flag);
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", InstitutionQueries.KINDS);
        model.addAttribute("result", institutions.search(filter, Paging.of(integer(page), null)));
        return "portal/institutions";
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
