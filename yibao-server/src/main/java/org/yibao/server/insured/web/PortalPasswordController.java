package org.yibao.server.insured.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.insured.PortalCredentials;

/** Staff at the counter set a person's insured-portal password (ADMIN or CLERK, as every change of the admin API); audited without it. */
@RestController
@Tag(name = "Persons")
class PortalPasswordController {

    record PasswordBody(@JsonProperty("password") String password) {}

    private final PortalCredentials credentials;

    PortalPasswordController(PortalCredentials credentials) {
        this.credentials = credentials;
    }

    @PutMapping("/api/admin/persons/{psnNo}/portal-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set (or replace) the person's insured-portal password (8 to 100 characters)")
    void set(@PathVariable String psnNo, @RequestBody PasswordBody body) {
        credentials.setPassword(psnNo, body.password());
    }
}
