package org.yibao.server.gateway.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /fsi/api/rsfComIfsService/callService} (NATIONAL_INTERFACE §1). Authentication is the
 * institution's HMAC-SM3 signature, checked by {@link FsiGateway} before anything else; every answer,
 * refusals included, is HTTP 200 with the reply envelope, as HIS clients expect.
 */
@RestController
class FsiController {

    static final MediaType JSON_UTF8 = new MediaType("application", "json", java.nio.charset.StandardCharsets.UTF_8);
    private final FsiGateway gateway;

    FsiController(FsiGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping(path = "/fsi/api/rsfComIfsService/callService")
    ResponseEntity<byte[]> callService(HttpServletRequest request,
                                       @RequestHeader(name = "x-ca-key", required = false) String accessKey,
                                       @RequestHeader(name = "x-ca-signature", required = false) String signature)
            throws IOException {
        // Read at most one byte more than allowed: a larger body is refused without being held in memory.
        byte[] body = request.getInputStream().readNBytes(FsiGateway.MAX_BODY_BYTES + 1);
        byte[] reply = gateway.call(body, accessKey, signature);
        return ResponseEntity.ok().contentType(JSON_UTF8).body(reply);
    }
}
