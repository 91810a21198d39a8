package org.yibao.server.console.portal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.complaint.Complaint;
import org.yibao.server.complaint.Complaints;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * 我的投诉 (R-CMP): the signed-in person files a complaint about an institution or a person and reads
 * their own complaints with the state, the due date and the reply. Reads by the principal's psn_no
 * only; someone else's complaint answers 404 like one that does not exist.
 */
@Controller
class PortalComplaintPages {

    private final Complaints complaints;
    private final RefusalTexts texts;

    PortalComplaintPages(Complaints complaints, RefusalTexts texts) {
        this.complaints = complaints;
        this.texts = texts;
    }

    @GetMapping("/portal/complaints")
    String list(Principal me, Model model) {
        model.addAttribute("section", "complaints");
        model.addAttribute("complaints", complaints.forPerson(me.getName()));
        model.addAttribute("categories", Complaint.CATEGORIES);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "portal/complaints";
    }

    @PostMapping("/portal/complaints")
    String file(@RequestParam Map<String, String> params, Principal me, Locale locale, RedirectAttributes redirect) {
        try {
            Complaint c = complaints.fileByPerson(me.getName(), params.get("subject_kind"), params.get("subject_code"),
                    params.get("subject_name"), params.get("category"), params.get("text"));
            redirect.addFlashAttribute("filed", c.dueDate());
            return "redirect:/portal/complaints/" + c.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.messages(e, locale));
            Map<String, String> form = new LinkedHashMap<>(params);
            form.remove("_csrf");
            redirect.addFlashAttribute("form", form);
            return "redirect:/portal/complaints";
        }
    }

    @GetMapping("/portal/complaints/{id}")
    String detail(@PathVariable long id, Principal me, Model model) {
        model.addAttribute("section", "complaints");
        model.addAttribute("c", complaints.findForPerson(me.getName(), id).orElseThrow(() -> new PortalNotFoundException("complaint")));
        return "portal/complaint";
    }
}
