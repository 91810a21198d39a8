package org.yibao.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import tools.jackson.databind.JsonNode;

/**
 * Who the load acts as: institutions with their keys from {@code <data-dir>/institution-keys.tsv} and
 * insured persons of a region read through the admin API (with the administrator's credentials from
 * {@code <data-dir>/admin-credentials.txt}), as an operator would.
 */
public final class DemoPopulation {

    /** A person the load settles for. */
    public record Person(String psnNo, String insutype, String certno, String admdvs) {}

    /** An institution's key. */
    public record Key(String fixmedinsCode, String accessKey, String secret) {}

    private DemoPopulation() {}

    public static List<Key> keys(Path dataDir, String regionPrefix) throws IOException {
        List<Key> keys = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("institution-keys.tsv"))) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[0].length() == 12 && f[0].startsWith("H") && f[0].substring(1).startsWith(regionPrefix)) {
                // Hospitals and health centres only: a pharmacy settles med_type 41, not the general outpatient visits of the load.
                keys.add(new Key(f[0], f[1], f[2]));
            }
        }
        return keys;
    }

    /** The administrator's Basic authorization header value, from {@code <data-dir>/admin-credentials.txt}. */
    public static String adminAuthorization(Path dataDir) throws IOException {
        List<String> credentials = Files.readAllLines(dataDir.resolve("admin-credentials.txt"));
        return "Basic " + Base64.getEncoder().encodeToString((credentials.get(0) + ":" + credentials.get(1))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** GET on the admin API; anything but 200 is an error naming the answer. */
    public static JsonNode admin(CloseableHttpClient http, String url, String authorization) throws IOException {
        HisClient.Answer answer = HisClient.get(http, url, "Authorization", authorization, "Accept", "application/json");
        if (answer.status() != 200) {
            throw new IOException("admin API answered " + answer.status() + ": " + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return HisClient.JSON.readTree(answer.body());
    }

    public static List<Person> persons(CloseableHttpClient http, String baseUrl, Path dataDir, String admdvs, int count)
            throws IOException {
        String auth = adminAuthorization(dataDir);
        List<Person> persons = new ArrayList<>();
        for (int page = 0; persons.size() < count; page++) {
            JsonNode items = admin(http, baseUrl + "/api/admin/persons?admdvs=" + admdvs + "&status=NORMAL&size=200&page=" + page, auth)
                    .get("items");
            if (items == null || items.isEmpty()) {
                break;
            }
            for (JsonNode p : items) {
                String psnNo = p.get("psn_no").asString();
                // The named cast (…0000000000000001–07) is left alone: its figures are the documentation's.
                if (!psnNo.startsWith("99010000000000000")) {
                    persons.add(new Person(psnNo, p.get("insutype").asString(), p.get("certno").asString(), admdvs));
                }
            }
        }
        return persons.subList(0, Math.min(count, persons.size()));
    }
}
