package org.yibao.server.payment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.budget.CountyGlobalBudget;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;
import org.yibao.server.institution.Alliance;
import org.yibao.server.institution.Alliances;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.ledger.LedgerAccount;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.region.Regions;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The county medical community's global budget (医共体总额预付, R-PAY-5) per year: the budget from the
 * residents enrolled on 1 January, the fund's payments for them (basic pool, serious-illness insurance and
 * the employees' large-amount fund; medical assistance is not counted) month by month wherever they were
 * treated, the running forecast, and the year-end settle-up posted to the fund ledger. Changing terms and
 * settling up are for administrators (URL security); both are audited.
 */
@Service
public class CountyBudgets {

    public static final String ENTITY = "county_budget";
    static final String SOURCE_TYPE = "COUNTY_BUDGET";

    /** One month of the fund's payments for the enrolled residents. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Month(int month, long settlements, Money basicPool, Money seriousIllness, Money largeAmount, Money total,
                        Money cumulative) {}

    /** A year of a community's budget as it stands (settled or not). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record View(Alliance alliance, int year, LocalDate enrolledOn, long residents, CountyGlobalBudget.Terms terms,
                       boolean termsSet, Money budget, Money actual, List<Month> months, LocalDate asOf, Money forecast,
                       CountyGlobalBudget.SettleUp preview, SettleUp settled) {
        public boolean yearOver() {
            return asOf.getYear() > year;
        }
    }

    /** A stored settle-up. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SettleUp(long residents, CountyGlobalBudget.Terms terms, CountyGlobalBudget.SettleUp result, Long ledgerPostingId,
                           java.time.Instant settledAt, String settledBy) {}

    /** One fund's part of the year's payments: the account and sub-account the adjustment is charged to. */
    private record Part(LedgerAccount account, String subAccount, Money paid) {}

