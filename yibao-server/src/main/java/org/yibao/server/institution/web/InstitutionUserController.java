package org.yibao.server.institution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.institution.InstitutionRole;
import org.yibao.server.institution.InstitutionUsers;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.InvalidInputException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Admin API of the institution portal's users (R-INST-5): ADMIN only (URL security), every change
 * audited. A created user and a reset password come back with the generated password, once.
 */
@RestController
@RequestMapping("/api/admin/institutions/{code}/users")
@Tag(name = "Institution users", description = "Users of the institution portal (机构服务) of one institution")
class InstitutionUserController {

    private final InstitutionUsers users;

    InstitutionUserController(InstitutionUsers users) {
        this.users = users;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewUser(String username, String role, String displayName) {}

    @GetMapping
    @Operation(summary = "The institution's portal users")
    List<InstitutionUsers.InstitutionUser> list(@PathVariable String code) {
        return users.list(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a portal user (INST_ADMIN or INST_STAFF) with a generated password, returned once")
    InstitutionUsers.Issued create(@PathVariable String code, @RequestBody NewUser body) {
        return users.create(code, body.username(), role(body.role()), body.displayName(), AuditTrail.currentActor());
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable a portal user (cannot sign in any more)")
    InstitutionUsers.InstitutionUser disable(@PathVariable String code, @PathVariable String username) {
        return users.setEnabled(code, username, false, AuditTrail.currentActor());
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled portal user again")
    InstitutionUsers.InstitutionUser enable(@PathVariable String code, @PathVariable String username) {
        return users.setEnabled(code, username, true, AuditTrail.currentActor());
    }

    @PostMapping("/{username}/password")
    @Operation(summary = "Reset a portal user's password to a generated one, returned once")
    InstitutionUsers.Issued resetPassword(@PathVariable String code, @PathVariable String username) {
        return users.resetPassword(code, username, AuditTrail.currentActor());
    }

    private static InstitutionRole role(String role) {
        try {
            return role == null ? null : InstitutionRole.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "enum", "role is INST_ADMIN or INST_STAFF, got " + role);
        }
    }
}
