package org.yibao.server.gateway.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.server.platform.db.DeferredWrites;
import org.yibao.server.gateway.InstitutionSignatures;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.institution.SettlementPermission;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiTimes;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;
import org.yibao.server.policy.PolicyBook;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call of the national interface, from raw bytes to the reply bytes (NATIONAL_INTERFACE §1–§2, §6):
 * signature and timestamp first (nothing is read or stored without them), then the envelope, then the
 * msgid replay look-up, then the transaction and the stored reply in one database transaction.
 */
@Component
public class FsiGateway {

    private static final Logger log = LoggerFactory.getLogger(FsiGateway.class);
    static final int MAX_BODY_BYTES = 512 * 1024;
    private static final Set<String> OPTER_TYPES = Set.of("1", "2", "3");
    /**
     * R-INST-1, R-INST-4: the transactions that open a visit or (pre-)settle, refused unless the
     * institution's agreement allows settlement on the day. Queries, uploads, cancellations and
     * reversals are not in it: an institution under suspension still looks up, uploads and undoes.
     */
    static final Set<String> SETTLING = Set.of("2201", "2401", "2206", "2206A", "2207", "2207A", "2303", "2304");

    private final Map<String, FsiTransaction> transactions = new HashMap<>();
    private final InstitutionSignatures signatures;
    private final FsiMessages messages;
    private final DeferredWrites deferred;
    private final io.micrometer.core.instrument.Counter reruns;
    private final FsiReplies replies;
    private final Institutions institutions;
    private final SettlementPermission permission;
    private final PolicyBook policies;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper reader;
    private final Map<String, CachedInstitution> institutionCache = new ConcurrentHashMap<>();
    /** Time per call by infno (refusals included), in place of the generic HTTP metric the endpoint does not record. */
    private final Map<String, io.micrometer.core.instrument.Timer> timers = new HashMap<>();
    private final io.micrometer.core.instrument.Timer unrecognised;

    private record CachedInstitution(Institution institution, String pooling, Instant checkedAt) {}

