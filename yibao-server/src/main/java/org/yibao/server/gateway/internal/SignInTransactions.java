package org.yibao.server.gateway.internal;

import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTimes;
import org.yibao.server.platform.fsi.FsiTransaction;

/** 9001 签到 and 9002 签退 (NATIONAL_INTERFACE §3): a sign_no per operator session of an institution. */
@Component
class SignInTransactions implements FsiTransaction {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SIGN_NO_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private final JdbcClient jdbc;

    SignInTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> infnos() {
        return List.of("9001", "9002");
    }

    @Override
    public Object handle(FsiCall call) {
        return call.infno().equals("9001") ? signIn(call) : signOut(call);
    }

    private Object signIn(FsiCall call) {
        FsiNode in = call.input().object("signIn");
        String opterNo = in.text("opter_no", 30);
        String mac = in.optText("mac", 60);
        String ip = in.optText("ip", 60);
        long n = jdbc.sql("select nextval('visit_seq')").query(Long.class).single();
        String signNo = call.now().format(SIGN_NO_TIME) + FsiTimes.zeroPadded(n % 100_000_000L, 8);
        jdbc.sql("insert into fsi_sign_in (sign_no, fixmedins_code, opter_no, mac, ip, signed_in_at) values (?, ?, ?, ?, ?, ?)")
                .params(signNo, call.fixmedinsCode(), opterNo, mac, ip, Timestamp.from(call.receivedAt())).update();
        return Map.of("signinoutb", Map.of("sign_time", call.now().format(TIME), "sign_no", signNo));
    }

    private Object signOut(FsiCall call) {
        FsiNode in = call.input().object("signOut");
        String signNo = in.text("sign_no", 30);
        String opterNo = in.text("opter_no", 30);
        int updated = jdbc.sql("""
                        update fsi_sign_in set signed_out_at = ?
                        where sign_no = ? and fixmedins_code = ? and opter_no = ? and signed_out_at is null""")
                .params(Timestamp.from(call.receivedAt()), signNo, call.fixmedinsCode(), opterNo).update();
        if (updated == 0) {
            throw FsiRefusal.field("signOut.sign_no", "签到流水号 " + signNo + " 不存在、不属于本机构操作员 " + opterNo + " 或已签退");
        }
        return Map.of("signoutoutb", Map.of("sign_time", call.now().format(TIME), "sign_no", signNo));
    }
}
