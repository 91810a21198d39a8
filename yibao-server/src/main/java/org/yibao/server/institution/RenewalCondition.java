package org.yibao.server.institution;

/**
 * A condition another context sets on renewing an agreement (续签), asked by {@link Agreements#renew}
 * before anything is written. The annual evaluation (R-INST-2) implements it, so that this module does
 * not depend on that one.
 */
public interface RenewalCondition {

    /**
     * Refuses the renewal of {@code agreement} by throwing a
     * {@link org.yibao.server.platform.web.ConflictException} naming why, or allows it and returns a note
     * for the renewal's history (null for none).
     */
    String check(String fixmedinsCode, Agreement agreement);
}
