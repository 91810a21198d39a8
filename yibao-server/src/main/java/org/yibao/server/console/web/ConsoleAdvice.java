package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yibao.server.platform.security.StaffUsers;

/** What every console page shows in its header (who is signed in) and the console's 404 page. */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    /** The signed-in staff member as the header shows them. */
    record Staff(String username, String displayName, String role) {}

    private final StaffUsers users;

    ConsoleAdvice(StaffUsers users) {
        this.users = users;
    }

    @ModelAttribute("staff")
    Staff staff(Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
            return null;
        }
        String role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .findFirst().orElse("");
        String displayName = users.find(authentication.getName())
                .map(StaffUsers.StaffUser::displayName).orElse(authentication.getName());
        return new Staff(authentication.getName(), displayName, role);
    }

    /** Whether the edit links and buttons are shown (R-REF-5: ADMIN and CLERK change reference data). */
    @ModelAttribute("canEdit")
    boolean canEdit(Principal principal) {
        return principal instanceof Authentication authentication && Editors.canEdit(authentication);
    }

    @ExceptionHandler(ForbiddenPageException.class)
    String forbidden(Model model, HttpServletResponse response, Principal principal) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("staff", staff(principal));
        return "console/forbidden";
    }

    @ExceptionHandler(PageNotFoundException.class)
    String notFound(PageNotFoundException e, Model model, HttpServletResponse response, Principal principal) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("staff", staff(principal));
        model.addAttribute("entity", e.entity());
        model.addAttribute("key", e.key());
        return "console/not-found";
    }
}
