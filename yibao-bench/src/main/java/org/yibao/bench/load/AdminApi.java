package org.yibao.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import tools.jackson.databind.JsonNode;

/**
 * The staff side of the platform as the bench tools use it: the admin API with the administrator's Basic
 * credentials from
 * {@code <data-dir>/admin-credentials.txt}. Anything but the expected answer is an {@link IOException}
 * naming the call and the answer.
 */
final class AdminApi {

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

    /** Issues a national-interface key to an institution (its secret is in this answer only). */
    DemoPopulation.Key issueKey(String fixmedinsCode) throws IOException {
        JsonNode key = post("/api/admin/institutions/" + fixmedinsCode + "/keys", java.util.Map.of(), 201);
        return new DemoPopulation.Key(fixmedinsCode, key.get("access_key").asString(), key.get("secret").asString());
    }

    private static String body(String path, HisClient.Answer a, int status) throws IOException {
        String text = new String(a.body(), StandardCharsets.UTF_8);
        if (a.status() != status) {
            throw new IOException(path + " answered " + a.status() + ": " + text.substring(0, Math.min(600, text.length())));
        }
        return text;
    }
}
