package org.yibao.server.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yibao.engine.benefit.Accumulators;
import org.yibao.engine.benefit.BenefitEngine;
import org.yibao.engine.benefit.CatalogueItem;
import org.yibao.engine.benefit.FeeLine;
import org.yibao.engine.benefit.SettlementRefused;
import org.yibao.engine.benefit.SettlementRequest;
import org.yibao.engine.benefit.Visit;
import org.yibao.engine.drg.DrgCase;
import org.yibao.engine.drg.GroupingResult;
import org.yibao.engine.drg.GroupingStatus;
import org.yibao.engine.drgpay.DrgPayment;
import org.yibao.engine.drgpay.DrgPaymentTerms;
import org.yibao.engine.drgpay.HistoryWeights;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.policy.InstitutionLevel;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.Persons;
import org.yibao.server.insured.SettlementFacts;
import org.yibao.server.payment.internal.DrgSetup;
import org.yibao.server.policy.PolicyBook;
import org.yibao.server.platform.web.InvalidInputException;

/**
 * The patient's look-up before admission (R-PAY-8): a disease's likely DRGs with the payment standard at each
 * institution level and the personal share to expect. The principal diagnosis is grouped for the person
 * (sex, age today) without an operation; the DRGs are those of the ADRG it falls in (with MCC, with CC,
 * without). The share is what the benefit engine gives for an inpatient stay (med_type 21) costing the
 * standard at that level under the person's own policy and this year's accumulators, as the settlement
 * would — assuming every item is class A (甲类) and no personal account is used, so it is the share of a stay
 * paid at its standard, before any class-B self-pay or over-limit amounts.
 */
@Service
public class DrgLookup {

    /** One level's figures. */
    public record AtLevel(InstitutionLevel level, Money standard, Money personalShare, Money fundShare) {}

    /** A likely DRG with its weight and figures per level (L3, L2, L1); no figures when it has no weight. */
    public record Group(String drg, String name, DrgPayment.Weight weight, boolean grouped, List<AtLevel> levels) {}

    /** The answer for one diagnosis. */
    public record Result(String diagnosis, String diagnosisName, String admdvs, String insutype, GroupingStatus status, String adrg,
                         List<Group> groups) {}

    private static final String STANDARD_ITEM = "DRG-STANDARD";

    private final DrgSetup setup;
    private final Persons persons;
    private final PolicyBook policies;
    private final JdbcClient jdbc;
    private final Clock clock;

    DrgLookup(DrgSetup setup, Persons persons, PolicyBook policies, JdbcClient jdbc, Clock clock) {
        this.setup = setup;
        this.persons = persons;
        this.policies = policies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The look-up for a person (their pooling region must pay by DRG) and a principal diagnosis (ICD-10 医保版 code). */
    public Result lookup(String psnNo, String diagnosis) {
        LocalDate today = LocalDate.now(clock);
        SettlementFacts facts = persons.settlementFacts(psnNo, today)
                .orElseThrow(() -> new InvalidInputException("psn_no", "unknown", "no insured person " + psnNo + " on " + today));
        String pooling = facts.insuredPooling();
        DrgSetup.Region region = setup.region(pooling).orElseThrow(() -> new InvalidInputException("admdvs", "not_drg",
                "the pooling region " + pooling + " does not pay inpatient stays by DRG"));
        String code = diagnosis == null ? "" : diagnosis.strip();
        if (!region.grouper().tables().isDiagnosis(code)) {
            throw new InvalidInputException("diagnosis", "unknown", "diagnosis " + code + " is not in the ICD-10 医保版 2.0 of "
                    + region.version() + "; search by name or code first");
        }
        Person p = facts.person();
        int age = p.birthDate() == null ? 0 : java.time.Period.between(p.birthDate(), today).getYears();
        int days = p.birthDate() == null ? 365 : (int) java.time.temporal.ChronoUnit.DAYS.between(p.birthDate(), today);
        // A newborn needs a birth weight to group (README §2); 3,000 g stands for a normal one in a look-up.
        GroupingResult g = region.grouper().group(new DrgCase("lookup", p.sex() == null ? "" : p.sex(), age, days, age == 0 ? 3000 : 0,
                "", 0, "1", List.of(code), List.of()));
        DrgPayment payment = new DrgPayment(region.weights(), HistoryWeights.NONE, DrgPaymentTerms.DEMO);
        RegionPolicy policy = policies.policyOfPoolingRegion(pooling, today.getYear()).orElse(null);
        Accumulators acc = accumulators(psnNo, pooling, today.getYear());
        List<String> drgs = g.status() == GroupingStatus.SUCCESS ? region.grouper().tables().drgsOf(g.adrg()) : List.of();
        if (drgs.isEmpty() && g.status() == GroupingStatus.SUCCESS) {
            drgs = List.of(g.drg());
        }
        List<Group> groups = new ArrayList<>();
        for (String drg : drgs) {
            Optional<DrgPayment.Weight> w = payment.weight(drg);
            List<AtLevel> levels = new ArrayList<>();
            for (InstitutionLevel level : new InstitutionLevel[] {InstitutionLevel.L3, InstitutionLevel.L2, InstitutionLevel.L1}) {
                payment.standard(drg, p.insuranceType(), level).ifPresent(std -> levels.add(atLevel(policy, facts, acc, pooling, code, level,
                        std, today)));
            }
            groups.add(new Group(drg, region.grouper().tables().drgName(drg), w.orElse(null), drg.equals(g.drg()), levels));
        }
        return new Result(code, region.grouper().tables().diagnosisName(code), pooling, p.insuranceType(), g.status(), g.adrg(), groups);
    }

    private AtLevel atLevel(RegionPolicy policy, SettlementFacts facts, Accumulators acc, String pooling, String code, InstitutionLevel level,
                            Money standard, LocalDate today) {
        if (policy == null) {
            return new AtLevel(level, standard, null, null);
        }
        Person p = facts.person();
        var person = new org.yibao.engine.benefit.Person(p.personNo(), p.insuranceType(), p.personType(), p.sex(), p.birthDate(),
                facts.identities(), null, List.of(), facts.chronicDiseaseKeys(), null);
        Visit visit = Visit.local("21", "DRG-LOOKUP", level, pooling, code, today, today, false);
        FeeLine line = FeeLine.of("1", STANDARD_ITEM, today.atTime(12, 0), Quantity.ONE, UnitPrice.of(standard));
        try {
            var result = BenefitEngine.settle(new SettlementRequest(policy, (c, d) -> c.equals(STANDARD_ITEM)
                    ? Optional.of(CatalogueItem.of(STANDARD_ITEM, CatalogueItem.CLASS_A, Ratio.ZERO, null)) : Optional.empty(),
                    person, visit, List.of(line), acc));
            return new AtLevel(level, standard, result.setlinfo().psnPartAmt(), result.setlinfo().fundPaySumamt());
        } catch (SettlementRefused e) {
            return new AtLevel(level, standard, null, null);
        }
    }

    private Accumulators accumulators(String psnNo, String admdvs, int year) {
        Map<String, Money> keys = new LinkedHashMap<>();
        jdbc.sql("select cum_key, amount from accumulator where psn_no = ? and admdvs = ? and year = ?").params(psnNo, admdvs, year)
                .query(rs -> {
                    keys.put(rs.getString(1), Money.of(rs.getBigDecimal(2)));
                });
        return Accumulators.fromKeys(keys);
    }
}
