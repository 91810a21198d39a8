package org.yibao.engine.benefit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.yibao.engine.policy.RegionPolicy;

/**
 * Everything one settlement is computed from.
 *
 * @param policy        the insured region's policy of the settlement's year (R-XR-2)
 * @param catalogue     the treatment region's catalogue (R-XR-2), looked up as of each line's date
 * @param accumulators  the person's year-to-date totals before this settlement
 * @param earlierReversals settlements of this year that were reversed after a later settlement of the
 *                      person had been made, since the person's last settlement: the accumulators no
 *                      longer count them, the later settlements were not recomputed, and this
 *                      settlement's explanation says so (DOMAIN §4.3 step 10)
 */
public record SettlementRequest(RegionPolicy policy, Catalogue catalogue, Person person, Visit visit,
                                List<FeeLine> lines, Accumulators accumulators, List<EarlierReversal> earlierReversals) {

    /** An older settlement reversed out of order: its id, when it was settled and when it was reversed. */
    public record EarlierReversal(String setlId, LocalDate settledOn, LocalDate reversedOn) {
        public EarlierReversal {
            Objects.requireNonNull(setlId, "setlId");
        }
    }

    public SettlementRequest(RegionPolicy policy, Catalogue catalogue, Person person, Visit visit, List<FeeLine> lines,
                             Accumulators accumulators) {
        this(policy, catalogue, person, visit, lines, accumulators, List.of());
    }

    public SettlementRequest {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(visit, "visit");
        lines = List.copyOf(lines);
        accumulators = accumulators == null ? Accumulators.ZERO : accumulators;
        earlierReversals = earlierReversals == null ? List.of() : List.copyOf(earlierReversals);
    }
}
