package org.yibao.server.payment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.budget.Capitation;
import org.yibao.engine.budget.CountyGlobalBudget;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;
import org.yibao.server.evaluation.Evaluation;
import org.yibao.server.evaluation.Evaluations;
import org.yibao.server.familydoctor.FamilyDoctors;
import org.yibao.server.familydoctor.ManagementRate;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.ledger.LedgerAccount;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.region.Regions;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Family-doctor capitation (R-PAY-6) by month: for every centre with contracts in force at the month's end,
 * one twelfth of 100 yuan per contract, adjusted by next year's quota adjustment that the centre's finalised
 * annual evaluation (R-INST-2) of the previous year recorded ({@link Evaluations#latestFinal}, whatever it is);
 * without a finalised evaluation, 5% less when the centre's hypertension standard-management rate of the
 * previous year was below 60% ({@link FamilyDoctors#managementRate}). Each row says which basis it used.
 * A month is paid once it is over,
 * by an administrator; each centre's payment is stored once and posted to the pooling region's ledger in
 * the same transaction, so running a month again pays only centres not yet paid.
 */
@Service
public class Capitations {

    public static final String ENTITY = "capitation";
    static final String SOURCE_TYPE = "CAPITATION";

    /** Where a month's quota adjustment comes from. */
    public enum QuotaBasis {
        /** The finalised annual evaluation of the previous year: its recorded quota adjustment. */
        EVALUATION,
        /** No finalised evaluation: the previous year's hypertension standard-management rate, computed. */
        MANAGEMENT_RATE
    }

    /**
     * A centre's month: paid (with when and by whom) or, before the run, what it would be paid; with the basis
     * of its quota adjustment, the adjustment applied (−0.0500 = −5%), and the evaluation read (when the basis is one).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Row(String fixmedinsCode, String name, YearMonth month, QuotaBasis quotaBasis, BigDecimal quotaAdjustment,
                      Long evaluationId, BigDecimal previousYearRate, Capitation.Payment payment, boolean paid, Long ledgerPostingId,
                      Instant paidAt, String paidBy) {}

    private final JdbcClient jdbc;
    private final FamilyDoctors familyDoctors;
    private final Evaluations evaluations;
    private final Institutions institutions;
    private final Regions regions;
    private final FundLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    Capitations(JdbcClient jdbc, FamilyDoctors familyDoctors, Evaluations evaluations, Institutions institutions, Regions regions,
                FundLedger ledger, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.familyDoctors = familyDoctors;
        this.evaluations = evaluations;
        this.institutions = institutions;
        this.regions = regions;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every centre with contracts in force at the month's end, paid or not. */
    public List<Row> month(YearMonth month) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> c : contracts(month).entrySet()) {
            rows.add(paid(c.getKey(), month).orElseGet(() -> preview(c.getKey(), month, c.getValue())));
        }
        // Centres paid for the month whose contracts have since been cancelled back past its end still show.
        jdbc.sql("select fixmedins_code from capitation_payment where month = ? order by 1").param(month.atDay(1))
                .query(String.class).list().stream().filter(code -> rows.stream().noneMatch(r -> r.fixmedinsCode().equals(code)))
                .forEach(code -> rows.add(paid(code, month).orElseThrow()));
        return rows;
    }

    /** Pays every centre not yet paid for the month; returns the month's rows. */
    @Transactional
    public List<Row> run(YearMonth month) {
        YearMonth current = YearMonth.now(clock);
        if (!month.isBefore(current)) {
            throw new ConflictException("month", "not_over", "capitation for " + month + " is paid once the month is over (from "
                    + month.plusMonths(1).atDay(1) + ")");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('capitation'), hashtext(?))").param(month.toString()).query((rs, n) -> 1).list();
        for (Map.Entry<String, Map<String, Long>> c : contracts(month).entrySet()) {
            if (paid(c.getKey(), month).isPresent()) {
                continue;
            }
            pay(c.getKey(), month, preview(c.getKey(), month, c.getValue()), c.getValue());
        }
        return month(month);
    }

    private void pay(String centre, YearMonth month, Row r, Map<String, Long> byInsutype) {
        Capitation.Payment p = r.payment();
        Long postingId = null;
        if (!p.net().isZero()) {
            LocalDate end = month.atEndOfMonth();
            String pooling = institutions.find(centre, end).flatMap(i -> regions.poolingRegionOf(i.admdvs(), end))
                    .orElseThrow(() -> new ConflictException("fixmedins_code", "no_pooling_region", "centre " + centre
                            + " has no pooling region on " + end));
            List<String> insutypes = new ArrayList<>(byInsutype.keySet());
            List<Money> shares = CountyGlobalBudget.allocate(p.net(), insutypes.stream().map(t -> Money.ofFen(byInsutype.get(t))).toList());
            List<FundLedger.Entry> entries = new ArrayList<>();
            for (int i = 0; i < insutypes.size(); i++) {
                entries.add(new FundLedger.Entry(LedgerAccount.BASIC_POOL, insutypes.get(i), shares.get(i)));
            }
            entries.add(new FundLedger.Entry(LedgerAccount.INSTITUTION_RECEIVABLE, centre, p.net().negate()));
            postingId = ledger.post(pooling, SOURCE_TYPE, centre + "/" + month, null, "家庭医生签约服务费 " + month, entries, clock.instant());
        }
        jdbc.sql("""
                insert into capitation_payment (fixmedins_code, month, contracts, quota_basis, quota_adjustment, evaluation_id,
                    previous_year_rate, cut_applied, gross, cut_amount, net, health_management, medical, ledger_posting_id, paid_at, paid_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(centre, month.atDay(1), p.contracts(), r.quotaBasis().name(), r.quotaAdjustment(), r.evaluationId(),
                        r.previousYearRate(), p.cutApplied(), p.gross().toBigDecimal(),
                        p.cutAmount().toBigDecimal(), p.net().toBigDecimal(), p.healthManagement().toBigDecimal(),
                        p.medical().toBigDecimal(), postingId, Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .update();
        audit.record("PAY", ENTITY, centre + "/" + month, month.atEndOfMonth(), null, paid(centre, month).orElseThrow());
    }

    private Row preview(String centre, YearMonth month, Map<String, Long> byInsutype) {
        long contracts = byInsutype.values().stream().mapToLong(Long::longValue).sum();
        Optional<Evaluation> evaluation = evaluations.latestFinal(centre, month.getYear() - 1);
        if (evaluation.isPresent()) {
            BigDecimal adjustment = evaluation.get().quotaAdjustment() == null ? BigDecimal.ZERO : evaluation.get().quotaAdjustment();
            Capitation.Payment p = Capitation.withQuotaAdjustment(Capitation.Terms.DEMO, contracts, Ratio.of(adjustment));
            return new Row(centre, name(centre, month), month, QuotaBasis.EVALUATION, Ratio.of(adjustment).toBigDecimal(),
                    evaluation.get().id(), null, p, false, null, null, null);
        }
        ManagementRate rate = familyDoctors.managementRate(centre, month.getYear() - 1);
        Capitation.Payment p = Capitation.month(Capitation.Terms.DEMO, contracts, rate.rate() == null ? null : Ratio.of(rate.rate()));
        BigDecimal adjustment = p.cutApplied() ? Capitation.Terms.DEMO.cut().negate().toBigDecimal() : Ratio.ZERO.toBigDecimal();
        return new Row(centre, name(centre, month), month, QuotaBasis.MANAGEMENT_RATE, adjustment, null, rate.rate(), p, false, null, null,
                null);
    }

    private Optional<Row> paid(String centre, YearMonth month) {
        return jdbc.sql("""
                select contracts, previous_year_rate, cut_applied, gross, cut_amount, net, health_management, medical, ledger_posting_id,
                       paid_at, paid_by, quota_basis, quota_adjustment, evaluation_id
                from capitation_payment where fixmedins_code = ? and month = ?""")
                .params(centre, month.atDay(1))
                .query((rs, n) -> new Row(centre, name(centre, month), month, QuotaBasis.valueOf(rs.getString(12)), rs.getBigDecimal(13),
                        (Long) rs.getObject(14, Long.class), rs.getBigDecimal(2), new Capitation.Payment(rs.getLong(1),
                        rs.getBoolean(3), Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5)), Money.of(rs.getBigDecimal(6)),
                        Money.of(rs.getBigDecimal(7)), Money.of(rs.getBigDecimal(8))), true, (Long) rs.getObject(9),
                        rs.getTimestamp(10).toInstant(), rs.getString(11)))
                .optional();
    }

    private String name(String centre, YearMonth month) {
        return institutions.find(centre, month.atEndOfMonth()).map(Institution::name).orElse(centre);
    }

    /** Contracts in force at the month's end per centre and the contracted persons' insutype. */
    private Map<String, Map<String, Long>> contracts(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        Instant after = month.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant();
        Map<String, Map<String, Long>> out = new java.util.TreeMap<>();
        jdbc.sql("""
                select c.community_code, coalesce(p.insutype, '390'), count(*)
                from family_doctor_contract c
                left join person p on p.psn_no = c.psn_no and p.valid_from <= :end and (p.valid_to is null or p.valid_to > :end)
                where c.begin_date <= :end and c.end_date >= :end and (c.cancelled_at is null or c.cancelled_at >= :after)
                group by 1, 2 order by 1, 2""")
                .param("end", end).param("after", Timestamp.from(after))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}).list()
                .forEach(r -> out.computeIfAbsent((String) r[0], k -> new java.util.TreeMap<>()).put((String) r[1], (Long) r[2]));
        return out;
    }
}
