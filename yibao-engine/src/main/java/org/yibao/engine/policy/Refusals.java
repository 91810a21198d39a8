package org.yibao.engine.policy;

import java.util.List;
import java.util.Optional;

/**
 * What the region refuses with a clear message (DOMAIN §4.2): {@code med_type}s without a pool
 * (12, 51, 52, 99xx) and settlement ways such as {@code psn_setlway} 02 (按定额).
 *
 * @param otherMedTypeMessage message for a {@code med_type} that is neither mapped nor listed
 */
public record Refusals(List<CodeRefusal> medTypes, List<CodeRefusal> settlementWays, String otherMedTypeMessage) {

    /** Codes (patterns, "99xx") refused with one message. */
    public record CodeRefusal(List<String> codes, String message) {
        public CodeRefusal {
            codes = codes == null ? List.of() : List.copyOf(codes);
        }

        public boolean refuses(String code) {
            return Codes.anyMatches(codes, code);
        }
    }

    public Refusals {
        medTypes = medTypes == null ? List.of() : List.copyOf(medTypes);
        settlementWays = settlementWays == null ? List.of() : List.copyOf(settlementWays);
    }

    public Optional<String> medTypeRefusal(String medType) {
        return firstRefusal(medTypes, medType);
    }

    public Optional<String> settlementWayRefusal(String psnSetlway) {
        return firstRefusal(settlementWays, psnSetlway);
    }

    private static Optional<String> firstRefusal(List<CodeRefusal> refusals, String code) {
        for (CodeRefusal refusal : refusals) {
            if (refusal.refuses(code)) {
                return Optional.of(refusal.message());
            }
        }
        return Optional.empty();
    }
}