    private final JdbcClient jdbc;
    private final Alliances alliances;
    private final Regions regions;
    private final FundLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    CountyBudgets(JdbcClient jdbc, Alliances alliances, Regions regions, FundLedger ledger, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.alliances = alliances;
        this.regions = regions;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** The county medical communities (医共体), which have a global budget. */
    public List<Alliance> communities() {
        return alliances.search(null, null, "COUNTY_COMMUNITY", 0, 100).items();
    }

    public View view(String allianceCode, int year) {
        Alliance a = community(allianceCode);
        requireYear(year);
        LocalDate today = LocalDate.now(clock);
        Optional<SettleUp> settled = settled(a.code(), year);
        Optional<CountyGlobalBudget.Terms> stored = settled.map(SettleUp::terms).or(() -> terms(a.code(), year));
        CountyGlobalBudget.Terms terms = stored.orElse(CountyGlobalBudget.Terms.DEMO);
        boolean termsSet = stored.isPresent();
        LocalDate enrolledOn = LocalDate.of(year, 1, 1);
        long residents = settled.map(SettleUp::residents).orElseGet(() -> residents(a.admdvs(), enrolledOn));
        Money budget = CountyGlobalBudget.budget(terms, residents);
        List<Month> months = new ArrayList<>();
        Money cumulative = Money.ZERO;
        for (Object[] r : monthly(a.admdvs(), year)) {
            Money total = ((Money) r[2]).plus((Money) r[3]).plus((Money) r[4]);
            cumulative = cumulative.plus(total);
            months.add(new Month((Integer) r[0], (Long) r[1], (Money) r[2], (Money) r[3], (Money) r[4], total, cumulative));
        }
        Money actual = cumulative;
        Money forecast = null;
        if (today.getYear() > year) {
            forecast = actual;
        } else if (today.getYear() == year) {
            forecast = CountyGlobalBudget.forecast(actual, today.getDayOfYear(), Year.of(year).length());
        }
        return new View(a, year, enrolledOn, residents, terms, termsSet, budget, actual, months, today, forecast,
                CountyGlobalBudget.settleUp(terms, budget, forecast == null ? actual : forecast), settled.orElse(null));
    }

    /** Sets a year's terms (before its settle-up). */
    @Transactional
    public View setTerms(String allianceCode, int year, BigDecimal perCapita, BigDecimal surplusRetained, BigDecimal overspendFundShare) {
        Alliance a = community(allianceCode);
        requireYear(year);
        Checks c = new Checks();
        if (c.required("per_capita", perCapita) && (perCapita.signum() <= 0 || perCapita.scale() > 2)) {
            c.add("per_capita", "range", "yuan per enrolled resident: a positive amount with at most 2 decimals (got " + perCapita.toPlainString() + ")");
        }
        share(c, "surplus_retained", surplusRetained);
        share(c, "overspend_fund_share", overspendFundShare);
        c.throwIfAny();
        lock(a.code(), year);
        if (settled(a.code(), year).isPresent()) {
            throw new ConflictException("year", "settled", "the " + year + " budget of " + a.code() + " is already settled; its terms stay as settled");
        }
        Optional<CountyGlobalBudget.Terms> before = terms(a.code(), year);
        jdbc.sql("""
                insert into county_budget_terms (alliance_code, year, per_capita, surplus_retained, overspend_fund_share, set_at, set_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (alliance_code, year) do update set per_capita = excluded.per_capita,
                    surplus_retained = excluded.surplus_retained, overspend_fund_share = excluded.overspend_fund_share,
                    set_at = excluded.set_at, set_by = excluded.set_by""")
                .params(a.code(), year, perCapita, surplusRetained, overspendFundShare, Timestamp.from(clock.instant()),
                        AuditTrail.currentActor())
                .update();
        CountyGlobalBudget.Terms after = terms(a.code(), year).orElseThrow();
        audit.record("SET_TERMS", ENTITY, a.code() + "/" + year, LocalDate.of(year, 1, 1), before.orElse(null), after);
        return view(a.code(), year);
    }

    /**
     * The year-end settle-up, once the year is over: stored with what it was computed from and posted to
     * the ledger of the community's pooling region in one transaction. Asking again returns the stored
     * settle-up and posts nothing (idempotent).
     */
    @Transactional
    public View settleUp(String allianceCode, int year) {
        Alliance a = community(allianceCode);
        requireYear(year);
        LocalDate today = LocalDate.now(clock);
        if (today.getYear() <= year) {
            throw new ConflictException("year", "not_over", "the " + year + " budget is settled up after the year ends (from "
                    + LocalDate.of(year + 1, 1, 1) + "); until then the page shows the running forecast");
        }
        lock(a.code(), year);
        if (settled(a.code(), year).isPresent()) {
            return view(a.code(), year);
        }
        View v = view(a.code(), year);
        CountyGlobalBudget.SettleUp r = CountyGlobalBudget.settleUp(v.terms(), v.budget(), v.actual());
        String pooling = regions.poolingRegionOf(a.admdvs(), LocalDate.of(year, 12, 31))
                .orElseThrow(() -> new ConflictException("admdvs", "no_pooling_region", "region " + a.admdvs() + " has no pooling region"));
        Long postingId = null;
        if (!r.adjustment().isZero()) {
            List<Part> parts = parts(a.admdvs(), year);
            List<Money> shares = CountyGlobalBudget.allocate(r.adjustment(), parts.stream().map(Part::paid).toList());
            List<FundLedger.Entry> entries = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                entries.add(new FundLedger.Entry(parts.get(i).account(), parts.get(i).subAccount(), shares.get(i)));
            }
            entries.add(new FundLedger.Entry(LedgerAccount.INSTITUTION_RECEIVABLE, a.leadFixmedinsCode(), r.adjustment().negate()));
            postingId = ledger.post(pooling, SOURCE_TYPE, a.code() + "/" + year, null, (r.surplus().isPositive()
                    ? "医共体结余留用 " : "医共体超支分担 ") + year, entries, clock.instant());
        }
        CountyGlobalBudget.Terms t = v.terms();
        jdbc.sql("""
                insert into county_budget_settle_up (alliance_code, year, residents, per_capita, surplus_retained, overspend_fund_share,
                    budget, actual, surplus, overspend, community_keeps, fund_keeps, fund_bears, community_bears, adjustment,
                    ledger_posting_id, settled_at, settled_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.code(), year, v.residents(), t.perCapita().toBigDecimal(), t.surplusRetained().toBigDecimal(),
                        t.overspendFundShare().toBigDecimal(), r.budget().toBigDecimal(), r.actual().toBigDecimal(),
                        r.surplus().toBigDecimal(), r.overspend().toBigDecimal(), r.communityKeeps().toBigDecimal(),
                        r.fundKeeps().toBigDecimal(), r.fundBears().toBigDecimal(), r.communityBears().toBigDecimal(),
                        r.adjustment().toBigDecimal(), postingId, Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .update();
        View after = view(a.code(), year);
        audit.record("SETTLE_UP", ENTITY, a.code() + "/" + year, LocalDate.of(year, 12, 31), null, after.settled());
        return after;
    }

    private Alliance community(String code) {
        Alliance a = alliances.find(code).orElseThrow(() -> new NotFoundException(Alliances.ENTITY, code));
        if (!"COUNTY_COMMUNITY".equals(a.kind())) {
            throw new ConflictException("alliance_code", "not_county_community", "alliance " + code + " is a " + a.kind()
                    + "; a global budget is kept for a county medical community (COUNTY_COMMUNITY) only");
        }
        return a;
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            Checks c = new Checks();
            c.add("year", "range", "a year between 2000 and 2100 (got " + year + ")");
            c.throwIfAny();
        }
    }

    private static void share(Checks c, String field, BigDecimal v) {
        if (c.required(field, v) && (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0 || v.scale() > Ratio.SCALE)) {
            c.add(field, "range", "a share between 0 and 1 with at most 4 decimals (got " + v.toPlainString() + ")");
        }
    }

    private void lock(String allianceCode, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('county_budget'), hashtext(?))").param(allianceCode + "/" + year)
                .query((rs, n) -> 1).list();
    }

    private Optional<CountyGlobalBudget.Terms> terms(String allianceCode, int year) {
        return jdbc.sql("select per_capita, surplus_retained, overspend_fund_share from county_budget_terms where alliance_code = ? and year = ?")
                .params(allianceCode, year)
                .query((rs, n) -> new CountyGlobalBudget.Terms(Money.of(rs.getBigDecimal(1)), Ratio.of(rs.getBigDecimal(2)),
                        Ratio.of(rs.getBigDecimal(3))))
                .optional();
    }

    private Optional<SettleUp> settled(String allianceCode, int year) {
        return jdbc.sql("""
                select residents, per_capita, surplus_retained, overspend_fund_share, budget, actual, surplus, overspend, community_keeps,
                       fund_keeps, fund_bears, community_bears, adjustment, ledger_posting_id, settled_at, settled_by
                from county_budget_settle_up where alliance_code = ? and year = ?""")
                .params(allianceCode, year)
                .query((rs, n) -> new SettleUp(rs.getLong(1), new CountyGlobalBudget.Terms(Money.of(rs.getBigDecimal(2)),
                        Ratio.of(rs.getBigDecimal(3)), Ratio.of(rs.getBigDecimal(4))),
                        new CountyGlobalBudget.SettleUp(money(rs, 5), money(rs, 6), money(rs, 7), money(rs, 8), money(rs, 9), money(rs, 10),
                                money(rs, 11), money(rs, 12), money(rs, 13)),
                        (Long) rs.getObject(14), rs.getTimestamp(15).toInstant(), rs.getString(16)))
                .optional();
    }

    private static Money money(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        return Money.of(rs.getBigDecimal(column));
    }

    /** The residents of the county insured on {@code day} (person rows in force that day). */
    private long residents(String county, LocalDate day) {
        return jdbc.sql("""
                select count(distinct psn_no) from person
                where insured_admdvs = ? and valid_from <= ? and (valid_to is null or valid_to > ?)""")
                .params(county, day, day).query(Long.class).single();
    }

    private static final String ENROLLED = """
            with enrolled as (
                select distinct psn_no from person
                where insured_admdvs = :county and valid_from <= :jan1 and (valid_to is null or valid_to > :jan1))
            """;

    /** Month, settlements, basic pool, serious illness, large amount: the year's payments for the enrolled residents. */
    private List<Object[]> monthly(String county, int year) {
        return jdbc.sql(ENROLLED + """
                select extract(month from s.setl_time)::int, count(*) filter (where s.reverses_setl_id is null),
                       sum(s.hifp_pay), sum(s.hifmi_pay), sum(s.hifob_pay)
                from settlement s join enrolled e on e.psn_no = s.psn_no
                where s.year = :year group by 1 order by 1""")
                .param("county", county).param("jan1", LocalDate.of(year, 1, 1)).param("year", year)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getLong(2), money(rs, 3), money(rs, 4), money(rs, 5)}).list();
    }

    /** The funds that paid the year's care, as ledger accounts (the basic pool by insutype), with what each paid. */
    private List<Part> parts(String county, int year) {
        List<Part> parts = new ArrayList<>();
        jdbc.sql(ENROLLED + """
                select s.insutype, sum(s.hifp_pay)
                from settlement s join enrolled e on e.psn_no = s.psn_no
                where s.year = :year group by 1 order by 1""")
                .param("county", county).param("jan1", LocalDate.of(year, 1, 1)).param("year", year)
                .query((rs, n) -> new Part(LedgerAccount.BASIC_POOL, rs.getString(1), money(rs, 2).max(Money.ZERO))).list()
                .forEach(parts::add);
        Money serious = Money.ZERO;
        Money large = Money.ZERO;
        for (Object[] r : jdbc.sql(ENROLLED + """
                select sum(s.hifmi_pay), sum(s.hifob_pay) from settlement s join enrolled e on e.psn_no = s.psn_no where s.year = :year""")
                .param("county", county).param("jan1", LocalDate.of(year, 1, 1)).param("year", year)
                .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).list()) {
            serious = r[0] == null ? Money.ZERO : Money.of((BigDecimal) r[0]);
            large = r[1] == null ? Money.ZERO : Money.of((BigDecimal) r[1]);
        }
        parts.add(new Part(LedgerAccount.SERIOUS_ILLNESS, "", serious.max(Money.ZERO)));
        parts.add(new Part(LedgerAccount.LARGE_AMOUNT, "", large.max(Money.ZERO)));
        if (parts.size() == 2) {
            // No payments at all: the adjustment is the basic pool's.
            parts.add(0, new Part(LedgerAccount.BASIC_POOL, "390", Money.ZERO));
        }
        return parts;
    }
}
