package org.yibao.server.console.portal;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.insured.CrossRegionFilings;
import org.yibao.server.insured.FilingRefused;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * 异地就医备案 (R-XR-1) in the insured portal: the rules in plain words first, then the person files for
 * themselves by personal commitment (承诺制) and the filing is in force at once; the page lists their
 * own filings, which they can change or cancel within the rules. Every read and change is by the
 * principal's psn_no; a filing id of someone else answers like an unknown one.
 */
@Controller
class PortalCrossRegionPages {

    /** What a person may choose here; a referral filing comes with the referring hospital's 2501 (or the counter). */
    static final List<String> CATEGORIES = List.of("TEMPORARY", "RETIREE_RESETTLED", "LONG_TERM_RESIDENT", "POSTED_WORKER");

    private final CrossRegionFilings filings;
    private final Clock clock;
    private final RefusalTexts texts;

    PortalCrossRegionPages(CrossRegionFilings filings, Clock clock, RefusalTexts texts) {
        this.filings = filings;
        this.clock = clock;
        this.texts = texts;
    }

    @GetMapping("/portal/xr-filings")
    String page(Principal me, Model model) {
        model.addAttribute("section", "xr");
        model.addAttribute("filings", filings.list(me.getName()));
        model.addAttribute("regions", filings.treatmentRegions(me.getName()));
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/xr-filings";
    }

    @PostMapping("/portal/xr-filings")
    String file(@RequestParam(required = false) String category, @RequestParam(required = false) String region,
                @RequestParam(required = false) String commitment, Principal me, Locale locale, RedirectAttributes redirect) {
        try {
            if (!"yes".equals(commitment)) {
                // 承诺制: the person confirms having read the rules; nothing else is asked.
                throw new FilingRefused("commitment", "请先阅读备案须知并勾选“本人承诺以上信息真实”，再确认备案");
            }
            var made = filings.file(me.getName(), category, region, "PORTAL", me.getName());
            redirect.addFlashAttribute("filed", made.treatmentName() == null ? made.treatmentAdmdvs() : made.treatmentName());
        } catch (FilingRefused e) {
            redirect.addFlashAttribute("xrError", texts.text(e.getMessage(), locale));
        }
        return "redirect:/portal/xr-filings";
    }

    @PostMapping("/portal/xr-filings/{id}/change")
    String change(@PathVariable long id, @RequestParam(required = false) String category, @RequestParam(required = false) String region,
                  Principal me, Locale locale, RedirectAttributes redirect) {
        try {
            filings.change(me.getName(), id, category, region, "PORTAL", me.getName());
            redirect.addFlashAttribute("changed", true);
        } catch (FilingRefused e) {
            redirect.addFlashAttribute("xrError", texts.text(e.getMessage(), locale));
        }
        return "redirect:/portal/xr-filings";
    }

    @PostMapping("/portal/xr-filings/{id}/cancel")
    String cancel(@PathVariable long id, Principal me, Locale locale, RedirectAttributes redirect) {
        try {
            filings.cancel(me.getName(), id, "PORTAL", me.getName(), "参保人在网上服务撤销");
            redirect.addFlashAttribute("cancelled", true);
        } catch (FilingRefused e) {
            redirect.addFlashAttribute("xrError", texts.text(e.getMessage(), locale));
        }
        return "redirect:/portal/xr-filings";
    }
}
