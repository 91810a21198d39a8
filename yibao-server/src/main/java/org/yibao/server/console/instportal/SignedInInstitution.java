package org.yibao.server.console.instportal;

import java.security.Principal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.yibao.server.institution.InstitutionRole;
import org.yibao.server.institution.InstitutionUsers;
import org.yibao.server.institution.Institutions;

/**
 * The signed-in institution user and their institution, read from the user's row on every request: the
 * institution code of every query comes from here, never from the request. A user disabled after
 * signing in is refused from the next request on.
 */
@Component
class SignedInInstitution {

    /** The user, their institution's code and name. */
    record Me(String username, String displayName, InstitutionRole role, String code, String institutionName) {
        public boolean admin() {
            return role == InstitutionRole.INST_ADMIN;
        }

        /** What the audit trail records as the actor: marked as an institution user, never mistaken for staff. */
        public String actor() {
            return "inst:" + username;
        }
    }

    private final InstitutionUsers users;
    private final Institutions institutions;

    SignedInInstitution(InstitutionUsers users, Institutions institutions) {
        this.users = users;
        this.institutions = institutions;
    }

    Me me(Principal principal) {
        InstitutionUsers.InstitutionUser u = users.find(principal.getName()).filter(InstitutionUsers.InstitutionUser::enabled)
                .orElseThrow(() -> new AccessDeniedException("institution user disabled"));
        String name = institutions.find(u.fixmedinsCode()).map(i -> i.name()).orElse(u.fixmedinsCode());
        return new Me(u.username(), u.displayName(), u.role(), u.fixmedinsCode(), name);
    }
}
