package org.yibao.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.yibao.server.gateway.HmacSm3;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HIS client of the national interface for tests: builds the envelope, signs with the
 * institution's HMAC-SM3 key from {@code <data-dir>/institution-keys.tsv} and posts over real HTTP.
 * {@code fsi.as("H99010000003").call("2201", Map.of("data", Map.of(...)))}.
 */
public final class FsiClient {

    public static final String PATH = "/fsi/api/rsfComIfsService/callService";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Clock SYSTEM = Clock.system(ZoneId.of("Asia/Shanghai"));

    private final int port;
    private final String fixmedinsCode;
    private final String admdvs;
    private final String accessKey;
    private final String secret;
    private final Clock clock;
    /** The insurance region {@link #call(String, Object)} names; 990100 unless {@link #insuredIn} changed it. */
    private String insuplcAdmdvs = "990100";

    public FsiClient(int port, String fixmedinsCode, String admdvs, String accessKey, String secret) {
        this(port, fixmedinsCode, admdvs, accessKey, secret, SYSTEM);
    }

    /**
     * A client whose HIS clock is {@code clock}: message times, msgids and signature timestamps follow it,
     * as an HIS on the same time as a platform whose clock a test moves.
     */
    public FsiClient(int port, String fixmedinsCode, String admdvs, String accessKey, String secret, Clock clock) {
        this.port = port;
        this.fixmedinsCode = fixmedinsCode;
        this.admdvs = admdvs;
        this.accessKey = accessKey;
        this.secret = secret;
        this.clock = clock;
    }

    /** The same institution's client signing with another key (e.g. one issued in the console). */
    public FsiClient(FsiClient institution, String accessKey, String secret) {
        this(institution.port, institution.fixmedinsCode, institution.admdvs, accessKey, secret, institution.clock);
    }

    /** This client's key and port, speaking for another institution code (its region taken from the code). */
    public FsiClient forInstitution(String code) {
        return new FsiClient(port, code, code.substring(1, 7), accessKey, secret, clock);
    }

    /** The HIS's clock (the system clock in Asia/Shanghai unless a test moves the platform's). */
    public Clock clock() {
        return clock;
    }

    /** The HIS's local time now. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    public String fixmedinsCode() {
        return fixmedinsCode;
    }

    public String admdvs() {
        return admdvs;
    }

    /** A fresh msgid: fixmedins_code(12) + yyyyMMddHHmmss(14) + a sequence (NATIONAL_INTERFACE §2). */
    public String newMsgid() {
        return fixmedinsCode + now().format(MSGID_TIME) + String.format("%04d", SEQUENCE.incrementAndGet() % 10_000)
                + String.format("%02d", SEQUENCE.get() / 10_000 % 100);
    }

    /** The envelope for {@code infno} with {@code input}, as an HIS would send it. */
    public Map<String, Object> envelope(String infno, String msgid, String insuplcAdmdvs, Object input) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("infno", infno);
        env.put("msgid", msgid);
        env.put("mdtrtarea_admvs", admdvs);
        env.put("insuplc_admdvs", insuplcAdmdvs == null ? "" : insuplcAdmdvs);
        env.put("recer_sys_code", "FSI_LOCAL");
        env.put("dev_no", "");
        env.put("dev_safe_info", "");
        env.put("cainfo", "");
        env.put("signtype", "");
        env.put("infver", "V1.0");
        env.put("opter_type", "1");
        env.put("opter", "OP001");
        env.put("opter_name", "收费员甲");
        env.put("inf_time", now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        env.put("fixmedins_code", fixmedinsCode);
        env.put("fixmedins_name", "");
        env.put("sign_no", "");
        env.put("input", input);
        return env;
    }

    /** This client, calling for persons insured in {@code admdvs} (e.g. the institution's own region). */
    public FsiClient insuredIn(String admdvs) {
        FsiClient c = new FsiClient(this, accessKey, secret);
        c.insuplcAdmdvs = admdvs;
        return c;
    }

    /** Calls {@code infno} for a person insured in 990100 (or {@link #insuredIn}) with a fresh msgid. */
    public Reply call(String infno, Object input) {
        return call(infno, insuplcAdmdvs, input);
    }

    public Reply call(String infno, String insuplcAdmdvs, Object input) {
        return send(bytes(envelope(infno, newMsgid(), insuplcAdmdvs, input)));
    }

    public static byte[] bytes(Object envelope) {
        return JSON.writeValueAsBytes(envelope);
    }

    /** Signs {@code body} now and posts it. */
    public Reply send(byte[] body) {
        long now = clock.millis() / 1000;
        return sendSigned(body, accessKey, now + ":" + HmacSm3.sign(secret, now, body));
    }

    /** Posts with the given headers (null = header absent), for tests of the signature rules. */
    public Reply sendSigned(byte[] body, String key, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("x-ca-key", key);
        }
        if (signature != null) {
            request.header("x-ca-signature", signature);
        }
        HttpResponse<byte[]> response = exchange(request.build());
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Set-Cookie").orElse(null));
    }

    /** Sends a request of a signed client (this one or {@link InstitutionApiClient}) and returns the raw response. */
    static HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The platform's HTTP port, for tests that speak HTTP by hand. */
    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secret() {
        return secret;
    }

    /** A reply: HTTP status, raw bytes (the parsed envelope on demand) and a Set-Cookie header if any. */
    public record Reply(int status, byte[] raw, String setCookie) {

        public JsonNode json() {
            return JSON.readTree(raw);
        }

        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        public int infcode() {
            return json().get("infcode").asInt();
        }

        public String errMsg() {
            JsonNode e = json().get("err_msg");
            return e == null || e.isNull() ? null : e.asString();
        }

        /** The reply's warn_msg: what the call did that the operator should know; null when nothing. */
        public String warnMsg() {
            JsonNode w = json().get("warn_msg");
            return w == null || w.isNull() ? null : w.asString();
        }

        public JsonNode output() {
            return json().get("output");
        }

        /** The reply is a success; fails with the err_msg otherwise. */
        public Reply ok() {
            if (status != 200 || infcode() != 0) {
                throw new AssertionError("expected infcode 0 but got HTTP " + status + ": " + text());
            }
            return this;
        }

        /** The reply is a refusal; fails otherwise. */
        public Reply refused() {
            if (status != 200 || infcode() != -1) {
                throw new AssertionError("expected infcode -1 but got HTTP " + status + ": " + text());
            }
            return this;
        }
    }
}
