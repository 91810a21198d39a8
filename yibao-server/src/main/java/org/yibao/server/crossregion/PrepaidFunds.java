package org.yibao.server.crossregion;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.money.Money;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.ledger.LedgerAccount;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.region.Region;
import org.yibao.server.region.Regions;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Prepaid funds (预付金, R-XR-4): what an insured pooling region has paid in with a treatment pooling
 * region and not yet used up by clearings. The balance is the ledger's: the insured region's
 * {@code XR_PREPAID} (sub-account: the treatment region) = paid in − cleared.
 *
 * <p><b>Sizing rule</b> ("about two months' average cross-region payments"): on the day an administrator
 * sizes the fund, size = 2 × the average monthly payments of the last 3 full months (the insured region's
 * funds and personal accounts for its persons' settlements in the treatment region, reversals netted,
 * i.e. what the clearings of those months take from the fund), rounded <b>up</b> to a multiple of 1,000
 * yuan. The same action tops the balance up to the size. A clearing that leaves the balance below 70% of
 * the size raises a top-up request (预付金补足通知), closed by the next top-up.
 */
@Service
public class PrepaidFunds {

    public static final String ENTITY = "xr_prepaid_fund";
    static final String SOURCE_TYPE = "XR_PREPAID";
    /** Sizes are multiples of 1,000 yuan (in fen). */
    static final long SIZE_UNIT_FEN = 100_000;
    /** A top-up request is raised below 70% of the size. */
    static final int ALERT_PERCENT = 70;
    static final int BASIS_MONTHS = 3;

    /** An open top-up request. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TopUpRequest(long id, YearMonth clearingMonth, Money size, Money balance, Money requestedAmount, Instant requestedAt) {}

    /** A pair's prepaid fund as of now. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Fund(String insuredAdmdvs, String insuredName, String treatmentAdmdvs, String treatmentName, Money size, Money paidIn,
                       Money cleared, Money balance, Integer percentOfSize, boolean alert, Instant sizedAt, String sizedBy,
                       TopUpRequest topUpRequest) {}

    /** What a size/top-up did: the fund after it and the amount paid in (zero when nothing was needed). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TopUp(Fund fund, Money basisAmount, LocalDate basisFrom, LocalDate basisTo, Money amount, Long topUpId) {}

    private final JdbcClient jdbc;
    private final Regions regions;
    private final FundLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    PrepaidFunds(JdbcClient jdbc, Regions regions, FundLedger ledger, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every pair that has a prepaid fund, a statement, or cross-region settlements in the last 3 full months or this month. */
    public List<Fund> all() {
        LocalDate from = YearMonth.now(clock).minusMonths(BASIS_MONTHS).atDay(1);
        TreeSet<RegionPair> pairs = new TreeSet<>(jdbc.sql("""
                        select insured_admdvs, treatment_admdvs from xr_prepaid_fund
                        union select insured_admdvs, treatment_admdvs from xr_clearing_statement
                        union select coalesce(g.pooling_admdvs, s.insured_admdvs), s.treatment_admdvs
                        from settlement s left join region g on g.admdvs = s.insured_admdvs and g.valid_to is null
                        where s.setl_time >= ? and coalesce(g.pooling_admdvs, s.insured_admdvs) <> s.treatment_admdvs""")
                .param(from.atStartOfDay())
                .query((rs, n) -> new RegionPair(rs.getString(1).trim(), rs.getString(2).trim())).list());
        return pairs.stream().map(this::fund).toList();
    }

