package org.yibao.server.console.instportal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every institution-portal page shows in its header (the user and the institution) and its 404 page. */
@ControllerAdvice(basePackageClasses = InstitutionPortalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InstitutionPortalAdvice {

    private final SignedInInstitution signedIn;

    InstitutionPortalAdvice(SignedInInstitution signedIn) {
        this.signedIn = signedIn;
    }

    /** The signed-in user with their institution, or null on the login page. */
    @ModelAttribute("me")
    SignedInInstitution.Me me(Principal principal) {
        return principal == null ? null : signedIn.me(principal);
    }

    @ExceptionHandler(InstitutionPortalNotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "inst-portal/not-found";
    }
}
