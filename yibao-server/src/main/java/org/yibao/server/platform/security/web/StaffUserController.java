package org.yibao.server.platform.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.platform.security.StaffRole;
import org.yibao.server.platform.security.StaffUsers;
import org.yibao.server.platform.web.NotFoundException;

/** Staff accounts (administrators only). */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Staff users", description = "Console and API accounts; administrators only")
class StaffUserController {

    private final StaffUsers users;

    StaffUserController(StaffUsers users) {
        this.users = users;
    }

    /** A new account. */
    record NewStaffUser(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_.-]{2,63}", message = "3–64 characters: lower-case letters, digits, _ . -, starting with a letter") String username,
            @NotBlank @Size(min = 12, max = 128, message = "at least 12 characters") String password,
            @NotNull StaffRole role,
            @NotBlank @Size(max = 100) String displayName) {}

    @GetMapping
    @Operation(summary = "List staff accounts")
    List<StaffUsers.StaffUser> list() {
        return users.list();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One staff account")
    StaffUsers.StaffUser get(@PathVariable String username) {
        return users.find(username).orElseThrow(() -> new NotFoundException("staff_user", username));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a staff account")
    StaffUsers.StaffUser create(@Valid @RequestBody NewStaffUser body) {
        return users.create(body.username(), body.password(), body.role(), body.displayName());
    }
}