    FsiGateway(List<FsiTransaction> handlers, InstitutionSignatures signatures, FsiMessages messages, FsiReplies replies,
               Institutions institutions, SettlementPermission permission, PolicyBook policies, TransactionTemplate tx, Clock clock,
               io.micrometer.core.instrument.MeterRegistry meters, DeferredWrites deferred) {
        this.deferred = deferred;
        this.unrecognised = timer(meters, "none");
        this.reruns = io.micrometer.core.instrument.Counter.builder("yibao.fsi.reruns")
                .description("National-interface calls rolled back and run again after a deadlock or a serialization failure "
                        + "(docs/settlement-gateway.md)")
                .register(meters);
        for (FsiTransaction handler : handlers) {
            for (String infno : handler.infnos()) {
                timers.put(infno, timer(meters, infno));
                FsiTransaction before = transactions.put(infno, handler);
                if (before != null) {
                    throw new IllegalStateException("infno " + infno + " is served by both " + before.getClass().getName()
                            + " and " + handler.getClass().getName());
                }
            }
        }
        this.signatures = signatures;
        this.messages = messages;
        this.replies = replies;
        this.institutions = institutions;
        this.permission = permission;
        this.policies = policies;
        this.tx = tx;
        this.clock = clock;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(40)
                        .maxStringLength(MAX_BODY_BYTES).maxDocumentLength(MAX_BODY_BYTES).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.reader = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The infnos served. */
    public Set<String> infnos() {
        return Set.copyOf(transactions.keySet());
    }

    private static io.micrometer.core.instrument.Timer timer(io.micrometer.core.instrument.MeterRegistry meters, String infno) {
        return io.micrometer.core.instrument.Timer.builder("yibao.fsi.calls")
                .description("National-interface calls, from the signed body received to the reply ready")
                .tag("infno", infno).register(meters);
    }

    /** Processes one call; never throws. */
    public byte[] call(byte[] body, String accessKey, String signature) {
        long started = System.nanoTime();
        String[] infno = {null};
        try {
            return call(body, accessKey, signature, infno);
        } finally {
            timers.getOrDefault(infno[0], unrecognised).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private byte[] call(byte[] body, String accessKey, String signature, String[] infno) {
        Instant receivedAt = clock.instant();
        LocalDateTime received = LocalDateTime.ofInstant(receivedAt, clock.getZone());
        String admdvs = null;
        try {
            InstitutionSignatures.Signer key = authenticate(body, accessKey, signature, receivedAt);
            Envelope envelope = envelope(body, key, receivedAt, received);
            admdvs = envelope.call().institutionAdmdvs();
            infno[0] = envelope.call().infno();
            return process(envelope, body, received);
        } catch (FsiRefusal refusal) {
            return replies.failure(admdvs, received, now(), refusal.errMsg());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("FSI call failed unexpectedly (reference {})", reference, e);
            return replies.failure(admdvs, received, now(), "系统内部错误，本笔交易未处理，请稍后重试（参考号 " + reference + "）");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private InstitutionSignatures.Signer authenticate(byte[] body, String accessKey, String signature, Instant now) {
        if (accessKey == null || accessKey.isBlank() || signature == null || signature.isBlank()) {
            throw new FsiRefusal("缺少签名：请求头须带 x-ca-key（机构访问密钥）和 x-ca-signature（时间戳:HMAC-SM3 签名）");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new FsiRefusal("报文过大：" + body.length + " 字节，上限 " + MAX_BODY_BYTES + " 字节；费用明细请分批上传");
        }
        try {
            return signatures.verify(body, accessKey, signature, now);
        } catch (InstitutionSignatures.InvalidSignatureException e) {
            throw new FsiRefusal(e.getMessage());
        }
    }

    private record Envelope(FsiCall call, FsiTransaction transaction) {}

    private Envelope envelope(byte[] body, InstitutionSignatures.Signer key, Instant receivedAt, LocalDateTime received) {
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JacksonException e) {
            throw new FsiRefusal("报文不是合法的 JSON：" + firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new FsiRefusal("报文应为 JSON 对象");
        }
        FsiNode env = new FsiNode(root, "");
        String infno = env.text("infno", 6);
        FsiTransaction transaction = transactions.get(infno);
        if (transaction == null) {
            throw FsiRefusal.field("infno", "交易编号 " + infno + " 不受理");
        }
        String msgid = env.text("msgid", 40);
        String fixmedinsCode = env.text("fixmedins_code", 30);
        if (!fixmedinsCode.equals(key.fixmedinsCode())) {
            throw FsiRefusal.field("fixmedins_code", fixmedinsCode + " 与签名密钥所属机构 " + key.fixmedinsCode() + " 不一致");
        }
        CachedInstitution cached = institution(fixmedinsCode);
        Institution institution = cached.institution();
        String mdtrtarea = env.text("mdtrtarea_admvs", 6);
        String pooling = cached.pooling();
        if (!mdtrtarea.equals(institution.admdvs()) && !mdtrtarea.equals(pooling)) {
            throw FsiRefusal.field("mdtrtarea_admvs", mdtrtarea + " 不是机构所在医保区划 " + institution.admdvs());
        }
        String insuplc = env.optText("insuplc_admdvs", 6);
        if (insuplc != null && !FsiTimes.isDigits(insuplc, 6)) {
            throw FsiRefusal.field("insuplc_admdvs", "应为 6 位医保区划代码");
        }
        String infver = env.optText("infver", 10);
        if (infver != null && !infver.equals("V1.0") && !infver.equals("1.0")) {
            throw FsiRefusal.field("infver", "接口版本 " + infver + " 不受理，应为 V1.0");
        }
        String opterType = env.optCode("opter_type", OPTER_TYPES);
        String opter = env.text("opter", 30);
        String opterName = env.text("opter_name", 50);
        String infTime = env.optText("inf_time", 19);
        if (infTime != null) {
            try {
                FsiTimes.parseTime(infTime);
            } catch (DateTimeParseException e) {
                throw FsiRefusal.field("inf_time", "格式应为 yyyy-MM-dd HH:mm:ss");
            }
        }
        String signNo = env.optText("sign_no", 30);
        FsiNode input = env.object("input");
        FsiCall call = new FsiCall(infno, msgid, fixmedinsCode, institution.name(), institution.admdvs(), pooling,
                institution.level(), insuplc, opter,
                opterName, opterType, signNo, new FsiNode(input.json(), ""), receivedAt, received);
        return new Envelope(call, transaction);
    }

    /** The institution in force and its pooling region, remembered for a minute (every call needs them). */
    private CachedInstitution institution(String code) {
        Instant now = clock.instant();
        CachedInstitution cached = institutionCache.get(code);
        if (cached != null && cached.checkedAt().plusSeconds(60).isAfter(now)) {
            return cached;
        }
        Institution institution = institutions.find(code, LocalDateTime.ofInstant(now, clock.getZone()).toLocalDate())
                .orElseThrow(() -> FsiRefusal.field("fixmedins_code", "机构 " + code + " 不是有效的定点医药机构"));
        if (!institution.designated()) {
            // The register's flag (staff set it in the console); the agreement and sanctions are checked per
            // settling transaction (SETTLING, SettlementPermission), not here, so queries still work.
            throw FsiRefusal.field("fixmedins_code", "机构 " + code + " 目前不是定点医药机构（未签订协议或协议已终止），不能办理医保业务");
        }
        CachedInstitution fresh = new CachedInstitution(institution,
                policies.poolingRegionOn(institution.admdvs(), LocalDateTime.ofInstant(now, clock.getZone()).toLocalDate()), now);
        institutionCache.put(code, fresh);
        return fresh;
    }

    private byte[] process(Envelope envelope, byte[] body, LocalDateTime received) {
        FsiCall call = envelope.call();
        byte[] sha = sha256(body);
        for (int attempt = 1; ; attempt++) {
            // Optimistic first: almost every msgid is new, so the call runs and its reply is inserted;
            // only when that insert meets a stored msgid is everything rolled back and the stored reply
            // looked up (a replay costs one more transaction, a new call no extra query).
            boolean lookFirst = attempt > 1;
            try {
                Outcome outcome = tx.execute(status -> {
                    Optional<FsiMessages.Stored> stored = lookFirst ? messages.find(call.fixmedinsCode(), call.msgid())
                            : Optional.empty();
                    if (stored.isPresent()) {
                        return replay(stored.get(), sha, call);
                    }
                    byte[] reply;
                    List<DeferredWrites.Write> held;
                    deferred.open();
                    try {
                        if (SETTLING.contains(call.infno())) {
                            SettlementPermission.Decision allowed = permission.check(call.fixmedinsCode(), received.toLocalDate());
                            if (!allowed.allowed()) {
                                throw new NotPermitted(allowed.refusal());
                            }
                        }
                        Object output = envelope.transaction().handle(call);
                        reply = replies.success(call.institutionAdmdvs(), received, now(), output);
                    } catch (FsiRefusal refusal) {
                        status.setRollbackOnly();
                        return new Outcome(null, refusal);
                    } finally {
                        held = deferred.close();
                    }
                    try {
                        // The call's held writes, its reply row and COMMIT in one round trip (DeferredWrites).
                        messages.storeAndCommit(held, call.fixmedinsCode(), call.msgid(), call.infno(), sha, reply, call.receivedAt());
                    } catch (DuplicateKeyException race) {
                        status.setRollbackOnly();
                        return Outcome.RACE;
                    }
                    return new Outcome(reply, null);
                });
                if (outcome == Outcome.RACE) {
                    continue;
                }
                if (outcome.refusal() != null) {
                    return storeRefusal(call, sha, received, outcome.refusal());
                }
                return outcome.reply();
            } catch (ConcurrencyFailureException e) {
                // Deadlock or serialisation failure between two calls: nothing was kept; try again.
                if (attempt >= 5) {
                    throw e;
                }
                reruns.increment();
            }
        }
    }

    /** A settling call refused by SettlementPermission (stored {@code not_permitted}: not a data error, R-INST-3). */
    private static final class NotPermitted extends FsiRefusal {
        NotPermitted(String errMsg) {
            super(errMsg);
        }
    }

    private record Outcome(byte[] reply, FsiRefusal refusal) {
        static final Outcome RACE = new Outcome(null, null);
    }

    private Outcome replay(FsiMessages.Stored stored, byte[] sha, FsiCall call) {
        if (!MessageDigest.isEqual(stored.bodySha256(), sha)) {
            throw reusedMsgid(call, stored);
        }
        return new Outcome(stored.reply(), null);
    }

    private static FsiRefusal reusedMsgid(FsiCall call, FsiMessages.Stored stored) {
        return FsiRefusal.field("msgid", "报文ID " + call.msgid() + " 已用于另一笔报文（" + stored.infno()
                + "），内容不同；每笔新交易须使用新的 msgid");
    }

    /** A refused call is answered the same way when replayed: its reply is stored, nothing else is. */
    private byte[] storeRefusal(FsiCall call, byte[] sha, LocalDateTime received, FsiRefusal refusal) {
        byte[] reply = replies.failure(call.institutionAdmdvs(), received, now(), refusal.errMsg());
        Boolean stored;
        try {
            stored = tx.execute(status -> messages.store(call.fixmedinsCode(), call.msgid(), call.infno(), sha, -1, reply,
                    call.receivedAt(), refusal instanceof NotPermitted));
        } catch (DataIntegrityViolationException e) {
            stored = false;
        }
        if (Boolean.TRUE.equals(stored)) {
            return reply;
        }
        // The msgid was stored meanwhile (this call was a replay, or raced with one): answer as a replay.
        return messages.find(call.fixmedinsCode(), call.msgid())
                .map(s -> MessageDigest.isEqual(s.bodySha256(), sha) ? s.reply()
                        : replies.failure(call.institutionAdmdvs(), received, now(), reusedMsgid(call, s).errMsg()))
                .orElse(reply);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "无法解析";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
