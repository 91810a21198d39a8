package org.yibao.server.console.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.engine.supervision.KnowledgeBase;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;
import org.yibao.server.supervision.KnowledgeBaseInForce;

/**
 * 知识库 in the console: the rules in force, each knowledge table with its version, rows and who changed
 * it, a download of any version, its history, and for administrators the upload of a new version (a
 * malformed table is shown with its file, line and reason, and nothing changes).
 */
@Controller
class KnowledgePages {

    private final KnowledgeBaseInForce knowledge;
    private final RefusalTexts texts;

    KnowledgePages(KnowledgeBaseInForce knowledge, RefusalTexts texts) {
        this.knowledge = knowledge;
        this.texts = texts;
    }

    @GetMapping("/supervision/knowledge")
    String page(Model model, Authentication authentication) {
        model.addAttribute("section", "knowledge");
        model.addAttribute("overview", knowledge.overview());
        Map<String, List<KnowledgeBaseInForce.FileVersion>> history = new LinkedHashMap<>();
        for (String file : KnowledgeBase.FILES) {
            history.put(file, knowledge.versions(file));
        }
        model.addAttribute("history", history);
        model.addAttribute("stale", knowledge.staleRules());
        model.addAttribute("canChange", InstitutionKeyPages.isAdmin(authentication));
        return "console/supervision-knowledge";
    }

    @GetMapping("/supervision/knowledge/{file}/download")
    ResponseEntity<byte[]> download(@PathVariable String file, @RequestParam(required = false) Integer version) {
        String text = knowledge.text(file, version);
        String name = version == null ? file : file.replace(".tsv", "-v" + version + ".tsv");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/supervision/knowledge")
    String upload(@RequestParam(required = false) String file, @RequestParam(required = false) String text, @RequestParam(required = false) String reason,
                  Authentication authentication, RedirectAttributes redirect) {
        if (!InstitutionKeyPages.isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
        try {
            KnowledgeBaseInForce.Change change = knowledge.replace(file, text, reason);
            redirect.addFlashAttribute("changed", change);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", texts.messages(e, LocaleContextHolder.getLocale()));
        } catch (ConflictException | org.yibao.server.platform.web.NotFoundException e) {
            redirect.addFlashAttribute("errors", List.of(texts.text(e, LocaleContextHolder.getLocale())));
        }
        return "redirect:/supervision/knowledge";
    }
}
