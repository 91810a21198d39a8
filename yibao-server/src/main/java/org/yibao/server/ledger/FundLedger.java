package org.yibao.server.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.benefit.SetlInfo;
import org.yibao.engine.money.Money;

/** Posts to the fund ledger inside the caller's transaction (the money write and its entries commit together). */
@Service
public class FundLedger {

    /** One line of a posting: debit positive, credit negative. */
    public record Entry(LedgerAccount account, String subAccount, Money amount) {
        public Entry {
            subAccount = subAccount == null ? "" : subAccount;
        }
    }

    /**
     * The lines a settlement posts (a reversal posts them negated): each fund and the personal accounts
     * debited with what they paid, the patient's cash and the institution's borne part debited, the
     * institution's medical fees credited with the whole fee. Zero lines are left out.
     */
    public static List<Entry> settlementEntries(SetlInfo s, String insutype, String fixmedinsCode) {
        List<Entry> e = payerEntries(s, insutype);
        e.addAll(institutionEntries(s, fixmedinsCode));
        return e;
    }

    /**
     * A cross-region settlement in the insured region's ledger (R-XR-4): the funds and the personal
     * accounts debited as at home, the payable to the treatment region credited with their sum
     * (fund_pay_sumamt + acct_pay).
     */
    public static List<Entry> insuredRegionEntries(SetlInfo s, String insutype, String treatmentPooling) {
        List<Entry> e = payerEntries(s, insutype);
        e.add(new Entry(LedgerAccount.XR_PAYABLE, treatmentPooling, s.fundPaySumamt().plus(s.acctPay()).negate()));
        e.removeIf(x -> x.amount().isZero());
        return e;
    }

