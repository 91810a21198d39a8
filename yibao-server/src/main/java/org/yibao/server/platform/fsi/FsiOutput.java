package org.yibao.server.platform.fsi;

/**
 * A transaction's {@code output} with a {@code warn_msg} for the HIS (NATIONAL_INTERFACE §2): what the
 * call did besides its answer that the operator should know, e.g. that a registration used a referral
 * or that an admission needs no deposit. A transaction returns it instead of the bare output.
 */
public record FsiOutput(Object output, String warnMsg) {

    /** {@code output} with {@code warnMsg}, or the bare output when there is nothing to say. */
    public static Object of(Object output, String warnMsg) {
        return warnMsg == null || warnMsg.isBlank() ? output : new FsiOutput(output, warnMsg);
    }
}
