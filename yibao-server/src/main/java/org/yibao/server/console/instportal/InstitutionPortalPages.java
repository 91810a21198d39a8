package org.yibao.server.console.instportal;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.complaint.Complaints;
import org.yibao.server.console.internal.SettlementQueries;
import org.yibao.server.institution.Agreements;
import org.yibao.server.institution.InstitutionRole;
import org.yibao.server.institution.InstitutionUsers;
import org.yibao.server.institution.Sanction;
import org.yibao.server.institution.Sanctions;
import org.yibao.server.institution.SettlementPermission;
import org.yibao.server.institution.UploadCompliance;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * The institution portal (机构服务, R-INST-5): 概览, 服务协议, 处罚, 结算汇总, 投诉答复 and, for the
 * institution's INST_ADMIN, 用户. Every page reads by the signed-in user's institution
 * ({@link SignedInInstitution}); no page takes an institution code from the request, and another
 * institution's complaint or user answers 404 like one that does not exist.
 */
@Controller
@RequestMapping("/inst-portal")
class InstitutionPortalPages {

    /** Months of the settlement summary. */
    static final int MONTHS = 12;

    private final SignedInInstitution signedIn;
    private final Agreements agreements;
    private final Sanctions sanctions;
    private final SettlementPermission permission;
    private final SettlementQueries settlements;
    private final Complaints complaints;
    private final InstitutionUsers users;
    private final UploadCompliance compliance;
    private final Clock clock;
    private final RefusalTexts texts;

    InstitutionPortalPages(SignedInInstitution signedIn, Agreements agreements, Sanctions sanctions, SettlementPermission permission,
                           SettlementQueries settlements, Complaints complaints, InstitutionUsers users, UploadCompliance compliance,
                           Clock clock, RefusalTexts texts) {
        this.compliance = compliance;
        this.signedIn = signedIn;
        this.agreements = agreements;
        this.sanctions = sanctions;
        this.permission = permission;
        this.settlements = settlements;
        this.complaints = complaints;
        this.users = users;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/login")
    String login() {
        return "inst-portal/login";
    }

    @GetMapping
    String home(Principal principal, Model model) {
        String code = signedIn.me(principal).code();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("section", "home");
        model.addAttribute("today", today);
        model.addAttribute("standing", agreements.standing(code, today));
        model.addAttribute("decision", permission.check(code, today));
        return "inst-portal/home";
    }

    @GetMapping("/agreements")
    String agreements(Principal principal, Model model) {
        String code = signedIn.me(principal).code();
        model.addAttribute("section", "agreements");
        model.addAttribute("agreements", newestFirst(agreements.list(code)));
        model.addAttribute("history", newestFirst(agreements.events(code)));
        return "inst-portal/agreements";
    }

    @GetMapping("/sanctions")
    String sanctions(Principal principal, Model model) {
        List<Sanction> list = sanctions.list(signedIn.me(principal).code());
        model.addAttribute("section", "sanctions");
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("sanctions", list);
        return "inst-portal/sanctions";
    }

    /** 数据上报: the institution's evaluated days (R-INST-3) of the last {@value #COMPLIANCE_DAYS} days and every suspension with its cause. */
    @GetMapping("/compliance")
    String compliance(Principal principal, Model model) {
        String code = signedIn.me(principal).code();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("section", "compliance");
        model.addAttribute("today", today);
        model.addAttribute("days", newestFirst(compliance.history(code, today.minusDays(COMPLIANCE_DAYS), today)));
        model.addAttribute("suspensions", compliance.suspensions(code));
        return "inst-portal/compliance";
    }

    /** Days of upload compliance shown. */
    static final int COMPLIANCE_DAYS = 30;

    @GetMapping("/settlements")
    String settlements(Principal principal, Model model) {
        String code = signedIn.me(principal).code();
        List<SettlementQueries.Month> months = settlements.monthlyForInstitution(code, LocalDate.now(clock), MONTHS);
        model.addAttribute("section", "settlements");
        model.addAttribute("months", newestFirst(months));
        model.addAttribute("total", new SettlementQueries.Month(null, months.stream().mapToLong(SettlementQueries.Month::settlements).sum(),
                months.stream().map(SettlementQueries.Month::medfee).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add),
                months.stream().map(SettlementQueries.Month::fund).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)));
        model.addAttribute("recent", settlements.recentForInstitution(code));
        return "inst-portal/settlements";
    }

    @GetMapping("/complaints")
    String complaints(Principal principal, Model model) {
        model.addAttribute("section", "complaints");
        model.addAttribute("complaints", complaints.aboutInstitution(signedIn.me(principal).code()));
        return "inst-portal/complaints";
    }

    @GetMapping("/complaints/{id}")
    String complaint(@PathVariable long id, Principal principal, Model model) {
        model.addAttribute("section", "complaints");
        model.addAttribute("c", complaints.findAboutInstitution(signedIn.me(principal).code(), id)
                .orElseThrow(() -> new InstitutionPortalNotFoundException("complaint")));
        return "inst-portal/complaint";
    }

    /** INST_ADMIN only (the chain refuses INST_STAFF). */
    @GetMapping("/users")
    String users(Principal principal, Model model) {
        model.addAttribute("section", "users");
        model.addAttribute("users", users.list(signedIn.me(principal).code()));
        return "inst-portal/users";
    }

    /** Adds a staff user (INST_STAFF) to the signed-in admin's institution; the generated password is shown once. */
    @PostMapping("/users")
    String addUser(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                   Principal principal, Locale locale, RedirectAttributes redirect) {
        SignedInInstitution.Me me = signedIn.me(principal);
        try {
            InstitutionUsers.Issued issued = users.create(me.code(), username, InstitutionRole.INST_STAFF, displayName, me.actor());
            redirect.addFlashAttribute("issued", issued);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.errors(e.errors(), locale).stream().map(f -> f.field() + ": " + f.message()).toList());
            redirect.addFlashAttribute("form", java.util.Map.of("username", username == null ? "" : username,
                    "displayName", displayName == null ? "" : displayName));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(texts.text(e.getMessage(), locale)));
        }
        return "redirect:/inst-portal/users";
    }

    /** Disables a staff user of the signed-in admin's own institution (not an admin, not oneself). */
    @PostMapping("/users/{username}/disable")
    String disable(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        SignedInInstitution.Me me = signedIn.me(principal);
        InstitutionUsers.InstitutionUser user;
        try {
            user = users.get(me.code(), username);
        } catch (NotFoundException e) {
            throw new InstitutionPortalNotFoundException("user");
        }
        if (user.role() != InstitutionRole.INST_STAFF) {
            redirect.addFlashAttribute("errors", List.of("only staff users (INST_STAFF) can be disabled here"));
        } else {
            users.setEnabled(me.code(), user.username(), false, me.actor());
            redirect.addFlashAttribute("disabled", user.username());
        }
        return "redirect:/inst-portal/users";
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
