package org.yibao.server.console.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
import org.yibao.server.payment.DrgCorrections;
import org.yibao.server.payment.DrgPayments;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-PAY-2 in the console: a DRG region's month — the run with its progress, per hospital the cases, CMI,
 * standard, cost, fund payments and surplus/overspend with charts of CMI and surplus/overspend by hospital,
 * and each hospital's cases with the reasons; the month's corrections rounds (who, when, cases, difference per
 * hospital) and, once there are any, per hospital the month's figures as corrected under the run's. Starting a run or a corrections round is for administrators (URL security; the forms are shown to
 * them only).
 */
@Controller
class DrgPaymentPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DrgPayments payments;
    private final DrgCorrections corrections;
    private final Clock clock;
    private final RefusalTexts texts;

    DrgPaymentPages(DrgPayments payments, DrgCorrections corrections, Clock clock, RefusalTexts texts) {
        this.payments = payments;
        this.corrections = corrections;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/drg-payments")
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String month, Model model,
                Authentication authentication) {
        List<String> regions = payments.regions();
        model.addAttribute("section", "drgPayments");
        model.addAttribute("regions", regions);
        if (regions.isEmpty()) {
            return "console/drg-payments";
        }
        String admdvs = region != null && regions.contains(region.strip()) ? region.strip() : regions.get(0);
        YearMonth m = Months.orLastMonth(month, clock);
        DrgPayments.Month v = payments.month(admdvs, m);
        model.addAttribute("v", v);
        model.addAttribute("over", m.isBefore(YearMonth.now(clock)));
        model.addAttribute("canDecide", InstitutionKeyPages.isAdmin(authentication));
        model.addAttribute("totalAdjustment", v.institutions().stream().map(DrgPayments.InstitutionMonth::adjustment)
                .reduce(Money.ZERO, Money::plus));
        model.addAttribute("correctedAdjustment", v.institutions().stream().map(i -> i.corrected().adjustment())
                .reduce(Money.ZERO, Money::plus));
        var rounds = corrections.rounds(admdvs, m);
        model.addAttribute("corrections", rounds);
        model.addAttribute("chartJson", DashboardController.safeForScript(JSON.writeValueAsString(chart(v, !rounds.isEmpty()))));
        return "console/drg-payments";
    }

    /**
     * CMI and surplus/overspend by hospital, in the table's order: as run and, once a corrections round has run,
     * as corrected beside them (the table shows both; a chart of the run's alone would show what no longer stands).
     */
    static Map<String, Object> chart(DrgPayments.Month v, boolean corrected) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("hospitals", v.institutions().stream().map(DrgPayments.InstitutionMonth::name).toList());
        c.put("cmi", v.institutions().stream().map(i -> i.cmi()).toList());
        c.put("surplus", v.institutions().stream().map(i -> i.surplus().toBigDecimal()).toList());
        if (corrected) {
            c.put("cmiCorrected", v.institutions().stream().map(i -> i.corrected().cmi()).toList());
            c.put("surplusCorrected", v.institutions().stream().map(i -> i.corrected().surplus().toBigDecimal()).toList());
        }
        return c;
    }

    @PostMapping("/drg-payments/{admdvs}/{month}/run")
    String run(@PathVariable String admdvs, @PathVariable String month, Authentication authentication, RedirectAttributes redirect) {
        return decide(admdvs, month, authentication, redirect, payments::start);
    }

    @PostMapping("/drg-payments/{admdvs}/{month}/corrections")
    String correct(@PathVariable String admdvs, @PathVariable String month, Authentication authentication, RedirectAttributes redirect) {
        return decide(admdvs, month, authentication, redirect, corrections::correct);
    }

    /** An administrator's decision on the month (a run, a corrections round); a refusal is shown on the page. */
    private String decide(String admdvs, String month, Authentication authentication, RedirectAttributes redirect,
                          BiConsumer<String, YearMonth> decision) {
        if (!InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
        YearMonth m = Months.orLastMonth(month, clock);
        try {
            decision.accept(admdvs, m);
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("drgError", texts.text(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/drg-payments?region=" + admdvs + "&month=" + m;
    }

    @GetMapping("/drg-payments/{admdvs}/{month}/{code}")
    String cases(@PathVariable String admdvs, @PathVariable String month, @PathVariable String code, Model model) {
        YearMonth m = Months.orLastMonth(month, clock);
        DrgPayments.Month v;
        try {
            v = payments.month(admdvs, m);
        } catch (InvalidInputException e) {
            throw new PageNotFoundException("DRG region", admdvs);
        }
        DrgPayments.InstitutionMonth hospital = v.institutions().stream().filter(i -> i.fixmedinsCode().equals(code)).findFirst()
                .orElseThrow(() -> new PageNotFoundException("DRG payment", code + "/" + m));
        model.addAttribute("section", "drgPayments");
        model.addAttribute("v", v);
        model.addAttribute("h", hospital);
        model.addAttribute("cases", payments.cases(code, m));
        return "console/drg-cases";
    }
}
