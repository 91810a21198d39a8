package org.yibao.server.gateway;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.yibao.server.gateway.internal.KeyCache;

/**
 * Checks an institution's HMAC-SM3 signature (NATIONAL_INTERFACE §1) against its access key: the one
 * verification of the national interface and of the institution API ({@code /inst/api/**}). A call is
 * authentic when {@code x-ca-key} names a key not revoked, the timestamp of {@code x-ca-signature} is
 * within ±{@value #MAX_SKEW_SECONDS} s of the platform's clock and the digest is
 * {@code HMAC-SM3(secret, seconds + "\n" + signed bytes)}.
 */
@Component
public class InstitutionSignatures {

    public static final long MAX_SKEW_SECONDS = 300;

    /** Who signed: the access key and the institution it belongs to. */
    public record Signer(String accessKey, String fixmedinsCode) {}

    /** A signature refused, with a message for the institution's developers; nothing has been read or stored. */
    public static class InvalidSignatureException extends RuntimeException {
        public InvalidSignatureException(String message) {
            super(message);
        }
    }

    private final KeyCache keys;
    private final Clock clock;

    InstitutionSignatures(KeyCache keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The signer of {@code signed}, or {@link InvalidSignatureException} saying what is wrong. */
    public Signer verify(byte[] signed, String accessKey, String signature) {
        return verify(signed, accessKey, signature, clock.instant());
    }

    public Signer verify(byte[] signed, String accessKey, String signature, Instant now) {
        if (accessKey == null || accessKey.isBlank() || signature == null || signature.isBlank()) {
            throw new InvalidSignatureException("缺少签名：请求头须带 x-ca-key（机构访问密钥）和 x-ca-signature（时间戳:HMAC-SM3 签名）");
        }
        int colon = signature.indexOf(':');
        long timestamp;
        try {
            timestamp = Long.parseLong(signature.substring(0, Math.max(colon, 0)).trim());
        } catch (NumberFormatException e) {
            throw new InvalidSignatureException("x-ca-signature 格式应为 <unix 秒>:<十六进制 HMAC-SM3>");
        }
        long skew = Math.abs(now.getEpochSecond() - timestamp);
        if (skew > MAX_SKEW_SECONDS) {
            throw new InvalidSignatureException("签名时间戳与平台时间相差 " + skew + " 秒，超过 ±" + MAX_SKEW_SECONDS + " 秒；请校准时钟后重新签名");
        }
        if (accessKey.length() > 64) {
            throw new InvalidSignatureException("x-ca-key 无效或已停用");
        }
        KeyCache.Key key = keys.find(accessKey.trim()).orElseThrow(() -> new InvalidSignatureException("x-ca-key 无效或已停用"));
        if (!HmacSm3.verify(key.secret(), timestamp, signed, signature.substring(colon + 1).trim())) {
            throw new InvalidSignatureException("签名不正确：x-ca-signature 须为 HMAC-SM3(密钥, 时间戳 + \"\\n\" + 报文原文) 的十六进制");
        }
        return new Signer(key.accessKey(), key.fixmedinsCode());
    }
}
