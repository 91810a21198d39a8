package org.yibao.server.console.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yibao.server.insured.Persons;

/** What every portal page shows in its header (the signed-in person's name) and the portal's 404 page. */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {

    private final Persons persons;

    PortalAdvice(Persons persons) {
        this.persons = persons;
    }

    /** The signed-in person's name, or null on the public pages. */
    @ModelAttribute("me")
    String me(Principal principal) {
        return principal == null ? null : persons.find(principal.getName()).map(p -> p.name()).orElse(null);
    }

    @ExceptionHandler(PortalNotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "portal/not-found";
    }
}
