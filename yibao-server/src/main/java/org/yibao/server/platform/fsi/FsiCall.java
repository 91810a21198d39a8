package org.yibao.server.platform.fsi;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One verified call of the national interface: the signature was checked against the institution's
 * key, the timestamp is fresh and the envelope is well formed.
 *
 * @param fixmedinsCode   the institution the signing key belongs to (= the envelope's fixmedins_code)
 * @param institutionAdmdvs the institution's region (= the envelope's mdtrtarea_admvs)
 * @param institutionPooling the pooling region the institution is in (990121 → 990100): its catalogue applies
 * @param institutionLevel  1–3; null for a pharmacy
 * @param insuplcAdmdvs   the envelope's insuplc_admdvs, null when absent
 * @param input           the envelope's {@code input} object
 * @param receivedAt      when the platform received the call
 * @param now             the same instant in the platform's time zone (Asia/Shanghai), for business times
 */
public record FsiCall(String infno, String msgid, String fixmedinsCode, String fixmedinsName, String institutionAdmdvs,
                      String institutionPooling, Integer institutionLevel,
                      String insuplcAdmdvs, String opter, String opterName, String opterType, String signNo,
                      FsiNode input, Instant receivedAt, LocalDateTime now) {}
