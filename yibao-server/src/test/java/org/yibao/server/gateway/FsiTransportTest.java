package org.yibao.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.FsiClient;
import org.yibao.server.support.FsiClients;

/** NATIONAL_INTERFACE §1–§2: signatures, timestamps, the envelope and msgid idempotency, over real HTTP. */
@IntegrationTest
class FsiTransportTest {

    @Autowired
    FsiClients fsi;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.yibao.server.support.TestUsers users;

    private static Map<String, Object> signIn() {
        return Map.of("signIn", Map.of("opter_no", "OP001", "mac", "00-16-3E-00-00-01", "ip", "10.0.0.8"));
    }

    private long signIns() {
        return jdbc.sql("select count(*) from fsi_sign_in").query(Long.class).single();
    }

    @Test
    void aSignedSignInIsAnsweredWithTheEnvelopeOfTheSpec() {
        FsiClient his = fsi.as("H99010000003");
        FsiClient.Reply reply = his.call("9001", signIn()).ok();

        var json = reply.json();
        assertThat(json.get("infcode").isNumber()).isTrue();
        assertThat(json.get("err_msg").isNull()).isTrue();
        assertThat(json.get("inf_refmsgid").asString()).matches("990100\\d{24}");
        assertThat(json.get("refmsg_time").asString()).matches("\\d{17}");
        assertThat(json.get("respond_time").asString()).matches("\\d{17}");
        assertThat(json.has("warn_msg")).isTrue();
        assertThat(reply.output().get("signinoutb").get("sign_no").asString()).isNotBlank();
    }

    @Test
    void onlyTheSignedPostOfTheOneEndpointIsServedAndItNeverOpensASession() {
        // The endpoint has no staff login in front of it: GET is refused by the gateway itself, every
        // other path under /fsi/ by the security configuration, and a reply never sets a session cookie.
        var get = users.anonymous().get(FsiClient.PATH);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("infcode").asInt()).isEqualTo(-1);
        assertThat(get.json().get("err_msg").asString()).contains("POST");
        assertThat(users.anonymous().post("/fsi/api/other", Map.of()).status()).isEqualTo(403);
        assertThat(users.admin().get("/fsi/api/other").status()).isEqualTo(403);

