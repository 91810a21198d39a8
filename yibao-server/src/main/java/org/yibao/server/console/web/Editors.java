package org.yibao.server.console.web;

import org.springframework.security.core.Authentication;

/**
 * Who may change reference data from the console (R-REF-5): ADMIN and CLERK, as the URL security
 * already enforces for every console POST. The controllers check it again so that an AUDITOR or
 * READONLY user gets 403 on the edit form itself, not only on its submission.
 */
final class Editors {

    private Editors() {}

    static boolean canEdit(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()) || "ROLE_CLERK".equals(a.getAuthority()));
    }

    static void require(Authentication authentication) {
        if (!canEdit(authentication)) {
            throw new ForbiddenPageException();
        }
    }
}
