package org.yibao.server.gateway.internal;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.yibao.server.platform.fsi.FsiOutput;
import org.yibao.server.platform.fsi.FsiTimes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reply envelope (NATIONAL_INTERFACE §2): {@code infcode} 0 or −1 as a JSON number, {@code err_msg}
 * null on success, every envelope field present (null when empty), amounts with their scales.
 */
@Component
class FsiReplies {

    private final JsonMapper mapper;
    /** The serial of inf_refmsgid: 10 digits, starting from the start time so that restarts do not repeat. */
    private final AtomicLong serial = new AtomicLong((System.currentTimeMillis() % 100_000L) * 100_000L);

    FsiReplies(JsonMapper springMapper) {
        // Spring's mapper carries the exact value types' serialisers; replies keep null fields.
        this.mapper = springMapper.rebuild()
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
                        .withContentInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS))
                .build();
    }

    /** A success; {@code output} may be an {@link FsiOutput} carrying a {@code warn_msg}. */
    byte[] success(String admdvs, LocalDateTime received, LocalDateTime now, Object output) {
        if (output instanceof FsiOutput warned) {
            return write(envelope(0, admdvs, received, now, null, warned.warnMsg(), warned.output()));
        }
        return write(envelope(0, admdvs, received, now, null, null, output));
    }

    byte[] failure(String admdvs, LocalDateTime received, LocalDateTime now, String errMsg) {
        return write(envelope(-1, admdvs, received, now, errMsg, null, null));
    }

    private Map<String, Object> envelope(int infcode, String admdvs, LocalDateTime received, LocalDateTime now,
                                         String errMsg, String warnMsg, Object output) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("infcode", infcode);
        long n = Math.floorMod(serial.incrementAndGet(), 10_000_000_000L);
        reply.put("inf_refmsgid", (admdvs == null ? "000000" : admdvs) + FsiTimes.compact(now, false) + FsiTimes.zeroPadded(n, 10));
        reply.put("refmsg_time", FsiTimes.compact(received, true));
        reply.put("respond_time", FsiTimes.compact(now, true));
        reply.put("err_msg", errMsg);
        reply.put("warn_msg", warnMsg);
        reply.put("cainfo", null);
        reply.put("signtype", null);
        reply.put("enctype", null);
        reply.put("output", output);
        return reply;
    }

    private byte[] write(Map<String, Object> reply) {
        return mapper.writeValueAsBytes(reply);
    }
}