        FsiClient his = fsi.as("H99010000003");
        FsiClient.Reply reply = his.call("9001", signIn()).ok();
        assertThat(reply.setCookie()).isNull();
        // Operators see the calls per transaction in the metrics.
        var metric = users.admin().get("/actuator/metrics/yibao.fsi.calls?tag=infno:9001");
        assertThat(metric.status()).isEqualTo(200);
        assertThat(metric.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aClientThatWaitsForLeaveToSendTheBodyIsToldToContinue() throws Exception {
        // .NET's and several Java HTTP clients send a POST's headers with "Expect: 100-continue" and wait for the
        // interim answer before the body; without it every call would stall until the client stops waiting.
        FsiClient his = fsi.as("H99010000003");
        byte[] body = FsiClient.bytes(his.envelope("9001", his.newMsgid(), null, signIn()));
        long now = System.currentTimeMillis() / 1000;
        try (java.net.Socket socket = new java.net.Socket("localhost", his.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST " + FsiClient.PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\nx-ca-key: " + his.accessKey()
                    + "\r\nx-ca-signature: " + now + ":" + HmacSm3.sign(his.secret(), now, body) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = socket.getInputStream();
            assertThat(line(in)).startsWith("HTTP/1.1 100");
            assertThat(line(in)).isEmpty();
            out.write(body);
            out.flush();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 200").contains("\"infcode\":0", "sign_no");
        }
    }

    @Test
    void anHisSendsADaysCallsOnOneConnectionWithoutBeingToldToReconnect() throws Exception {
        // An HIS opens its connection in the morning and keeps it; a server that closes it every hundred requests
        // makes every counter pay a new TCP connection every 33 visits.
        FsiClient his = fsi.as("H99010000003");
        try (java.net.Socket socket = new java.net.Socket("localhost", his.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            for (int i = 1; i <= 150; i++) {
                byte[] body = FsiClient.bytes(his.envelope("9001", his.newMsgid(), null, signIn()));
                long now = System.currentTimeMillis() / 1000;
                out.write(("POST " + FsiClient.PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nx-ca-key: " + his.accessKey()
                        + "\r\nx-ca-signature: " + now + ":" + HmacSm3.sign(his.secret(), now, body) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                assertThat(line(in)).as("status of call %d", i).startsWith("HTTP/1.1 200");
                int length = -1;
                for (String header = line(in); !header.isEmpty(); header = line(in)) {
                    assertThat(header).as("header of call %d", i).doesNotContainIgnoringCase("connection: close");
                    if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                assertThat(new String(in.readNBytes(length), StandardCharsets.UTF_8)).as("reply %d", i).contains("\"infcode\":0");
            }
        }
    }

    private static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Test
    void withoutAValidSignatureNothingIsProcessed() {
        FsiClient his = fsi.as("H99010000003");
        byte[] body = FsiClient.bytes(his.envelope("9001", his.newMsgid(), null, signIn()));
        long before = signIns();
        long now = System.currentTimeMillis() / 1000;

        assertThat(his.sendSigned(body, null, null).refused().errMsg()).contains("x-ca-key", "x-ca-signature");
        assertThat(his.sendSigned(body, his.accessKey(), now + ":" + "00".repeat(32)).refused().errMsg()).contains("签名不正确");
        assertThat(his.sendSigned(body, "NO-SUCH-KEY", now + ":" + HmacSm3.sign(his.secret(), now, body)).refused().errMsg())
                .contains("x-ca-key 无效");
        assertThat(his.sendSigned(body, his.accessKey(), "abc").refused().errMsg()).contains("格式");
        // Signed over another body: the signature covers the exact bytes.
        byte[] other = new String(body, StandardCharsets.UTF_8).replace("OP001", "OP002").getBytes(StandardCharsets.UTF_8);
        assertThat(his.sendSigned(other, his.accessKey(), now + ":" + HmacSm3.sign(his.secret(), now, body)).refused().errMsg())
                .contains("签名不正确");
        // Another institution's key cannot sign for this one.
        FsiClient otherHis = fsi.as("H99010000001");
        assertThat(otherHis.send(body).refused().errMsg()).contains("fixmedins_code", "H99010000001");
        assertThat(signIns()).isEqualTo(before);
    }

    @Test
    void timestampsOutsideFiveMinutesAreRefusedAndUpperCaseHexIsAccepted() {
        FsiClient his = fsi.as("H99010000003");
        long now = System.currentTimeMillis() / 1000;
        byte[] body = FsiClient.bytes(his.envelope("9001", his.newMsgid(), null, signIn()));

        // A margin of 30 s over the limit: the platform reads its clock a moment after the test does.
        for (long ts : new long[] {now - 330, now + 330, now - 3600, now + 3600}) {
            assertThat(his.sendSigned(body, his.accessKey(), ts + ":" + HmacSm3.sign(his.secret(), ts, body)).refused().errMsg())
                    .contains("±300");
        }
        long ts = now - 200;
        his.sendSigned(body, his.accessKey(), ts + ":" + HmacSm3.sign(his.secret(), ts, body).toUpperCase()).ok();
    }

    @Test
    void aReplayGetsTheOriginalReplyByteForByteAndAnotherBodyWithTheSameMsgidIsRefused() {
        FsiClient his = fsi.as("H99010000003");
        String msgid = his.newMsgid();
        byte[] body = FsiClient.bytes(his.envelope("9001", msgid, null, signIn()));
        long before = signIns();

        FsiClient.Reply first = his.send(body).ok();
        FsiClient.Reply again = his.send(body).ok();   // signed again with a fresh timestamp, as a retrying client does

        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(signIns()).isEqualTo(before + 1);

        byte[] changed = FsiClient.bytes(his.envelope("9001", msgid, null,
                Map.of("signIn", Map.of("opter_no", "OP009", "mac", "x", "ip", "y"))));
        assertThat(his.send(changed).refused().errMsg()).contains("msgid", msgid, "已用于另一笔报文");
        assertThat(signIns()).isEqualTo(before + 1);
    }

    @Test
    void copiesOfOneMessageSentAtOnceAreProcessedOnceAndAllAnsweredWithTheSameReply() throws Exception {
        // A HIS that times out and resends while the first copy is still being processed: the copies race
        // for the msgid; the losers' work is rolled back and they answer with the winner's stored reply.
        FsiClient his = fsi.as("H99010000002");
        byte[] body = FsiClient.bytes(his.envelope("9001", his.newMsgid(), null,
                Map.of("signIn", Map.of("opter_no", "OP042", "mac", "00-16-3E-00-00-42", "ip", "10.0.0.42"))));
        long before = signIns();
        int copies = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(copies);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
        try {
            java.util.List<java.util.concurrent.Future<FsiClient.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < copies; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return his.send(body);
                }));
            }
            byte[] first = replies.get(0).get().ok().raw();
            for (java.util.concurrent.Future<FsiClient.Reply> reply : replies) {
                assertThat(reply.get().ok().raw()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(signIns()).isEqualTo(before + 1);
    }

    @Autowired
    org.yibao.server.institution.Institutions institutions;
    @Autowired
    InstitutionKeyService keys;

    @Test
    void anInstitutionWithoutAnAgreementInForceCannotUseTheInterface() {
        String code = "H99010099" + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext();
        auth.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                "test-setup", null, org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            institutions.create(new org.yibao.server.institution.Institution(code, "未定点诊所", "990100", 1, "CLINIC", null, false,
                    false, false, false, null, java.time.LocalDate.of(2025, 1, 1), null));
            var key = keys.issue(code);
            FsiClient his = new FsiClient(fsi.as("H99010000003"), key.accessKey(), key.secret()).forInstitution(code);
            assertThat(his.call("9001", signIn()).refused().errMsg()).contains(code, "不是定点医药机构");
        } finally {
            auth.setAuthentication(null);
        }
    }

    @Test
    void envelopeProblemsAreNamed() {
        FsiClient his = fsi.as("H99010000003");
        assertThat(his.send("{not json".getBytes(StandardCharsets.UTF_8)).refused().errMsg()).contains("JSON");
        assertThat(his.send("[1,2]".getBytes(StandardCharsets.UTF_8)).refused().errMsg()).contains("JSON 对象");
        assertThat(his.call("7777", signIn()).refused().errMsg()).contains("infno", "7777");

        Map<String, Object> env = new java.util.LinkedHashMap<>(his.envelope("9001", his.newMsgid(), null, signIn()));
        env.put("mdtrtarea_admvs", "980100");
        assertThat(his.send(FsiClient.bytes(env)).refused().errMsg()).contains("mdtrtarea_admvs", "980100");
        env = new java.util.LinkedHashMap<>(his.envelope("9001", his.newMsgid(), null, signIn()));
        env.remove("opter");
        assertThat(his.send(FsiClient.bytes(env)).refused().errMsg()).contains("opter", "必填");
        env = new java.util.LinkedHashMap<>(his.envelope("9001", his.newMsgid(), null, signIn()));
        env.put("input", "x");
        assertThat(his.send(FsiClient.bytes(env)).refused().errMsg()).contains("input", "对象");
        // Duplicate keys are refused rather than guessed at.
        String dup = new String(FsiClient.bytes(his.envelope("9001", his.newMsgid(), null, signIn())), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"infno\":\"9002\",");
        assertThat(his.send(dup.getBytes(StandardCharsets.UTF_8)).refused().errMsg()).contains("JSON");
    }
}
