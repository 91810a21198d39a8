package org.yibao.server.platform.fsi;

/**
 * A refusal of the national interface: answered {@code infcode −1} with this Chinese {@code err_msg}
 * (NATIONAL_INTERFACE §6); everything the call changed is rolled back. The message names the field or
 * rule and, for a state problem, what the client can do.
 */
public class FsiRefusal extends RuntimeException {

    public FsiRefusal(String errMsg) {
        super(errMsg, null, false, false);
    }

    /** A missing or bad field: "字段 data.psn_no：…". */
    public static FsiRefusal field(String path, String problem) {
        return new FsiRefusal("字段 " + path + "：" + problem);
    }

    public String errMsg() {
        return getMessage();
    }
}
