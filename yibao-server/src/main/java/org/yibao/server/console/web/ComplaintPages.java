package org.yibao.server.console.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.complaint.Complaint;
import org.yibao.server.complaint.Complaints;
import org.yibao.server.platform.reference.Page;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.web.RefusalTexts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complaints (投诉, R-CMP) in the console: the list with filters (state, overdue) and the chart of
 * complaints by state and age; one complaint with its transitions; forms (ADMIN and CLERK) to enter a
 * hotline or web complaint and to assign, investigate, answer, escalate or link it to a supervision
 * case. A refusal is shown on the page it came from, with the service's message; nothing is changed.
 */
@Controller
class ComplaintPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int PAGE_SIZE = 20;

    private final Complaints complaints;
    private final MessageSource messages;
    private final RefusalTexts texts;

    ComplaintPages(Complaints complaints, MessageSource messages, RefusalTexts texts) {
        this.complaints = complaints;
        this.messages = messages;
        this.texts = texts;
    }

    @GetMapping("/complaints")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String overdue,
                @RequestParam(required = false) String page, Model model, Locale locale) {
        model.addAttribute("section", "complaints");
        String s = state == null || state.isBlank() || !Complaint.STATES.contains(state) ? null : state;
        boolean onlyOverdue = "true".equals(overdue);
        Integer p = Params.integer(page);
        int pageNo = p == null || p < 1 ? 1 : Math.min(p, 500);
        Page<Complaint> result = complaints.search(new Complaints.Filter(s, onlyOverdue, null), pageNo - 1, PAGE_SIZE);
        model.addAttribute("state", s);
        model.addAttribute("overdue", onlyOverdue);
        model.addAttribute("pageNo", pageNo);
        model.addAttribute("result", result);
        model.addAttribute("hasNext", (long) pageNo * PAGE_SIZE < result.total());
        model.addAttribute("states", Complaint.STATES);
        model.addAttribute("categories", Complaint.CATEGORIES);
        model.addAttribute("chartJson", DashboardController.safeForScript(JSON.writeValueAsString(chart(locale))));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "console/complaints";
    }

    /** The age chart in the shape dashboard.js draws: states as categories, one stacked series per age bucket. */
    private Map<String, Object> chart(Locale locale) {
        Complaints.AgeChart chart = complaints.ageChart();
        List<Map<String, Object>> series = new ArrayList<>();
        chart.buckets().forEach(b -> series.add(Map.of("name", messages.getMessage("complaint.age." + b, null, b, locale),
                "data", chart.countsByBucket().get(b))));
        Map<String, Object> byState = new LinkedHashMap<>();
        byState.put("categories", chart.states().stream().map(s -> messages.getMessage("complaint.state." + s, null, s, locale)).toList());
        byState.put("series", series);
        return Map.of("complaintsByStateAndAge", byState);
    }

    @PostMapping("/complaints")
    String receive(@RequestParam Map<String, String> params, Authentication authentication, RedirectAttributes redirect) {
        Editors.require(authentication);
        try {
            LocalDate receivedOn = params.get("received_on") == null || params.get("received_on").isBlank() ? null
                    : LocalDate.parse(params.get("received_on").strip());
            Complaint c = complaints.receive(new Complaints.NewComplaint(params.get("channel"), params.get("complainant_psn_no"),
                    params.get("complainant_name"), params.get("complainant_phone"), params.get("subject_kind"), params.get("subject_code"),
                    params.get("subject_name"), params.get("category"), params.get("text"), receivedOn));
            redirect.addFlashAttribute("done", "received");
            return "redirect:/complaints/" + c.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.messages(e, LocaleContextHolder.getLocale()));
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("errors", List.of(texts.text("受理日期格式应为 yyyy-MM-dd", LocaleContextHolder.getLocale())));
        }
        Map<String, String> form = new LinkedHashMap<>(params);
        form.remove("_csrf");
        redirect.addFlashAttribute("form", form);
        return "redirect:/complaints#new-complaint";
    }

    @GetMapping("/complaints/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("section", "complaints");
        model.addAttribute("c", complaints.find(id).orElseThrow(() -> new PageNotFoundException("complaint", String.valueOf(id))));
        model.addAttribute("transitions", complaints.transitions(id));
        return "console/complaint";
    }

    @PostMapping("/complaints/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) String assignee, @RequestParam(required = false) String note,
                  Authentication authentication, RedirectAttributes redirect) {
        return act(id, authentication, redirect, "assigned", () -> complaints.assign(id, assignee, note));
    }

    @PostMapping("/complaints/{id}/investigate")
    String investigate(@PathVariable long id, @RequestParam(required = false) String note, Authentication authentication,
                       RedirectAttributes redirect) {
        return act(id, authentication, redirect, "investigating", () -> complaints.investigate(id, note));
    }

    @PostMapping("/complaints/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String reply, Authentication authentication,
                  RedirectAttributes redirect) {
        return act(id, authentication, redirect, "answered", () -> complaints.answer(id, reply));
    }

    @PostMapping("/complaints/{id}/escalate")
    String escalate(@PathVariable long id, @RequestParam(required = false) String reason, Authentication authentication,
                    RedirectAttributes redirect) {
        return act(id, authentication, redirect, "escalated", () -> complaints.escalate(id, reason));
    }

    @PostMapping("/complaints/{id}/supervision-case")
    String linkCase(@PathVariable long id, @RequestParam(name = "supervision_case_id", required = false) String caseId,
                    Authentication authentication, RedirectAttributes redirect) {
        return act(id, authentication, redirect, "linked", () -> complaints.linkCase(id, caseId));
    }

    private String act(long id, Authentication authentication, RedirectAttributes redirect, String done, Supplier<Complaint> action) {
        Editors.require(authentication);
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.messages(e, LocaleContextHolder.getLocale()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(texts.text(e.getMessage(), LocaleContextHolder.getLocale())));
        } catch (NotFoundException e) {
            throw new PageNotFoundException("complaint", String.valueOf(id));
        }
        return "redirect:/complaints/" + id;
    }
}
