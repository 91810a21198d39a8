package org.yibao.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HIS client of the national interface (NATIONAL_INTERFACE §1–§2) for one institution: builds the
 * envelope, gives each call a unique msgid, signs it with HMAC-SM3 and posts it over HTTP.
 */
public final class HisClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final ContentType JSON_UTF8 = ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8);

    /** One reply: the parsed envelope and the time the call took. */
    public record Reply(JsonNode json, byte[] raw, long nanos) {
        public boolean ok() {
            return json != null && json.path("infcode").asInt(-1) == 0;
        }

        public JsonNode output() {
            return json.get("output");
        }

        public String errMsg() {
            return json == null ? "no reply" : json.path("err_msg").asString("");
        }
    }

    /** One HTTP answer: status and body. */
    public record Answer(int status, byte[] body) {}

    private final CloseableHttpClient http;
    private final String uri;
    private final String fixmedinsCode;
    private final String admdvs;
    private final String accessKey;
    private final String secret;

    public HisClient(CloseableHttpClient http, String baseUrl, String fixmedinsCode, String accessKey, String secret) {
        this.http = http;
        this.uri = baseUrl + "/fsi/api/rsfComIfsService/callService";
        this.fixmedinsCode = fixmedinsCode;
        this.admdvs = fixmedinsCode.substring(1, 7);
        this.accessKey = accessKey;
        this.secret = secret;
    }

    /** An HTTP client keeping up to {@code connections} keep-alive connections to the platform. */
    public static CloseableHttpClient httpClient(int connections) {
        return httpClient(connections, Timeout.ofSeconds(30));
    }

    /** As {@link #httpClient(int)}, waiting up to {@code timeout} for an answer (a run after settlement answers when it ends). */
    public static CloseableHttpClient httpClient(int connections, Timeout timeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                        // The platform's Tomcat closes a connection idle for 60 s. A connection idle for more than 2 s is
                        // checked before it is used again, and one idle for 30 s is closed, so that a call is not sent on a
                        // connection the server has just closed (it would fail with no reply and is not retried here).
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(timeout).setValidateAfterInactivity(TimeValue.ofSeconds(2)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableCookieManagement().disableAutomaticRetries().disableRedirectHandling()
                .build();
    }

    /** A GET with the given headers (name, value, name, value, …). */
    public static Answer get(CloseableHttpClient http, String url, String... headers) throws IOException {
        HttpGet get = new HttpGet(url);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            get.addHeader(headers[i], headers[i + 1]);
        }
        return http.execute(get, r -> new Answer(r.getCode(), r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
    }

    public String fixmedinsCode() {
        return fixmedinsCode;
    }

    /** An HIS's clock: China time, whatever the zone of the machine the generator runs on (the platform's business day is China's). */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    public static LocalDateTime localNow() {
        return LocalDateTime.now(ZONE);
    }

    public static String now() {
        return localNow().format(TIME);
    }

    /** A msgid unique across all clients of this process: code(12) + time(14) + sequence. */
    public String newMsgid() {
        return fixmedinsCode + localNow().format(MSGID_TIME) + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
    }

    public byte[] body(String infno, String msgid, String insuplcAdmdvs, Object input) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("infno", infno);
        env.put("msgid", msgid);
        env.put("mdtrtarea_admvs", admdvs);
        env.put("insuplc_admdvs", insuplcAdmdvs);
        env.put("recer_sys_code", "YIBAO_LOAD");
        env.put("infver", "V1.0");
        env.put("opter_type", "1");
        env.put("opter", "LOAD");
        env.put("opter_name", "压测");
        env.put("inf_time", now());
        env.put("fixmedins_code", fixmedinsCode);
        env.put("fixmedins_name", "");
        env.put("input", input);
        return JSON.writeValueAsBytes(env);
    }

    public Reply call(String infno, String insuplcAdmdvs, Object input) throws IOException {
        return send(body(infno, newMsgid(), insuplcAdmdvs, input));
    }

    /** Signs {@code body} now and posts it. */
    public Reply send(byte[] body) throws IOException {
        long ts = System.currentTimeMillis() / 1000;
        HttpPost post = new HttpPost(uri);
        post.addHeader("x-ca-key", accessKey);
        post.addHeader("x-ca-signature", ts + ":" + sign(secret, ts, body));
        post.setEntity(new ByteArrayEntity(body, JSON_UTF8));
        long start = System.nanoTime();
        Answer answer = http.execute(post, r -> new Answer(r.getCode(), EntityUtils.toByteArray(r.getEntity())));
        long nanos = System.nanoTime() - start;
        JsonNode json = null;
        if (answer.status() == 200) {
            try {
                json = JSON.readTree(answer.body());
            } catch (RuntimeException e) {
                json = null;
            }
        }
        return new Reply(json, answer.body(), nanos);
    }

    static String sign(String secret, long ts, byte[] body) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(secret.getBytes(StandardCharsets.UTF_8)));
        byte[] prefix = (ts + "\n").getBytes(StandardCharsets.US_ASCII);
        mac.update(prefix, 0, prefix.length);
        mac.update(body, 0, body.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
