package org.yibao.engine.benefit;

import java.util.List;
import org.yibao.engine.money.Money;

/**
 * What a settlement computed: the line splits, {@code setlinfo}, {@code setldetail[]}, the
 * mutual-aid payments per binder, the accumulators before and after it, and the explanation.
 */
public record SettlementResult(List<LineResult> lines, SetlInfo setlinfo, List<SetlDetail> setldetail,
                               List<MutualAidPayment> mutualAid, Accumulators accumulatorsBefore,
                               Accumulators accumulatorsAfter,
                               Explanation explanation) {

    public SettlementResult {
        lines = List.copyOf(lines);
        setldetail = List.copyOf(setldetail);
        mutualAid = List.copyOf(mutualAid);
    }

    /** What this settlement added to the year's accumulators; a reversal takes exactly this away again. */
    public Accumulators accumulatorChange() {
        return accumulatorsAfter.minus(accumulatorsBefore);
    }

    /** What one binder's account paid (R-INS-1). */
    public record MutualAidPayment(String binderPsnNo, Money amount, Money balanceAfter) {}
}
