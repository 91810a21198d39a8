package org.yibao.server.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC-SM3 of the national interface's signature header (NATIONAL_INTERFACE §1): the secret's UTF-8
 * bytes as key, {@code unix seconds + "\n" + raw body} as message, lower-case hex.
 */
public final class HmacSm3 {

    private HmacSm3() {}

    public static String sign(String secret, long unixSeconds, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, unixSeconds, body));
    }

    /** Constant-time comparison with a hex digest in either case. */
    public static boolean verify(String secret, long unixSeconds, byte[] body, String hexDigest) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hexDigest.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, unixSeconds, body), given);
    }

    private static byte[] mac(String secret, long unixSeconds, byte[] body) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(secret.getBytes(StandardCharsets.UTF_8)));
        byte[] prefix = (unixSeconds + "\n").getBytes(StandardCharsets.US_ASCII);
        hmac.update(prefix, 0, prefix.length);
        hmac.update(body, 0, body.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }
}
