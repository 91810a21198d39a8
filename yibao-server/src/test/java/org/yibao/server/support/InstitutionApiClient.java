package org.yibao.server.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.yibao.server.gateway.HmacSm3;
import tools.jackson.databind.JsonNode;

/**
 * A centre's HIS calling the signed institution API ({@code /inst/api/**}) over real HTTP with the
 * same key as its national-interface client: a POST signs its raw body, a GET its raw query string.
 */
public final class InstitutionApiClient {

    private final int port;
    private final String accessKey;
    private final String secret;
    /** The HIS's clock: the platform's in clock-controlled tests, so that signatures are on time there too. */
    private final java.time.Clock clock;

    public InstitutionApiClient(int port, FsiClient institution) {
        this.port = port;
        this.accessKey = institution.accessKey();
        this.secret = institution.secret();
        this.clock = institution.clock();
    }

    public Response post(String path, Object body) {
        return postSigned(path, FsiClient.bytes(body), clock.millis() / 1000, accessKey, secret);
    }

    /** Posts {@code body} signed at {@code unixSeconds} with the given key and secret (for the signature rules). */
    public Response postSigned(String path, byte[] body, long unixSeconds, String key, String withSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        sign(request, body, unixSeconds, key, withSecret);
        return send(request);
    }

    /** GET {@code path?query}, signed over the query string. */
    public Response get(String path, String query) {
        return get(path, query, null);
    }

    /** The same GET asking for answers in {@code language} ({@code Accept-Language}; null for none). */
    public Response get(String path, String query, String language) {
        byte[] signed = query.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?" + query))
                .timeout(Duration.ofSeconds(30)).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        sign(request, signed, clock.millis() / 1000, accessKey, secret);
        return send(request);
    }

    private static void sign(HttpRequest.Builder request, byte[] signed, long unixSeconds, String key, String withSecret) {
        if (key != null) {
            request.header("x-ca-key", key);
            request.header("x-ca-signature", unixSeconds + ":" + HmacSm3.sign(withSecret, unixSeconds, signed));
        }
    }

    private static Response send(HttpRequest.Builder request) {
        HttpResponse<byte[]> r = FsiClient.exchange(request.build());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), new String(r.body(), StandardCharsets.UTF_8));
    }

    public String accessKey() {
        return accessKey;
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return FsiClient.JSON.readTree(body);
        }

        public String detail() {
            return json().path("detail").asString();
        }
    }
}
