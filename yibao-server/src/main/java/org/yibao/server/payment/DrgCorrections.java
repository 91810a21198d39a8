package org.yibao.server.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.drgpay.DrgPayment;
import org.yibao.engine.money.Money;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.ledger.LedgerAccount;
import org.yibao.server.payment.internal.DrgSetup;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * DRG corrections (按病组付费更正) of a month already run by {@link DrgPayments}. A round picks up every case of the
 * month whose latest result no longer stands:
 * <ul>
 * <li>its case record was corrected — a 4101A (or a first 4101 for a stay that had none) whose upload is not the
 * one the result used: the case is checked (R-PAY-4), grouped and paid again;</li>
 * <li>its settlement was reversed (2305, 2208, 2601) since the result: when the stay has no settlement in force
 * any more, the case's DRG adjustment is withdrawn (its new result is "no longer settled", reason
 * {@link DrgPayments#REVERSED}, nothing paid; the reversal itself took back the item-based fund payment); when
 * the stay was settled again, the case is paid again on the new settlement's figures (a later month's run leaves
 * that settlement, see {@link DrgPayments#stays}).</li>
 * </ul>
 * Cases are paid again with the grouper version, weights table and history weights the month's run used. The
 * difference of a case is its new adjustment minus the adjustment of the result it replaces. Each round adds rows
 * (the new result, the round it replaces, the settlement it used, the difference) and never edits a stored
 * amount; per institution the difference is posted to the fund ledger in the same transaction, on the same
 * accounts as the month's DRG posting (the basic pool of each insutype against the institution's receivable; a
 * withholding when negative), and the monthly clearing pays it out once as kind {@code DRG_CORRECTION}. A round
 * with nothing corrected or reversed since the last one is refused (409 {@code nothing_corrected}) and pays
 * nothing. Run by an administrator, audited.
 */
@Service
public class DrgCorrections {

    public static final String ENTITY = "drg_correction";
    static final String SOURCE_TYPE = "DRG_CORRECTION";

    /** One institution's corrected cases of a round and the difference posted for them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InstitutionRound(String fixmedinsCode, String name, int cases, Money difference, Long ledgerPostingId) {}

    /** A corrections round of a region's month: when, by whom, how many cases, the difference, per institution. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Round(String admdvs, YearMonth month, int round, int cases, Money difference, Instant runAt, String runBy,
                       List<InstitutionRound> institutions) {}

    /**
     * A case's latest result: the round (0: the month's run), the fund's payment and adjustment, the case-record
     * upload and the settlement it used (null: no longer settled), and the stay's facts a withdrawal keeps.
     */
    private record Latest(int round, Money drgFundPay, Money adjustment, String recordMsgid, String reason, String setlId,
                          String mdtrtId, String fixmedinsCode, String psnNo, String insutype, int level) {}

    private static final class Difference {
        int cases;
        final Map<String, Money> byInsutype = new TreeMap<>();
    }

    private final JdbcClient jdbc;
    private final DrgPayments payments;
    private final DrgSetup setup;
    private final Institutions institutions;
    private final FundLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    DrgCorrections(JdbcClient jdbc, DrgPayments payments, DrgSetup setup, Institutions institutions, FundLedger ledger, AuditTrail audit,
                   Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.setup = setup;
        this.institutions = institutions;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** The month's corrections rounds, first to last (none before the month is run). */
    public List<Round> rounds(String admdvs, YearMonth month) {
        payments.requireRegion(admdvs);
        return jdbc.sql("select round from drg_correction_run where admdvs = ? and month = ? order by round")
                .params(admdvs, month.atDay(1)).query(Integer.class).list()
                .stream().map(r -> round(admdvs, month, r)).toList();
    }

    /** Runs a corrections round of a month already run; returns it. */
    @Transactional
    public Round correct(String admdvs, YearMonth month) {
        payments.requireRegion(admdvs);
        LocalDate first = month.atDay(1);
        jdbc.sql("select pg_advisory_xact_lock(hashtext('drg_payment'), hashtext(?))").param(DrgPayments.key(admdvs, month))
                .query((rs, n) -> 1).list();
        String[] run = jdbc.sql("select grouper_version, weights, run_at from drg_payment_run where admdvs = ? and month = ?")
                .params(admdvs, first)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString()}).optional()
                .orElseThrow(() -> new ConflictException("month", "not_run", "DRG payment of " + admdvs + " for " + month
                        + " has not been run: corrections pay again the cases of a month already run (POST …/run first)"));
        Instant runAt = Instant.parse(run[2]);
        Map<String, Latest> latest = latest(admdvs, first);
        Map<String, DrgPayments.Stay> settledNow = payments.settledNow(admdvs, month);
        // Per case whose result no longer stands: the stay as it is settled now, or null when it is no longer settled.
        Map<String, DrgPayments.Stay> changed = new TreeMap<>();
        latest.forEach((key, l) -> {
            DrgPayments.Stay now = settledNow.get(key);
            if (now == null ? l.setlId() != null : (!now.setlId().equals(l.setlId()) || corrected(l, now, runAt))) {
                changed.put(key, now);
            }
        });
        Optional<Round> last = jdbc.sql("select round from drg_correction_run where admdvs = ? and month = ? order by round desc limit 1")
                .params(admdvs, first)
                .query(Integer.class).optional().map(r -> round(admdvs, month, r));
        if (changed.isEmpty()) {
            throw new ConflictException("month", "nothing_corrected", "no case record of " + admdvs + " for " + month
                    + " was corrected and no settlement reversed since " + last.map(r -> "corrections round " + r.round() + " at " + r.runAt())
                    .orElse("the month's run at " + runAt) + "; nothing is paid");
        }
        int round = last.map(Round::round).orElse(0) + 1;
        Instant now = clock.instant();
        jdbc.sql("insert into drg_correction_run (admdvs, month, round, cases, run_at, run_by) values (?, ?, ?, ?, ?, ?)")
                .params(admdvs, first, round, changed.size(), Timestamp.from(now), AuditTrail.currentActor()).update();
        DrgSetup.Region region = setup.region(admdvs, run[0], run[1]);
        DrgPayment payment = DrgPayments.payment(region, payments.history(region, admdvs, month));
        Map<String, Difference> differences = new TreeMap<>();
        int reversed = 0;
        for (Map.Entry<String, DrgPayments.Stay> c : changed.entrySet()) {
            Latest before = latest.get(c.getKey());
            DrgPayments.Stay s = c.getValue();
            List<Object> params;
            Money adjustment;
            String insutype;
            if (s == null) {
                reversed++;
                adjustment = Money.ZERO;
                insutype = before.insutype();
                params = withdrawn(admdvs, first, c.getKey(), before);
            } else {
                DrgPayments.Paid paid = DrgPayments.pay(region, payment, s.as(c.getKey()));
                adjustment = paid.result().adjustment();
                insutype = s.insutype();
                params = DrgPayments.caseParams(admdvs, first, paid);
            }
            params.addAll(Arrays.asList(round, before.round(), before.drgFundPay().toBigDecimal(),
                    adjustment.minus(before.adjustment()).toBigDecimal(), s == null ? null : s.setlId(), before.adjustment().toBigDecimal()));
            jdbc.sql("insert into drg_correction_case (" + DrgPayments.CASE_COLUMNS + ", round, replaces_round, previous_drg_fund_pay, "
                    + "difference, current_setl_id, previous_adjustment) values (" + DrgPayments.CASE_VALUES + ", ?, ?, ?, ?, ?, ?)")
                    .params(params).update();
            Difference d = differences.computeIfAbsent(before.fixmedinsCode(), k -> new Difference());
            d.cases++;
            // The adjustment posted for the case before is taken back and the new one posted (a stay settled
            // again may have another insutype).
            d.byInsutype.merge(before.insutype(), before.adjustment().negate(), Money::plus);
            d.byInsutype.merge(insutype, adjustment, Money::plus);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        differences.forEach((code, d) -> after.put(code, store(admdvs, month, round, code, d, now)));
        audit.record("CORRECT", ENTITY, admdvs + "/" + month + "/" + round, month.atEndOfMonth(), null,
                Map.of("round", round, "cases", changed.size(), "reversed", reversed, "grouper_version", run[0], "weights", run[1], "difference", after));
        return round(admdvs, month, round);
    }

    /**
     * Whether the stay's case record was corrected since its latest result: the upload it has now is not the
     * one the result used. A result of a run stored before V93 names no upload: then a record first sent
     * after a stay paid without one, or one uploaded after the run.
     */
    private static boolean corrected(Latest l, DrgPayments.Stay s, Instant runAt) {
        if (s.recordMsgid() == null) {
            return false;
        }
        if (l.recordMsgid() != null) {
            return !l.recordMsgid().equals(s.recordMsgid());
        }
        return DrgPayment.Reason.NO_CASE_RECORD.name().equals(l.reason()) || s.recordUploadedAt().isAfter(runAt);
    }

    private Map<String, Latest> latest(String admdvs, LocalDate first) {
        Map<String, Latest> out = new TreeMap<>();
        String columns = "drg_fund_pay, adjustment, case_record_msgid, reason, mdtrt_id, fixmedins_code, psn_no, insutype, level";
        jdbc.sql("select distinct on (setl_id) * from (select setl_id, 0 as round, setl_id as current_setl_id, " + columns
                        + " from drg_payment_case where admdvs = :admdvs and month = :month union all "
                        + "select setl_id, round, current_setl_id, " + columns
                        + " from drg_correction_case where admdvs = :admdvs and month = :month) c order by setl_id, round desc")
                .param("admdvs", admdvs).param("month", first)
                .query((rs, n) -> out.put(rs.getString(1), new Latest(rs.getInt(2), Money.of(rs.getBigDecimal(4)),
                        Money.of(rs.getBigDecimal(5)), rs.getString(6), rs.getString(7), rs.getString(3), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11).trim(), rs.getInt(12)))).list();
        return out;
    }

    /**
     * The values of {@link DrgPayments#CASE_COLUMNS} for a case whose stay is no longer settled: paid nothing, by
     * DRG or by items (the reversal took back the settlement's fund payment), with the reason {@link DrgPayments#REVERSED}.
     */
    private static List<Object> withdrawn(String admdvs, LocalDate first, String setlId, Latest before) {
        java.math.BigDecimal zero = Money.ZERO.toBigDecimal();
        String explanation = "结算已撤销（冲销），住院无有效结算：撤回按病组支付调整 " + before.adjustment().negate().toBigDecimal().toPlainString()
                + " 元 (settlement reversed after the run, no settlement in force: its DRG adjustment is withdrawn)";
        return new ArrayList<>(Arrays.asList(admdvs, first, setlId, before.mdtrtId(), before.fixmedinsCode(), before.psnNo(),
                before.insutype(), before.level(), null, null, null, null, null, DrgPayment.Method.ITEMS.name(), DrgPayments.REVERSED,
                null, null, zero, zero, zero, zero, zero, zero, explanation, before.recordMsgid()));
    }

    /** Posts an institution's difference of the round (when there is one) and stores it; returns the difference. */
    private java.math.BigDecimal store(String admdvs, YearMonth month, int round, String code, Difference d, Instant now) {
        Money total = d.byInsutype.values().stream().reduce(Money.ZERO, Money::plus);
        Long posting = null;
        if (d.byInsutype.values().stream().anyMatch(m -> !m.isZero())) {
            List<FundLedger.Entry> entries = new ArrayList<>();
            d.byInsutype.forEach((insutype, amount) -> entries.add(new FundLedger.Entry(LedgerAccount.BASIC_POOL, insutype, amount)));
            entries.add(new FundLedger.Entry(LedgerAccount.INSTITUTION_RECEIVABLE, code, total.negate()));
            posting = ledger.post(admdvs, SOURCE_TYPE, code + "/" + month + "/" + round, null, "DRG 付费更正 " + month + " 第 " + round + " 轮",
                    entries, now);
        }
        jdbc.sql("""
                insert into drg_correction_institution (admdvs, month, round, fixmedins_code, cases, difference, ledger_posting_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(admdvs, month.atDay(1), round, code, d.cases, total.toBigDecimal(), posting).update();
        return total.toBigDecimal();
    }

    private Round round(String admdvs, YearMonth month, int round) {
        LocalDate first = month.atDay(1);
        List<InstitutionRound> perInstitution = jdbc.sql("""
                        select fixmedins_code, cases, difference, ledger_posting_id from drg_correction_institution
                        where admdvs = ? and month = ? and round = ? order by fixmedins_code""")
                .params(admdvs, first, round)
                .query((rs, n) -> new InstitutionRound(rs.getString(1), institutions.find(rs.getString(1), month.atEndOfMonth())
                        .map(Institution::name).orElse(rs.getString(1)), rs.getInt(2), Money.of(rs.getBigDecimal(3)),
                        (Long) rs.getObject(4, Long.class)))
                .list();
        return jdbc.sql("select cases, run_at, run_by from drg_correction_run where admdvs = ? and month = ? and round = ?")
                .params(admdvs, first, round)
                .query((rs, n) -> new Round(admdvs, month, round, rs.getInt(1), perInstitution.stream().map(InstitutionRound::difference)
                        .reduce(Money.ZERO, Money::plus), rs.getTimestamp(2).toInstant(), rs.getString(3), perInstitution))
                .single();
    }
}
