package org.yibao.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

    public static List<Person> persons(HttpClient http, String baseUrl, Path dataDir, String admdvs, int count)
            throws IOException, InterruptedException {
        List<String> credentials = Files.readAllLines(dataDir.resolve("admin-credentials.txt"));
        String auth = "Basic " + Base64.getEncoder().encodeToString((credentials.get(0) + ":" + credentials.get(1))
                .getBytes(StandardCharsets.UTF_8));
        List<Person> persons = new ArrayList<>();
        for (int page = 0; persons.size() < count; page++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/admin/persons?admdvs=" + admdvs
                            + "&status=NORMAL&size=200&page=" + page))
                    .header("Authorization", auth).header("Accept", "application/json").GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("admin API answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            JsonNode items = HisClient.JSON.readTree(response.body()).get("items");
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
