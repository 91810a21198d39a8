package org.yibao.server.gateway.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.server.gateway.InstitutionKeyService;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Admin API of an institution's national-interface keys (the console's 接口密钥 page as JSON, for
 * scripts such as {@code ./yibao simulate --labelled}): ADMIN only (URL security), every issue and
 * revocation audited. An issued key's secret comes back once, in the answer, never cached; the list
 * shows access keys only.
 */
@RestController
@RequestMapping("/api/admin/institutions/{code}/keys")
@Tag(name = "Institution keys", description = "HMAC-SM3 keys of one institution's HIS for the national interface")
class InstitutionKeyController {

    private final InstitutionKeyService keys;

    InstitutionKeyController(InstitutionKeyService keys) {
        this.keys = keys;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Issued(String fixmedinsCode, String accessKey, String secret) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Key(String accessKey, java.time.Instant createdAt, java.time.Instant revokedAt) {}

    @GetMapping
    @Operation(summary = "The institution's keys, newest first (access keys, never secrets)")
    List<Key> list(@PathVariable String code) {
        return keys.keys(code).stream().map(k -> new Key(k.accessKey(), k.createdAt(), k.revokedAt())).toList();
    }

    @PostMapping
    @Operation(summary = "Issue a new key; the secret is in this answer only")
    ResponseEntity<Issued> issue(@PathVariable String code) {
        InstitutionKeyService.IssuedKey k = keys.issue(code);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new Issued(k.fixmedinsCode(), k.accessKey(), k.secret()));
    }

    @PostMapping("/{accessKey}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key: calls signed with it are refused from now on")
    void revoke(@PathVariable String code, @PathVariable String accessKey) {
        keys.revoke(code, accessKey);   // 404 when the institution has no such key in force
    }
}
