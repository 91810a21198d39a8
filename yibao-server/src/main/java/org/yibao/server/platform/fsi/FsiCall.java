package org.yibao.server.platform.fsi;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One verified call of the national interface: the signature was checked against the institution's
 * key, the timestamp is fresh and the envelope is well formed.
 *
 * @param fixmedinsCode   the institution the signing key belongs to (= the envelope's fixmedins_code)
 * @param institutionAdmdvs the institution's region (= the envelope's mdtrtarea_admvs)
 * @param insuplcAdmdvs   the envelope's insuplc_admdvs, null when absent
 * @param input           the envelope's {@code input} object
 * @param receivedAt      when the platform received the call
 * @param now             the same instant in the platform's time zone (Asia/Shanghai), for business times
 */
public record FsiCall(String infno, String msgid, String fixmedinsCode, String fixmedinsName, String institutionAdmdvs,
                      String insuplcAdmdvs, String opter, String opterName, String opterType, String signNo,
                      FsiNode input, Instant receivedAt, LocalDateTime now) {}
