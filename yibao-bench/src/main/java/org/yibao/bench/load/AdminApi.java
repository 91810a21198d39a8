package org.yibao.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import tools.jackson.databind.JsonNode;

/**
 * The staff side of the platform as the bench tools use it: the admin API (and, for what only the console
 * offers, the console's own form endpoints) with the administrator's Basic credentials from
 * {@code <data-dir>/admin-credentials.txt}. Anything but the expected answer is an {@link IOException}
 * naming the call and the answer.
 */
final class AdminApi {

    private static final Pattern ISSUED_KEY = Pattern.compile("id=\"issued-key\"[^>]*>([^<]+)<");
    private static final Pattern ISSUED_SECRET = Pattern.compile("id=\"issued-secret\"[^>]*>([^<]+)<");

    private final CloseableHttpClient http;
    private final String url;
    private final String authorization;

    AdminApi(CloseableHttpClient http, String url, Path dataDir) throws IOException {
        this.http = http;
        this.url = url;
        this.authorization = DemoPopulation.adminAuthorization(dataDir);
    }

    /** GET of a JSON answer; 200 or an error. */
    JsonNode get(String path) throws IOException {
        return DemoPopulation.admin(http, url + path, authorization);
    }

    /** GET of a text answer (a knowledge file); 200 or an error. */
    String text(String path) throws IOException {
        HisClient.Answer a = HisClient.get(http, url + path, "Authorization", authorization);
        return body(path, a, 200);
    }

    /** The answer to a GET, whatever its status (404 = not there). */
    HisClient.Answer probe(String path) throws IOException {
        return HisClient.get(http, url + path, "Authorization", authorization, "Accept", "application/json");
    }

    /** POST of a JSON body; the answer whatever its status. */
    HisClient.Answer post(String path, Object body) throws IOException {
        HttpPost post = new HttpPost(url + path);
        post.addHeader("Authorization", authorization);
        post.addHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(HisClient.JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return http.execute(post, r -> new HisClient.Answer(r.getCode(), r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
    }

    /** POST of a JSON body that must answer {@code status}; its JSON answer. */
    JsonNode post(String path, Object body, int status) throws IOException {
        return HisClient.JSON.readTree(body(path, post(path, body), status));
    }

    /**
     * Issues a national-interface key to an institution. Keys are issued on the console only (the secret is shown
     * once, on the page answering the form), so this posts the console's form with the Basic credentials (CSRF is
     * not asked of a Basic-authenticated call) and reads the key from that page.
     */
    DemoPopulation.Key issueKey(String fixmedinsCode) throws IOException {
        String path = "/institutions/" + fixmedinsCode + "/keys";
        HttpPost post = new HttpPost(url + path);
        post.addHeader("Authorization", authorization);
        HisClient.Answer a = http.execute(post, r -> new HisClient.Answer(r.getCode(), EntityUtils.toByteArray(r.getEntity())));
        String page = body(path, a, 200);
        Matcher key = ISSUED_KEY.matcher(page);
        Matcher secret = ISSUED_SECRET.matcher(page);
        if (!key.find() || !secret.find()) {
            throw new IOException("POST " + path + ": the console page shows no issued key");
        }
        return new DemoPopulation.Key(fixmedinsCode, key.group(1).strip(), secret.group(1).strip());
    }

    private static String body(String path, HisClient.Answer a, int status) throws IOException {
        String text = new String(a.body(), StandardCharsets.UTF_8);
        if (a.status() != status) {
            throw new IOException(path + " answered " + a.status() + ": " + text.substring(0, Math.min(600, text.length())));
        }
        return text;
    }
}
