package org.yibao.server.console.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.benefit.Accumulators;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.ChronicDisease;
import org.yibao.engine.policy.Deductible;
import org.yibao.engine.policy.PersonCategory;
import org.yibao.engine.policy.PoolKind;
import org.yibao.engine.policy.PoolTerms;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.server.console.internal.SettlementQueries;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.Persons;
import org.yibao.server.policy.PolicyBook;

/**
 * What the insured portal shows a signed-in person, always read by their own psn_no: the insurance,
 * the account balance, this year's use of each pool against the policy's deductible and caps, and
 * their settlements.
 */
@Component
class PortalQueries {

    /** The home page's figures. {@code pools} is empty when no policy is loaded for the person's region and year. */
    record Home(Person person, Money balance, boolean paused, int year, String poolingAdmdvs, List<PoolUse> pools) {}

    /**
     * This year's use of one pool (or one chronic disease): deductible and fund paid with what is left
     * under the policy's yearly figures (null where the policy has none).
     */
    record PoolUse(String pool, String label, Money deductible, Money deductibleUsed, Money fundPaid, Money cap, Integer count) {
        public Money deductibleLeft() {
            return deductible == null ? null : deductible.minus(deductibleUsed).max(Money.ZERO);
        }

        public Money capLeft() {
            return cap == null ? null : cap.minus(fundPaid).max(Money.ZERO);
        }
    }

    /** Rows of "my settlements" shown at most. */
    static final int SETTLEMENTS_LIMIT = 100;

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PolicyBook policies;
    private final SettlementQueries settlements;
    private final Clock clock;

    PortalQueries(JdbcClient jdbc, Persons persons, PolicyBook policies, SettlementQueries settlements, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.policies = policies;
        this.settlements = settlements;
        this.clock = clock;
    }

    Optional<Home> home(String psnNo) {
        LocalDate today = LocalDate.now(clock);
        return persons.find(psnNo, today).map(p -> {
            Money balance = persons.balance(psnNo).map(Money::of).orElse(null);
            String pooling = policies.poolingRegionOn(p.insuredAdmdvs(), today);
            Accumulators used = accumulators(psnNo, pooling, today.getYear());
            List<PoolUse> pools = policies.policy(pooling, today.getYear())
                    .map(policy -> pools(policy, p, used)).orElse(List.of());
            return new Home(p, balance, p.benefitsPausedOn(today), today.getYear(), pooling, pools);
        });
    }

    private Accumulators accumulators(String psnNo, String admdvs, int year) {
        Map<String, Money> keys = new LinkedHashMap<>();
        jdbc.sql("select cum_key, amount from accumulator where psn_no = ? and admdvs = ? and year = ?")
                .params(psnNo, admdvs, year)
                .query(rs -> {
                    keys.put(rs.getString(1), Money.of(rs.getBigDecimal(2)));
                });
        return Accumulators.fromKeys(keys);
    }

    private static List<PoolUse> pools(RegionPolicy policy, Person p, Accumulators used) {
        List<PoolUse> rows = new ArrayList<>();
        Optional<PersonCategory> category = policy.categoryOf(p.insuranceType(), p.personType());
        if (category.isEmpty()) {
            return rows;
        }
        policy.pool(PoolKind.GENERAL_OUTPATIENT).flatMap(pool -> pool.terms(category.get().key())).ifPresent(t ->
                rows.add(new PoolUse(PoolKind.GENERAL_OUTPATIENT.key(), null, yearly(t), used.outpatientDeductibleUsed(),
                        used.outpatientFundPaid(), t.yearlyCap(), null)));
        for (ChronicDisease d : policy.chronicDiseases()) {
            Money paid = used.chronicFundPaid(d.key());
            // Only the diseases the person has used this year: the list of every chronic disease would hide them.
            if (paid.isPositive()) {
                rows.add(new PoolUse(PoolKind.CHRONIC.key(), d.name(), null, null, paid,
                        d.termsFor(p.insuranceType()).map(ChronicDisease.Terms::yearlyCap).orElse(null), null));
            }
        }
        policy.pool(PoolKind.INPATIENT).flatMap(pool -> pool.terms(category.get().key())).ifPresent(t ->
                rows.add(new PoolUse(PoolKind.INPATIENT.key(), null, null, null, used.inpatientFundPaid(), t.yearlyCap(),
                        used.admissions())));
        layer(rows, "hifob", used.hifobPaid());
        layer(rows, "hifmi", used.hifmiPaid());
        layer(rows, "maf", used.mafPaid());
        return rows;
    }