    /** A pair's fund (size zero when never sized). */
    public Fund fund(RegionPair pair) {
        Money balance = ledger.balance(pair.insuredAdmdvs(), LedgerAccount.XR_PREPAID, pair.treatmentAdmdvs());
        Money paidIn = Money.of(jdbc.sql("""
                        select coalesce(sum(amount), 0) from xr_prepaid_topup where insured_admdvs = ? and treatment_admdvs = ?""")
                .params(pair.insuredAdmdvs(), pair.treatmentAdmdvs()).query(BigDecimal.class).single());
        Optional<Object[]> sized = jdbc.sql("""
                        select size, sized_at, sized_by from xr_prepaid_fund where insured_admdvs = ? and treatment_admdvs = ?""")
                .params(pair.insuredAdmdvs(), pair.treatmentAdmdvs())
                .query((rs, n) -> new Object[] {Money.of(rs.getBigDecimal(1)), rs.getTimestamp(2).toInstant(), rs.getString(3)})
                .optional();
        Money size = sized.map(r -> (Money) r[0]).orElse(Money.ZERO);
        TopUpRequest request = jdbc.sql("""
                        select id, clearing_month, size, balance, requested_amount, requested_at from xr_topup_request
                        where insured_admdvs = ? and treatment_admdvs = ? and closed_by_topup_id is null""")
                .params(pair.insuredAdmdvs(), pair.treatmentAdmdvs())
                .query((rs, n) -> new TopUpRequest(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), Money.of(rs.getBigDecimal(3)),
                        Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5)), rs.getTimestamp(6).toInstant()))
                .optional().orElse(null);
        Integer percent = size.isPositive() ? (int) Math.floorDiv(balance.fen() * 100, size.fen()) : null;
        return new Fund(pair.insuredAdmdvs(), name(pair.insuredAdmdvs()), pair.treatmentAdmdvs(), name(pair.treatmentAdmdvs()), size,
                paidIn, paidIn.minus(balance), balance, percent, belowThreshold(balance, size), sized.map(r -> (Instant) r[1]).orElse(null),
                sized.map(r -> (String) r[2]).orElse(null), request);
    }

    /** R-XR-4: below 70% of a set size. */
    static boolean belowThreshold(Money balance, Money size) {
        return size.isPositive() && balance.fen() * 100 < size.fen() * ALERT_PERCENT;
    }

    /**
     * Sizes the pair's fund by the rule and tops its balance up to the size (ADMIN). Idempotent: a second
     * call with the same payments history changes nothing. Refused (nothing written) when the pair has no
     * payments in the last 3 full months to size from.
     */
    @Transactional
    public TopUp sizeAndTopUp(RegionPair pair) {
        requirePair(pair, regions);
        lock(jdbc);
        YearMonth current = YearMonth.now(clock);
        LocalDate basisFrom = current.minusMonths(BASIS_MONTHS).atDay(1);
        LocalDate basisTo = current.atDay(1).minusDays(1);
        Money basis = Money.of(jdbc.sql("""
                        select coalesce(sum(s.fund_pay_sumamt + s.acct_pay), 0)
                        from settlement s left join region g on g.admdvs = s.insured_admdvs and g.valid_to is null
                        where s.setl_time >= ? and s.setl_time < ? and coalesce(g.pooling_admdvs, s.insured_admdvs) = ?
                          and s.treatment_admdvs = ?""")
                .params(basisFrom.atStartOfDay(), current.atDay(1).atStartOfDay(), pair.insuredAdmdvs(), pair.treatmentAdmdvs())
                .query(BigDecimal.class).single());
        if (!basis.isPositive()) {
            throw new ConflictException("treatment_admdvs", "no_payments", "no cross-region payments for persons insured in "
                    + pair.insuredAdmdvs() + " treated in " + pair.treatmentAdmdvs() + " from " + basisFrom + " to " + basisTo
                    + ": the prepaid fund is sized from the last 3 full months' payments; size it once there are some");
        }
        Money size = size(basis);
        Fund before = fund(pair);
        Instant now = clock.instant();
        if (!size.equals(before.size())) {
            jdbc.sql("""
                            insert into xr_prepaid_fund (insured_admdvs, treatment_admdvs, size, basis_from, basis_amount, sized_at, sized_by)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (insured_admdvs, treatment_admdvs) do update set size = excluded.size, basis_from = excluded.basis_from,
                                basis_amount = excluded.basis_amount, sized_at = excluded.sized_at, sized_by = excluded.sized_by""")
                    .params(pair.insuredAdmdvs(), pair.treatmentAdmdvs(), size.toBigDecimal(), basisFrom, basis.toBigDecimal(),
                            Timestamp.from(now), AuditTrail.currentActor())
                    .update();
        }
        Money amount = size.minus(before.balance());
        Long topUpId = null;
        if (amount.isPositive()) {
            topUpId = jdbc.sql("select nextval('xr_prepaid_topup_id_seq')").query(Long.class).single();
            String source = pair.key() + "/" + topUpId;
            long insuredPosting = ledger.post(pair.insuredAdmdvs(), SOURCE_TYPE, source, null, "异地就医预付金拨付 " + pair.key(), List.of(
                    new FundLedger.Entry(LedgerAccount.XR_PREPAID, pair.treatmentAdmdvs(), amount),
                    new FundLedger.Entry(LedgerAccount.XR_REMITTANCE, pair.treatmentAdmdvs(), amount.negate())), now);
            long treatmentPosting = ledger.post(pair.treatmentAdmdvs(), SOURCE_TYPE, source, null, "收到异地就医预付金 " + pair.key(), List.of(
                    new FundLedger.Entry(LedgerAccount.XR_REMITTANCE, pair.insuredAdmdvs(), amount),
                    new FundLedger.Entry(LedgerAccount.XR_PREPAID_HELD, pair.insuredAdmdvs(), amount.negate())), now);
            jdbc.sql("""
                            insert into xr_prepaid_topup (id, insured_admdvs, treatment_admdvs, size, balance_before, amount, insured_posting_id,
                                treatment_posting_id, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(topUpId, pair.insuredAdmdvs(), pair.treatmentAdmdvs(), size.toBigDecimal(), before.balance().toBigDecimal(),
                            amount.toBigDecimal(), insuredPosting, treatmentPosting, Timestamp.from(now), AuditTrail.currentActor())
                    .update();
            jdbc.sql("""
                            update xr_topup_request set closed_by_topup_id = ?
                            where insured_admdvs = ? and treatment_admdvs = ? and closed_by_topup_id is null""")
                    .params(topUpId, pair.insuredAdmdvs(), pair.treatmentAdmdvs()).update();
        }
        Fund after = fund(pair);
        if (!size.equals(before.size()) || topUpId != null) {
            audit.record(topUpId == null ? "SIZE" : "TOP_UP", ENTITY, pair.key(), LocalDate.now(clock), before, after);
        }
        return new TopUp(after, basis, basisFrom, basisTo, amount.isPositive() ? amount : Money.ZERO, topUpId);
    }

    /** 2 × (basis / 3), rounded up to a multiple of 1,000 yuan. */
    static Money size(Money threeMonths) {
        long numerator = 2 * threeMonths.fen();
        long unit = BASIS_MONTHS * SIZE_UNIT_FEN;
        return Money.ofFen((numerator + unit - 1) / unit * SIZE_UNIT_FEN);
    }

    /** After a clearing: a top-up request when the balance is below 70% of the size and none is open. */
    void requestTopUpIfLow(RegionPair pair, YearMonth clearingMonth) {
        Fund f = fund(pair);
        if (!f.alert() || f.topUpRequest() != null) {
            return;
        }
        Money requested = f.size().minus(f.balance());
        jdbc.sql("""
                        insert into xr_topup_request (insured_admdvs, treatment_admdvs, clearing_month, size, balance, requested_amount, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(pair.insuredAdmdvs(), pair.treatmentAdmdvs(), clearingMonth.atDay(1), f.size().toBigDecimal(),
                        f.balance().toBigDecimal(), requested.toBigDecimal(), Timestamp.from(clock.instant()))
                .update();
        audit.record("TOP_UP_REQUEST", ENTITY, pair.key(), LocalDate.now(clock), f, fund(pair));
    }

    private String name(String admdvs) {
        return regions.find(admdvs).map(Region::name).orElse(admdvs);
    }

    /** One lock for every clearing and prepaid-fund change: they are rare, and this keeps balances and statements in step. */
    static void lock(JdbcClient jdbc) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('xr_clearing'), 0)").query((rs, n) -> 1).list();
    }

    /**
     * Both are pooling regions in force and differ; otherwise a 400 naming the field and what to do.
     */
    static void requirePair(RegionPair pair, Regions regions) {
        requirePooling("insured_admdvs", pair.insuredAdmdvs(), regions);
        requirePooling("treatment_admdvs", pair.treatmentAdmdvs(), regions);
        if (pair.insuredAdmdvs().equals(pair.treatmentAdmdvs())) {
            throw new InvalidInputException("treatment_admdvs", "pair",
                    "the treatment region must differ from the insured region (" + pair.insuredAdmdvs()
                            + "): local care is not cleared between regions");
        }
    }

    private static void requirePooling(String field, String admdvs, Regions regions) {
        Optional<String> pooling = admdvs == null || !admdvs.matches("\\d{6}") ? Optional.empty() : regions.poolingRegionOf(admdvs, regions.today());
        if (pooling.isEmpty()) {
            throw new InvalidInputException(field, "region",
                    admdvs + " is not a region in force: give a pooling region's six-digit code (e.g. 990100)");
        }
        if (!pooling.get().equals(admdvs)) {
            throw new InvalidInputException(field, "pooling_region",
                    admdvs + " is a county inside pooling region " + pooling.get() + ": prepaid funds and clearing are per pooling region; use "
                            + pooling.get());
        }
    }
}
