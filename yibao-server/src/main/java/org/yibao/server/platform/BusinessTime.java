package org.yibao.server.platform;

import java.time.ZoneId;

/**
 * The time zone of business dates: visit dates, deadlines, policy years and months are those of China
 * Standard Time, whatever zone the machine runs in (between 16:00 and 24:00 UTC it is already tomorrow).
 */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {}
}
