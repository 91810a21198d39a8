package org.yibao.server.evaluation.internal;

import java.util.HashMap;
import java.util.Map;
import org.yibao.server.institution.Institutions;

/** Whether an institution code is known (a version in force today), asked once per code within one import. */
public final class KnownInstitutions {

    private final Institutions institutions;
    private final Map<String, Boolean> known = new HashMap<>();

    public KnownInstitutions(Institutions institutions) {
        this.institutions = institutions;
    }

    /** The code if known, else null with the error added to {@code checks}. */
    public String require(LineChecks checks, String field, String code) {
        if (code == null || code.isBlank()) {
            checks.add(field, "required", "required: the institution's code (fixmedins_code), e.g. H99010000003");
            return null;
        }
        String c = code.strip();
        if (!known.computeIfAbsent(c, k -> institutions.find(k).isPresent())) {
            checks.add(field, "unknown", "no institution " + c + " is in force today; check the code");
            return null;
        }
        return c;
    }
}
