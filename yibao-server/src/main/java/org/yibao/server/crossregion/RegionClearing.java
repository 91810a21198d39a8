package org.yibao.server.crossregion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * The monthly clearing between two regions (异地清算, R-XR-4): per ordered pair (insured region →
 * treatment region) and month, a statement of the cross-region settlements made in the month — those
 * settled, those of the month reversed in it, and reversals carried from earlier months (a May reversal of
 * an April settlement is on May's statement) — whose net fund and personal-account payments are the
 * cleared amount. An administrator issues a month once it is over (each statement once; a second issue
 * is a no-op); an administrator confirms for each side, naming the region, and a different administrator
 * the other side; the second confirmation
 * settles the statement against the insured region's prepaid fund with one balanced posting in each
 * region's ledger, in the same transaction.
 */
@Service
public class RegionClearing {

    public static final String ENTITY = "xr_clearing_statement";
    static final String SOURCE_TYPE = "XR_CLEARING";

    /** The kinds of line, in statement order. */
    public static final List<String> KINDS = List.of("SETTLED", "REVERSED", "CARRIED_REVERSAL");

    /** One kind of line: the settlements (or reversals, amounts negative) of the month for the pair. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(String kind, long settlements, Money medfeeSumamt, Money fundPaySumamt, Money acctPay) {
        public Money payments() {
            return fundPaySumamt.plus(acctPay);
        }
    }

    /** A side's confirmation: the region confirming, when and by whom. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Confirmation(String admdvs, Instant confirmedAt, String confirmedBy) {}

    /** A statement: issued (and perhaps confirmed and settled) or, before that, what it would be. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Statement(String insuredAdmdvs, String insuredName, String treatmentAdmdvs, String treatmentName, YearMonth month,
                            List<Line> lines, Money medfeeSumamt, Money fundPaySumamt, Money acctPay, Money clearedAmount, String state,
                            Instant issuedAt, String issuedBy, Confirmation insuredConfirmation, Confirmation treatmentConfirmation,
                            Instant settledAt, Long insuredPostingId, Long treatmentPostingId) {
        public RegionPair pair() {
            return new RegionPair(insuredAdmdvs, treatmentAdmdvs);
        }

        public boolean issued() {
            return issuedAt != null;
        }

        public Line line(String kind) {
            return lines.stream().filter(l -> l.kind().equals(kind)).findFirst()
                    .orElse(new Line(kind, 0, Money.ZERO, Money.ZERO, Money.ZERO));
        }
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final PrepaidFunds funds;
    private final FundLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    RegionClearing(JdbcClient jdbc, Regions regions, PrepaidFunds funds, FundLedger ledger, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.funds = funds;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** The month's statements: every pair with cross-region settlements in it or a statement issued for it. */
    public List<Statement> month(YearMonth month) {
        Map<RegionPair, List<Line>> computed = compute(month, null);
        Map<RegionPair, Statement> out = new TreeMap<>();
        jdbc.sql("select insured_admdvs, treatment_admdvs from xr_clearing_statement where month = ?").param(month.atDay(1))
                .query((rs, n) -> new RegionPair(rs.getString(1).trim(), rs.getString(2).trim())).list()
                .forEach(p -> out.put(p, issued(p, month).orElseThrow()));
        computed.forEach((p, lines) -> out.computeIfAbsent(p, k -> statement(k, month, lines, null)));
        return List.copyOf(out.values());
    }

    /** One pair's statement of the month (an empty preview when there was nothing). */
    public Statement statement(RegionPair pair, YearMonth month) {
        PrepaidFunds.requirePair(pair, regions);
        return issued(pair, month).orElseGet(() -> statement(pair, month, compute(month, pair).getOrDefault(pair, List.of()), null));
    }

    /** Issues the month's statements not yet issued, once the month is over (ADMIN); a second issue changes nothing. */
    @Transactional
    public List<Statement> issue(YearMonth month) {
        requireOver(month);
        PrepaidFunds.lock(jdbc);
        Instant now = clock.instant();
        for (Statement s : month(month)) {
            if (s.issued() || s.lines().isEmpty()) {
                continue;
            }
            LocalDate first = month.atDay(1);
            jdbc.sql("""
                            insert into xr_clearing_statement (insured_admdvs, treatment_admdvs, month, cleared_amount, issued_at, issued_by)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(s.insuredAdmdvs(), s.treatmentAdmdvs(), first, s.clearedAmount().toBigDecimal(), Timestamp.from(now),
                            AuditTrail.currentActor())
                    .update();
            for (Line l : s.lines()) {
                jdbc.sql("""
                                insert into xr_clearing_line (insured_admdvs, treatment_admdvs, month, kind, settlements, medfee_sumamt,
                                    fund_pay_sumamt, acct_pay) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(s.insuredAdmdvs(), s.treatmentAdmdvs(), first, l.kind(), l.settlements(), l.medfeeSumamt().toBigDecimal(),
                                l.fundPaySumamt().toBigDecimal(), l.acctPay().toBigDecimal())
                        .update();
            }
            audit.record("ISSUE", ENTITY, key(s.pair(), month), month.atEndOfMonth(), null, issued(s.pair(), month).orElseThrow());
        }
        return month(month);
    }

    /**
     * One side confirms an issued statement (ADMIN), naming its region (the pair's insured or treatment
     * region). Confirming a side again changes nothing. The second side's confirmation settles the
     * statement against the prepaid fund.
     */
    @Transactional
    public Statement confirm(RegionPair pair, YearMonth month, String admdvs) {
        PrepaidFunds.requirePair(pair, regions);
        boolean insuredSide = pair.insuredAdmdvs().equals(admdvs);
        if (!insuredSide && !pair.treatmentAdmdvs().equals(admdvs)) {
            throw new InvalidInputException("admdvs", "side", (admdvs == null ? "no region" : admdvs) + " is neither side of the statement "
                    + pair.key() + ": confirm as the insured region " + pair.insuredAdmdvs() + " or the treatment region " + pair.treatmentAdmdvs());
        }
        PrepaidFunds.lock(jdbc);
        Statement before = issued(pair, month).orElseThrow(() -> new ConflictException("month", "not_issued", "the statement "
                + pair.key() + " of " + month + " is not issued yet: an administrator issues the month's statements once it is over"));
        Confirmation mine = insuredSide ? before.insuredConfirmation() : before.treatmentConfirmation();
        if (mine != null) {
            return before;
        }
        // Two sides, two people: the user who confirmed one side cannot confirm the other.
        Confirmation other = insuredSide ? before.treatmentConfirmation() : before.insuredConfirmation();
        if (other != null && other.confirmedBy().equals(AuditTrail.currentActor())) {
            throw new ConflictException("admdvs", "same_user", other.confirmedBy() + " already confirmed " + pair.key() + " " + month
                    + " for region " + other.admdvs() + ": the other side (" + admdvs + ") is confirmed by another administrator");
        }
        Instant now = clock.instant();
        String side = insuredSide ? "insured" : "treatment";
        jdbc.sql("update xr_clearing_statement set " + side + "_confirmed_at = ?, " + side + "_confirmed_by = ? "
                        + "where insured_admdvs = ? and treatment_admdvs = ? and month = ?")
                .params(Timestamp.from(now), AuditTrail.currentActor(), pair.insuredAdmdvs(), pair.treatmentAdmdvs(), month.atDay(1))
                .update();
        Statement confirmed = issued(pair, month).orElseThrow();
        audit.record("CONFIRM", ENTITY, key(pair, month), month.atEndOfMonth(), before, confirmed);
        if (confirmed.insuredConfirmation() != null && confirmed.treatmentConfirmation() != null) {
            settle(confirmed, now);
            confirmed = issued(pair, month).orElseThrow();
            audit.record("SETTLE", ENTITY, key(pair, month), month.atEndOfMonth(), null, confirmed);
            funds.requestTopUpIfLow(pair, month);
        }
        return confirmed;
    }

    /**
     * Settled against the prepaid fund, by exactly the cleared amount: in the insured region the payable
     * to the treatment region is debited and the prepaid fund credited; in the treatment region the
     * prepaid funds held are debited and the receivable from the insured region credited.
     */
    private void settle(Statement s, Instant now) {
        RegionPair pair = s.pair();
        Money amount = s.clearedAmount();
        String source = key(pair, s.month());
        long insured = ledger.post(pair.insuredAdmdvs(), SOURCE_TYPE, source, null, "异地清算 " + source, List.of(
                new FundLedger.Entry(LedgerAccount.XR_PAYABLE, pair.treatmentAdmdvs(), amount),
                new FundLedger.Entry(LedgerAccount.XR_PREPAID, pair.treatmentAdmdvs(), amount.negate())), now);
        long treatment = ledger.post(pair.treatmentAdmdvs(), SOURCE_TYPE, source, null, "异地清算 " + source, List.of(
                new FundLedger.Entry(LedgerAccount.XR_PREPAID_HELD, pair.insuredAdmdvs(), amount),
                new FundLedger.Entry(LedgerAccount.XR_RECEIVABLE, pair.insuredAdmdvs(), amount.negate())), now);
        jdbc.sql("""
                        update xr_clearing_statement set settled_at = ?, insured_posting_id = ?, treatment_posting_id = ?
                        where insured_admdvs = ? and treatment_admdvs = ? and month = ? and settled_at is null""")
                .params(Timestamp.from(now), insured, treatment, pair.insuredAdmdvs(), pair.treatmentAdmdvs(), s.month().atDay(1))
                .update();
    }

    private void requireOver(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new ConflictException("month", "not_over", "the cross-region statements of " + month
                    + " are issued once the month is over (from " + month.plusMonths(1).atDay(1) + ")");
        }
    }

    static String key(RegionPair pair, YearMonth month) {
        return pair.key() + "/" + month;
    }

    /** The month's cross-region settlements per pair (one pair when given) and kind of line. */
    private Map<RegionPair, List<Line>> compute(YearMonth month, RegionPair only) {
        LocalDateTime start = month.atDay(1).atStartOfDay();
        Map<RegionPair, List<Line>> out = new TreeMap<>();
        jdbc.sql("""
                        select coalesce(g.pooling_admdvs, s.insured_admdvs) as insured, s.treatment_admdvs,
                               case when s.reverses_setl_id is null then 'SETTLED' when o.setl_time >= :start then 'REVERSED'
                                    else 'CARRIED_REVERSAL' end as kind,
                               count(*), sum(s.medfee_sumamt), sum(s.fund_pay_sumamt), sum(s.acct_pay)
                        from settlement s
                        left join settlement o on o.setl_id = s.reverses_setl_id
                        left join region g on g.admdvs = s.insured_admdvs and g.valid_to is null
                        where s.setl_time >= :start and s.setl_time < :end
                          and coalesce(g.pooling_admdvs, s.insured_admdvs) <> s.treatment_admdvs
                          and (cast(:insured as varchar) is null
                               or (coalesce(g.pooling_admdvs, s.insured_admdvs) = :insured and s.treatment_admdvs = :treatment))
                        group by 1, 2, 3""")
                .param("start", start).param("end", month.plusMonths(1).atDay(1).atStartOfDay())
                .param("insured", only == null ? null : only.insuredAdmdvs()).param("treatment", only == null ? null : only.treatmentAdmdvs())
                .query((rs, n) -> new Object[] {new RegionPair(rs.getString(1).trim(), rs.getString(2).trim()), line(rs, 3)}).list()
                .forEach(r -> out.computeIfAbsent((RegionPair) r[0], k -> new ArrayList<>()).add((Line) r[1]));
        out.values().forEach(lines -> lines.sort(Comparator.comparing(l -> KINDS.indexOf(l.kind()))));
        return out;
    }

    private static Line line(ResultSet rs, int from) throws SQLException {
        return new Line(rs.getString(from), rs.getLong(from + 1), Money.of(rs.getBigDecimal(from + 2)), Money.of(rs.getBigDecimal(from + 3)),
                Money.of(rs.getBigDecimal(from + 4)));
    }

    private Optional<Statement> issued(RegionPair pair, YearMonth month) {
        LocalDate first = month.atDay(1);
        return jdbc.sql("""
                        select issued_at, issued_by, insured_confirmed_at, insured_confirmed_by, treatment_confirmed_at, treatment_confirmed_by,
                               settled_at, insured_posting_id, treatment_posting_id
                        from xr_clearing_statement where insured_admdvs = ? and treatment_admdvs = ? and month = ?""")
                .params(pair.insuredAdmdvs(), pair.treatmentAdmdvs(), first)
                .query((rs, n) -> new Issued(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        confirmation(pair.insuredAdmdvs(), rs.getTimestamp(3), rs.getString(4)),
                        confirmation(pair.treatmentAdmdvs(), rs.getTimestamp(5), rs.getString(6)),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), (Long) rs.getObject(8, Long.class),
                        (Long) rs.getObject(9, Long.class)))
                .optional()
                .map(i -> statement(pair, month, jdbc.sql("""
                                        select kind, settlements, medfee_sumamt, fund_pay_sumamt, acct_pay from xr_clearing_line
                                        where insured_admdvs = ? and treatment_admdvs = ? and month = ?""")
                                .params(pair.insuredAdmdvs(), pair.treatmentAdmdvs(), first).query((rs, n) -> line(rs, 1)).list()
                                .stream().sorted(Comparator.comparing(l -> KINDS.indexOf(l.kind()))).toList(), i));
    }

    private record Issued(Instant at, String by, Confirmation insured, Confirmation treatment, Instant settledAt, Long insuredPosting,
                          Long treatmentPosting) {}

    private static Confirmation confirmation(String admdvs, Timestamp at, String by) {
        return at == null ? null : new Confirmation(admdvs, at.toInstant(), by);
    }

    private Statement statement(RegionPair pair, YearMonth month, List<Line> lines, Issued i) {
        Money medfee = Money.ZERO;
        Money fund = Money.ZERO;
        Money acct = Money.ZERO;
        for (Line l : lines) {
            medfee = medfee.plus(l.medfeeSumamt());
            fund = fund.plus(l.fundPaySumamt());
            acct = acct.plus(l.acctPay());
        }
        String state = i == null ? "PREVIEW" : i.settledAt() != null ? "SETTLED"
                : i.insured() != null || i.treatment() != null ? "CONFIRMING" : "ISSUED";
        return new Statement(pair.insuredAdmdvs(), name(pair.insuredAdmdvs()), pair.treatmentAdmdvs(), name(pair.treatmentAdmdvs()), month,
                lines, medfee, fund, acct, fund.plus(acct), state, i == null ? null : i.at(), i == null ? null : i.by(),
                i == null ? null : i.insured(), i == null ? null : i.treatment(), i == null ? null : i.settledAt(),
                i == null ? null : i.insuredPosting(), i == null ? null : i.treatmentPosting());
    }

    private String name(String admdvs) {
        return regions.find(admdvs).map(Region::name).orElse(admdvs);
    }
}
