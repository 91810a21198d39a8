package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yibao.server.console.internal.InstitutionQueries;
import org.yibao.server.console.internal.Paging;
import org.yibao.server.console.internal.RegionQueries;

/** The institution directory (R-REF-1) with its filters, and one institution's page. */
@Controller
class InstitutionPages {

    private final InstitutionQueries institutions;
    private final RegionQueries regions;

    private final org.yibao.server.familydoctor.FamilyDoctors familyDoctors;
    private final java.time.Clock clock;
    private final org.yibao.server.institution.Agreements agreements;
    private final org.yibao.server.institution.Sanctions sanctions;
    private final org.yibao.server.institution.SettlementPermission permission;
    private final org.yibao.server.institution.UploadCompliance compliance;

    InstitutionPages(InstitutionQueries institutions, RegionQueries regions, org.yibao.server.familydoctor.FamilyDoctors familyDoctors,
                     java.time.Clock clock, org.yibao.server.institution.Agreements agreements,
                     org.yibao.server.institution.Sanctions sanctions, org.yibao.server.institution.SettlementPermission permission,
                     org.yibao.server.institution.UploadCompliance compliance) {
        this.compliance = compliance;
        this.agreements = agreements;
        this.sanctions = sanctions;
        this.permission = permission;
        this.institutions = institutions;
        this.regions = regions;
        this.familyDoctors = familyDoctors;
        this.clock = clock;
    }

    @GetMapping("/institutions")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String admdvs,
                @RequestParam(required = false) String level, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String flag, @RequestParam(required = false) String page,
                Model model, HttpServletRequest request) {
        var filter = new InstitutionQueries.Filter(q, admdvs, Params.integer(level), kind, flag);
        model.addAttribute("section", "institutions");
        model.addAttribute("filter", filter);
        model.addAttribute("regions", regions.list(null));
        model.addAttribute("kinds", InstitutionQueries.KINDS);
        model.addAttribute("result", institutions.search(filter, Paging.of(Params.integer(page), null)));
        return Views.pageOrFragment(request, "console/institutions", "results");
    }

    @GetMapping("/institutions/{code}")
    String detail(@PathVariable String code, @RequestParam(required = false) String year, Model model,
                  org.springframework.security.core.Authentication authentication) {
        model.addAttribute("section", "institutions");
        model.addAttribute("canManageKeys", InstitutionKeyPages.isAdmin(authentication));
        InstitutionQueries.InstitutionFile file = institutions.find(code)
                .orElseThrow(() -> new PageNotFoundException("institution", code));
        model.addAttribute("institution", file);
        // R-INST-1, R-INST-4: the agreement, its history and the sanctions; forms for administrators only.
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        model.addAttribute("canDecide", InstitutionKeyPages.isAdmin(authentication));
        var list = agreements.list(code);
        model.addAttribute("agreements", newestFirst(list));
        model.addAttribute("renewedIds", list.stream().map(org.yibao.server.institution.Agreement::renewsId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("agreementHistory", newestFirst(agreements.events(code)));
        model.addAttribute("standing", agreements.standing(code, today));
        model.addAttribute("settlement", permission.check(code, today));
        model.addAttribute("sanctions", sanctions.list(code));
        model.addAttribute("today", today);
        // R-INST-3: the last 30 evaluated days (table and chart) and every suspension with its cause.
        var days = compliance.history(code, today.minusDays(30), today);
        model.addAttribute("complianceDays", newestFirst(days));
        model.addAttribute("complianceSuspensions", compliance.suspensions(code));
        model.addAttribute("complianceChartJson", DashboardController.safeForScript(complianceChart(days)));
        // R-INS-4: a community centre's family-doctor contracts and hypertension standard-management rate.
        if ("COMMUNITY".equals(file.current().kind())) {
            Integer asked = Params.integer(year);
            int y = asked == null || asked < 2000 || asked > 2100 ? java.time.LocalDate.now(clock).getYear() : asked;
            model.addAttribute("familyDoctor", familyDoctors.managementRate(code, y));
        }
        return "console/institution";
    }

    /** The chart's data: days, error rate in % (null below 20 submitted) and late records. */
    private static String complianceChart(java.util.List<org.yibao.server.institution.UploadCompliance.Day> days) {
        StringBuilder b = new StringBuilder("{\"days\":[");
        StringBuilder rate = new StringBuilder();
        StringBuilder late = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            var d = days.get(i);
            String sep = i == 0 ? "" : ",";
            b.append(sep).append('"').append(d.day()).append('"');
            rate.append(sep).append(d.errorRate() == null ? "null" : d.errorRate().movePointRight(2).stripTrailingZeros().toPlainString());
            late.append(sep).append(d.lateRecords());
        }
        return b.append("],\"errorRate\":[").append(rate).append("],\"late\":[").append(late).append("]}").toString();
    }

    private static <T> java.util.List<T> newestFirst(java.util.List<T> oldestFirst) {
        java.util.List<T> copy = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