    /**
     * A cross-region settlement in the treatment region's ledger (R-XR-4): the institution is paid like
     * a local one (its receivable credited with the whole fee, the patient's cash and the borne part
     * debited), and what the insured region's funds and accounts paid is a receivable from that region.
     */
    public static List<Entry> treatmentRegionEntries(SetlInfo s, String fixmedinsCode, String insuredPooling) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry(LedgerAccount.XR_RECEIVABLE, insuredPooling, s.fundPaySumamt().plus(s.acctPay())));
        e.addAll(institutionEntries(s, fixmedinsCode));
        return e;
    }

    private static List<Entry> payerEntries(SetlInfo s, String insutype) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry(LedgerAccount.BASIC_POOL, insutype, s.hifpPay()));
        e.add(new Entry(LedgerAccount.CIVIL_SERVANT, null, s.cvlservPay()));
        e.add(new Entry(LedgerAccount.LARGE_AMOUNT, null, s.hifobPay()));
        e.add(new Entry(LedgerAccount.SERIOUS_ILLNESS, null, s.hifmiPay()));
        e.add(new Entry(LedgerAccount.MEDICAL_ASSISTANCE, null, s.mafPay()));
        e.add(new Entry(LedgerAccount.OTHER_FUND, null, s.othPay().plus(s.hifesPay())));
        e.add(new Entry(LedgerAccount.PERSONAL_ACCOUNTS, null, s.acctPay()));
        e.removeIf(x -> x.amount().isZero());
        return e;
    }

    private static List<Entry> institutionEntries(SetlInfo s, String fixmedinsCode) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry(LedgerAccount.PATIENT_CASH, fixmedinsCode, s.psnCashPay()));
        e.add(new Entry(LedgerAccount.INSTITUTION_BORNE, fixmedinsCode, s.hospPartAmt()));
        e.add(new Entry(LedgerAccount.INSTITUTION_RECEIVABLE, fixmedinsCode, s.medfeeSumamt().negate()));
        e.removeIf(x -> x.amount().isZero());
        return e;
    }

    /** A posting as stored. */
    public record Posting(long id, String admdvs, String sourceType, String sourceId, Long reversesPostingId, List<Entry> entries) {}

    private final JdbcClient jdbc;

    FundLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Posts balanced entries (zero amounts are left out).
     *
     * @throws IllegalArgumentException when the entries do not sum to zero (nothing is written)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long post(String admdvs, String sourceType, String sourceId, Long reversesPostingId, String memo,
                     List<Entry> entries, Instant at) {
        Statement posting = posting(admdvs, sourceType, sourceId, reversesPostingId, memo, entries, at);
        return jdbc.sql("with " + posting.ctes() + " select id from ledger_posting_new").params(posting.params())
                .query(Long.class).single();
    }

    /**
     * A part of a caller's statement: {@code ctes} to put after {@code with} (they name themselves
     * {@code ledger_posting_new} and {@code ledger_entries_new}) and their parameters, in order.
     */
    public record Statement(String ctes, List<Object> params) {}

    /**
     * A posting as common table expressions, for a caller that writes its own rows and the posting in
     * one statement (one round trip; the balance trigger checks the posting when the statement ends).
     *
     * @throws IllegalArgumentException when the entries do not sum to zero
     */
    public static Statement posting(String admdvs, String sourceType, String sourceId, Long reversesPostingId, String memo,
                                    List<Entry> entries, Instant at) {
        List<Entry> lines = new ArrayList<>();
        Money sum = Money.ZERO;
        for (Entry e : entries) {
            if (!e.amount().isZero()) {
                lines.add(e);
                sum = sum.plus(e.amount());
            }
        }
        if (!sum.isZero()) {
            throw new IllegalArgumentException("posting " + sourceType + " " + sourceId + " does not balance: " + sum);
        }
        StringBuilder sql = new StringBuilder("""
                ledger_posting_new as (insert into ledger_posting (admdvs, posted_at, source_type, source_id, reverses_posting_id, memo)
                    values (?, ?, ?, ?, ?, ?) returning id)""");
        List<Object> params = new ArrayList<>(List.of(admdvs, Timestamp.from(at), sourceType, sourceId));
        params.add(reversesPostingId);
        params.add(memo);
        if (!lines.isEmpty()) {
            sql.append("""
                    ,
                    ledger_entries_new as (insert into ledger_entry (posting_id, line, account, sub_account, amount)
                        select p.id, v.line, v.account, v.sub_account, v.amount from ledger_posting_new p, (values\s""");
            for (int i = 0; i < lines.size(); i++) {
                sql.append(i == 0 ? "(?::smallint, ?, ?, ?::numeric)" : ", (?::smallint, ?, ?, ?::numeric)");
                Entry e = lines.get(i);
                params.add(i + 1);
                params.add(e.account().name());
                params.add(e.subAccount());
                params.add(e.amount().toBigDecimal());
            }
            sql.append(") as v(line, account, sub_account, amount))");
        }
        return new Statement(sql.toString(), params);
    }

    /** Posts the mirror of a posting (every amount negated), pointing to it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long reverse(long postingId, String sourceType, String sourceId, String memo, Instant at) {
        Posting original = find(postingId).orElseThrow(() -> new IllegalArgumentException("no ledger posting " + postingId));
        List<Entry> mirror = original.entries().stream()
                .map(e -> new Entry(e.account(), e.subAccount(), e.amount().negate())).toList();
        return post(original.admdvs(), sourceType, sourceId, postingId, memo, mirror, at);
    }

    public Optional<Posting> find(long postingId) {
        return jdbc.sql("select id, admdvs, source_type, source_id, reverses_posting_id from ledger_posting where id = ?")
                .param(postingId)
                .query((rs, n) -> new Posting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class), entries(rs.getLong(1))))
                .optional();
    }

    /** The posting written for a source (e.g. SETTLEMENT and a setl_id). */
    public Optional<Long> postingOf(String sourceType, String sourceId) {
        return jdbc.sql("select id from ledger_posting where source_type = ? and source_id = ? order by id limit 1")
                .params(sourceType, sourceId).query(Long.class).optional();
    }

    private List<Entry> entries(long postingId) {
        return jdbc.sql("select account, sub_account, amount from ledger_entry where posting_id = ? order by line")
                .param(postingId)
                .query((rs, n) -> new Entry(LedgerAccount.valueOf(rs.getString(1)), rs.getString(2), Money.of(rs.getBigDecimal(3))))
                .list();
    }

    /** Balance of an account (all sub-accounts when {@code subAccount} is null) in a region. */
    public Money balance(String admdvs, LedgerAccount account, String subAccount) {
        BigDecimal b = jdbc.sql("""
                        select coalesce(sum(e.amount), 0) from ledger_entry e join ledger_posting p on p.id = e.posting_id
                        where p.admdvs = ? and e.account = ? and (cast(? as varchar) is null or e.sub_account = ?)""")
                .params(admdvs, account.name(), subAccount, subAccount).query(BigDecimal.class).single();
        return Money.of(b);
    }
}
