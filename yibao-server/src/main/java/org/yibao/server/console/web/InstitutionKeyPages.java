package org.yibao.server.console.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yibao.server.gateway.InstitutionKeyService;
import org.yibao.server.institution.Institutions;

/**
 * An institution's national-interface keys (NATIONAL_INTERFACE §1), for administrators only: list,
 * issue (the secret is shown once, on the page that answers the issue), revoke. Audited.
 */
@Controller
class InstitutionKeyPages {

    private final InstitutionKeyService keys;
    private final Institutions institutions;

    InstitutionKeyPages(InstitutionKeyService keys, Institutions institutions) {
        this.keys = keys;
        this.institutions = institutions;
    }

    static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private void requireAdmin(Authentication authentication) {
        if (!isAdmin(authentication)) {
            throw new ForbiddenPageException();
        }
    }

    @GetMapping("/institutions/{code}/keys")
    String list(@PathVariable String code, Authentication authentication, Model model) {
        requireAdmin(authentication);
        model.addAttribute("section", "institutions");
        model.addAttribute("institution", institutions.find(code).orElseThrow(() -> new PageNotFoundException("institution", code)));
        model.addAttribute("keys", keys.keys(code));
        return "console/institution-keys";
    }

    @PostMapping("/institutions/{code}/keys")
    String issue(@PathVariable String code, Authentication authentication, Model model) {
        requireAdmin(authentication);
        InstitutionKeyService.IssuedKey issued = keys.issue(code);
        model.addAttribute("issued", issued);
        // Rendered directly (not redirected) so that the secret never travels in a URL or a flash cookie.
        return list(code, authentication, model);
    }

    @PostMapping("/institutions/{code}/keys/{accessKey}/revoke")
    String revoke(@PathVariable String code, @PathVariable String accessKey, Authentication authentication,
                  RedirectAttributes redirect) {
        requireAdmin(authentication);
        keys.revoke(code, accessKey);
        redirect.addFlashAttribute("flash", "keys.revokedDone");
        return "redirect:/institutions/" + code + "/keys";
    }
}
