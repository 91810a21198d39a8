package org.yibao.engine.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.yibao.engine.money.Money;

/**
 * A rule: its definition from the knowledge base and the generic evaluator that runs it. Line,
 * visit and person rules look at one visit (with the person's other visits); institution rules look
 * at many visits. Instances are immutable and safe to share between threads.
 */
public abstract class Rule {

    /** What a visit-level rule looks at: the visit, its patient and the person's other visits. */
    public record Subject(Stage stage, Patient patient, Encounter current, List<Encounter> history) {
        public Subject {
            history = List.copyOf(history);
        }
    }

    protected final RuleDefinition definition;
    private final Shape shape;

    protected Rule(RuleDefinition definition, Shape shape) {
        this.definition = definition;
        this.shape = shape;
    }

    public RuleDefinition definition() {
        return definition;
    }

    public final Shape shape() {
        return shape;
    }

    /** Checks one visit; line, visit and person rules override it. */
    public void check(Subject subject, Consumer<Finding> out) {}

    /** Checks an institution indicator over many visits; institution rules override it. */
    public void checkInstitutions(Collection<Encounter> encounters, Consumer<Finding> out) {}

    protected Finding finding(String content, Money amount, Subject s, List<Evidence> evidence) {
        return new Finding(definition.id(), definition.nameZh(), definition.severity(), definition.behaviourType(), content,
                amount, s.patient().id(), s.current().id(), s.current().institutionCode(), evidence);
    }

    protected static Money sum(Collection<Line> lines) {
        Money sum = Money.ZERO;
        for (Line l : lines) {
            sum = sum.plus(l.amount());
        }
        return sum;
    }

    /** {@code amount × part ÷ whole}, rounded half-up to the fen: the share of an amount a rule questions. */
    protected static Money share(Money amount, long part, long whole) {
        return Money.of(amount.toBigDecimal().multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), Money.SCALE, RoundingMode.HALF_UP));
    }

    protected static Evidence evidence(Encounter e, Line l, Money amount, String reason) {
        return new Evidence(e.id(), l.id(), l.itemCode(), amount, reason);
    }
}