    private static Money yearly(PoolTerms t) {
        return t.deductible().basis() == Deductible.Basis.PER_YEAR ? t.deductible().perYear() : null;
    }

    private static void layer(List<PoolUse> rows, String key, Money paid) {
        if (paid.isPositive()) {
            rows.add(new PoolUse(key, null, null, null, paid, null, null));
        }
    }

    List<SettlementQueries.Row> settlements(String psnNo) {
        return settlements.forPerson(psnNo, SETTLEMENTS_LIMIT);
    }

    /** A chronic or special disease recognition (R-INS-3) as the person sees it. */
    record Recognition(String diseaseCode, String diseaseName, String institutionName, LocalDate begin, LocalDate end,
                       boolean cancelled, boolean valid) {}

    /** A referral (R-INS-5) as the person sees it; {@code used} when a visit at the receiving institution consumed it. */
    record Referral(String serial, String fromName, String toName, String kind, String diagnosis, LocalDate begin, LocalDate end,
                    boolean used, boolean cancelled, boolean valid) {}

    private static final String NAME_OF = "(select i.name from institution i where i.fixmedins_code = %s order by i.valid_from desc limit 1)";

    List<Recognition> recognitions(String psnNo) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select r.dise_codg, (select d.name from disease d where d.code = r.dise_codg), " + NAME_OF.formatted("r.fixmedins_code")
                        + ", r.begin_date, r.end_date, r.cancelled_at is not null from chronic_recognition r where r.psn_no = ?"
                        + " order by r.begin_date desc, r.id desc")
                .param(psnNo)
                .query((rs, n) -> {
                    LocalDate begin = rs.getObject(4, LocalDate.class);
                    LocalDate end = rs.getObject(5, LocalDate.class);
                    boolean cancelled = rs.getBoolean(6);
                    return new Recognition(rs.getString(1), rs.getString(2), rs.getString(3), begin, end, cancelled,
                            !cancelled && !today.isBefore(begin) && !today.isAfter(end));
                })
                .list();
    }

    List<Referral> referrals(String psnNo) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select r.trt_dcla_detl_sn, " + NAME_OF.formatted("r.from_fixmedins_code") + ", " + NAME_OF.formatted("r.to_fixmedins_code")
                        + ", r.refl_type, (select d.name from disease d where d.code = r.diag_code), r.begndate, r.enddate,"
                        + " r.consumed_by_mdtrt_id is not null, r.cancelled_at is not null from referral r where r.psn_no = ?"
                        + " order by r.begndate desc, r.id desc")
                .param(psnNo)
                .query((rs, n) -> {
                    LocalDate begin = rs.getObject(6, LocalDate.class);
                    LocalDate end = rs.getObject(7, LocalDate.class);
                    boolean used = rs.getBoolean(8);
                    boolean cancelled = rs.getBoolean(9);
                    return new Referral(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), begin, end,
                            used, cancelled, !used && !cancelled && !today.isBefore(begin) && !today.isAfter(end));
                })
                .list();
    }

    /** Current names of institutions by code (for contracts, which name up to three). */
    Map<String, String> institutionNames(java.util.Collection<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("select distinct on (fixmedins_code) fixmedins_code, name from institution where fixmedins_code = any(?)"
                            + " order by fixmedins_code, valid_from desc")
                    .param(codes.toArray(String[]::new))
                    .query(rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return names;
    }

    /**
     * R-INS-2: how many changes of designated institution the person's pooling region allows this
     * calendar year; null when unlimited or no policy is loaded.
     */
    Integer designationChangesPerYear(Person p) {
        LocalDate today = LocalDate.now(clock);
        return policies.policyOn(p.insuredAdmdvs(), today)
                .filter(policy -> !policy.designationChangesUnlimited())
                .map(RegionPolicy::designationChangesPerYear)
                .orElse(null);
    }

    /** One of the person's own settlements; empty for anyone else's (the portal then answers 404). */
    Optional<SettlementQueries.Detail> settlement(String psnNo, String setlId) {
        return settlements.find(setlId).filter(s -> s.row().psnNo().equals(psnNo));
    }
}
