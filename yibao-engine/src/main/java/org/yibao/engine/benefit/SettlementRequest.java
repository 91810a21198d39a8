package org.yibao.engine.benefit;

import java.util.List;
import java.util.Objects;
import org.yibao.engine.policy.RegionPolicy;

/**
 * Everything one settlement is computed from.
 *
 * @param policy        the insured region's policy of the settlement's year (R-XR-2)
 * @param catalogue     the treatment region's catalogue (R-XR-2), looked up as of each line's date
 * @param accumulators  the person's year-to-date totals before this settlement
 */
public record SettlementRequest(RegionPolicy policy, Catalogue catalogue, Person person, Visit visit,
                                List<FeeLine> lines, Accumulators accumulators) {

    public SettlementRequest {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(visit, "visit");
        lines = List.copyOf(lines);
        accumulators = accumulators == null ? Accumulators.ZERO : accumulators;
    }
}
