package org.yibao.server.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yibao.server.support.FsiClient;

/**
 * Issue 4 "Crash safety": the platform and its PostgreSQL are killed with SIGKILL in the middle of a
 * load of settlements, twice, and restarted on the same data. Every settlement acknowledged with
 * infcode 0 is stored exactly once and is answered again byte for byte; nothing unacknowledged is half
 * written; the ledger balances; the accumulators equal a recomputation from the stored settlements;
 * every account balance equals its entries.
 */
class CrashSafetyTest {

    @TempDir
    Path dataDir;

    private Process platform;
    private int port;

    /** One acknowledged settlement: its request (to replay) and the reply it got. */
    record Acknowledged(FsiClient client, byte[] body, String msgid, byte[] reply) {}

    @AfterEach
    void killEverything() {
        kill();
    }

    @Test
    void acknowledgedSettlementsSurviveSigkillOfTheJvmAndPostgresqlExactlyOnce() throws Exception {
        start();
        List<String[]> persons = query("""
                select p.psn_no, p.insutype from person p where p.insured_admdvs = '990100' and p.valid_to is null
                  and p.status = 'NORMAL' and p.psn_no not like '9901000000000000000%' order by p.psn_no limit 400""");
        List<String[]> keys = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("institution-keys.tsv"))) {
            String[] f = line.split("\t");
            if (f[0].startsWith("H990100")) {
                keys.add(f);
            }
        }
        assertThat(count("select count(*) from personal_account a where a.balance <> "
                + "(select coalesce(sum(amount), 0) from personal_account_entry e where e.psn_no = a.psn_no)")).isZero();

        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        SplittableRandom random = new SplittableRandom(4242);
        for (int cycle = 0; cycle < 2; cycle++) {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService workers = Executors.newFixedThreadPool(12);
            for (int w = 0; w < 12; w++) {
                int worker = w;
                int c = cycle;
                workers.submit(() -> load(worker, c, persons, keys, acknowledged, running));
            }
            Thread.sleep(2000 + random.nextInt(3000));
            kill();
            running.set(false);
            workers.shutdown();
            assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            start();
        }
        assertThat(acknowledged).hasSizeGreaterThan(20);
        System.out.printf("crash safety: %d settlements acknowledged over two SIGKILLs, %d stored%n", acknowledged.size(),
                count("select count(*) from settlement"));

        for (Acknowledged a : acknowledged) {
            assertThat(count("select count(*) from settlement where medins_setl_id = '" + a.msgid() + "' and reverses_setl_id is null"))
                    .as(a.msgid()).isEqualTo(1);
        }
        // A replay of an acknowledged settlement after the crashes gets the same reply, byte for byte.
        for (Acknowledged a : new ArrayList<>(acknowledged).subList(0, 10)) {
            FsiClient again = new FsiClient(port, a.client().fixmedinsCode(), "990100", a.client().accessKey(), a.client().secret());
            assertThat(again.send(a.body()).raw()).isEqualTo(a.reply());
        }
        assertThat(count("select count(*) from settlement s where reverses_setl_id is null and not exists "
                + "(select 1 from fsi_message m where m.msgid = s.medins_setl_id and m.infcode = 0)")).isZero();
        assertThat(count("select count(*) from fsi_message m where m.infno = '2207' and m.infcode = 0 and not exists "
                + "(select 1 from settlement s where s.medins_setl_id = m.msgid)")).isZero();
        assertThat(count("select count(*) from settlement s where not exists (select 1 from ledger_posting p "
                + "where p.source_type = 'SETTLEMENT' and p.source_id = s.setl_id)")).isZero();
        assertThat(count("select count(*) from settlement s where reversed_by is null and reverses_setl_id is null "
                + "and not exists (select 1 from fee_line f where f.setl_id = s.setl_id)")).isZero();
        assertThat(count("select count(*) from (select posting_id from ledger_entry group by posting_id having sum(amount) <> 0) x")).isZero();
        assertThat(count("""
                select count(*) from (
                  (select psn_no, admdvs, year, cum_key, amount from accumulator where amount <> 0
                   except
                   select s.psn_no, s.insured_admdvs, s.year, a.cum_key, sum(a.amount) from settlement_accumulation a
                   join settlement s using (setl_id) group by 1, 2, 3, 4 having sum(a.amount) <> 0)
                  union all
                  (select s.psn_no, s.insured_admdvs, s.year, a.cum_key, sum(a.amount) from settlement_accumulation a
                   join settlement s using (setl_id) group by 1, 2, 3, 4 having sum(a.amount) <> 0
                   except
                   select psn_no, admdvs, year, cum_key, amount from accumulator where amount <> 0)) x""")).isZero();
        assertThat(count("select count(*) from personal_account a where a.balance <> "
                + "(select coalesce(sum(amount), 0) from personal_account_entry e where e.psn_no = a.psn_no)")).isZero();
    }

    private void load(int worker, int cycle, List<String[]> persons, List<String[]> keys, ConcurrentLinkedQueue<Acknowledged> acknowledged,
                      AtomicBoolean running) {
        SplittableRandom random = new SplittableRandom(worker * 31L + cycle);
        int n = 0;
        while (running.get()) {
            String[] key = keys.get(random.nextInt(keys.size()));
            String[] person = persons.get((worker + 12 * random.nextInt(persons.size() / 12)) % persons.size());
            FsiClient his = new FsiClient(port, key[0], "990100", key[1], key[2]);
            try {
                Visit v = new Visit(his, person[0], person[1]);
                if (v.register().infcode() != 0) {
                    continue;
                }
                v.line("001101000010000", "1", "20.00").line("XC09CAL100A001010101002", String.valueOf(1 + n++ % 3), "36.50");
                if (v.upload("2204").infcode() != 0) {
                    continue;
                }
                Map<String, Object> data = v.settlementData("11", true);
                String msgid = his.newMsgid();
                byte[] body = FsiClient.bytes(his.envelope("2207", msgid, "990100", Map.of("data", data)));
                FsiClient.Reply reply = his.send(body);
                if (reply.infcode() == 0) {
                    acknowledged.add(new Acknowledged(his, body, msgid, reply.raw()));
                }
            } catch (RuntimeException e) {
                // The platform is being killed: whatever was not acknowledged may or may not be stored.
                sleep(100);
            }
        }
    }

    private void start() throws Exception {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"), "org.yibao.server.YibaoApplication",
                "--server.port=" + port, "--yibao.data-dir=" + dataDir, "--yibao.demo.persons=2000", "--yibao.demo.institutions=40",
                "--yibao.demo.catalogue-items=300", "--yibao.demo.history.enabled=false", "--logging.level.root=WARN"));
        Path log = Path.of("target", "test-logs", "crash-safety-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        platform = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(platform.isAlive()).as("platform process (log " + log.toAbsolutePath() + ")").isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("platform did not start, see " + log.toAbsolutePath());
    }

    /** SIGKILL the JVM and every PostgreSQL process of the data dir. */
    private void kill() {
        if (platform != null) {
            platform.destroyForcibly();
            try {
                platform.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Path pid = dataDir.resolve("pgdata/postmaster.pid");
        try {
            if (Files.exists(pid)) {
                long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
                ProcessHandle.of(postmaster).ifPresent(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                });
            }
        } catch (IOException | RuntimeException e) {
            // no PostgreSQL running
        }
    }

    private Connection connect() throws Exception {
        int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(3).trim());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "postgres");
    }

    private long count(String sql) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String[]> query(String sql) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String[] row = new String[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
