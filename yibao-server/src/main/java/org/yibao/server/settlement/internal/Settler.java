package org.yibao.server.settlement.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.benefit.Accumulators;
import org.yibao.engine.benefit.BenefitEngine;
import org.yibao.engine.benefit.FeeLine;
import org.yibao.engine.benefit.LineResult;
import org.yibao.engine.benefit.LineSplitter;
import org.yibao.engine.benefit.Person;
import org.yibao.engine.benefit.SetlDetail;
import org.yibao.engine.benefit.SetlInfo;
import org.yibao.engine.benefit.SettlementRefused;
import org.yibao.engine.benefit.SettlementRequest;
import org.yibao.engine.benefit.SettlementResult;
import org.yibao.engine.benefit.Visit;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.InstitutionLevel;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.server.catalog.SettlementCatalogue;
import org.yibao.server.insured.Persons;
import org.yibao.server.insured.SettlementFacts;
import org.yibao.server.ledger.FundLedger;
import org.yibao.server.platform.db.DeferredWrites;
import org.yibao.server.platform.db.Pipeline;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTimes;
import org.yibao.server.policy.PolicyBook;

/**
 * Computes and stores settlements (DOMAIN §4, NATIONAL_INTERFACE §3, §5): the person's facts, the
 * locks of every person whose money or limits the settlement touches, the benefit engine, and the
 * settlement with its funds, mutual-aid payments, accumulator change, account entries and ledger
 * posting, all in the caller's transaction.
 */
@Component
class Settler {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String SOURCE = "SETTLEMENT";
    /** The treatment region's posting of a cross-region settlement (R-XR-4); the insured region's is {@link #SOURCE}. */
    static final String XR_SOURCE = "XR_SETTLEMENT";

    private final JdbcClient jdbc;
    private final JdbcOperations pipeline;
    private final DeferredWrites deferred;
    private final Visits visits;
    private final Persons persons;
    private final PolicyBook policies;
    private final SettlementCatalogue catalogues;
    private final FundLedger ledger;
    private final IdBlocks ids;

    Settler(JdbcClient jdbc, JdbcOperations pipeline, DeferredWrites deferred, Visits visits, Persons persons, PolicyBook policies,
            SettlementCatalogue catalogues, FundLedger ledger, IdBlocks ids) {
        this.deferred = deferred;
        this.visits = visits;
        this.ids = ids;
        this.jdbc = jdbc;
        this.pipeline = pipeline;
        this.persons = persons;
        this.policies = policies;
        this.catalogues = catalogues;
        this.ledger = ledger;
    }

    // ---- persons ----

    /** The person on a day; the envelope's insuplc_admdvs, when given, must be the person's insured region. */
    SettlementFacts facts(FsiCall call, String psnNo, LocalDate date, String path) {
        return facts(call, psnNo, date, date, date, path);
    }

    /** The facts on {@code date}, with the cross-region filings in force on any day from {@code filingsFrom} to {@code filingsTo}. */
    SettlementFacts facts(FsiCall call, String psnNo, LocalDate date, LocalDate filingsFrom, LocalDate filingsTo, String path) {
        return checked(call, persons.settlementFacts(psnNo, date, filingsFrom, filingsTo), psnNo, date, path);
    }

    /**
     * A query of the caller's and the person's facts on {@code date} (as {@link #facts}) in one round trip; the
     * facts are checked by {@link #checked} when the caller is ready to refuse.
     */
    <A> Pipeline.Both<A, Optional<SettlementFacts>> withFacts(Pipeline.Query<A> query, String psnNo, LocalDate date, LocalDate filingsFrom,
                                                             LocalDate filingsTo) {
        Pipeline.Both<A, Persons.FactsRead> read = Pipeline.run(pipeline, query, persons.settlementFactsQuery(psnNo, date, filingsFrom, filingsTo));
        return new Pipeline.Both<>(read.first(), read.second().get());
    }

    /**
     * A visit locked and checked as {@link Visits#lockOwn}, what the caller read under the lock, the person's facts of
     * {@code factsDay}, and, for a settlement whose person's facts were remembered, what it reads under the person locks
     * ({@code null} when not read with the opening).
     */
    record Opened<A>(Visits.Visit visit, A read, LocalDate factsDay, Persons.FactsRead facts, Loaded loaded) {}

    /**
     * Opens a visit for an upload in one round trip: the visit locked, the caller's query under the lock, and the
     * person's facts of today, which is an outpatient visit's day when the HIS registers and settles on the same day,
     * as it nearly always does ({@link #factsOn} reads them again for another day, as for most stays).
     */
    <A> Opened<A> open(FsiCall call, String mdtrtId, String psnNo, String path, Pipeline.Query<A> query) {
        return open(call, mdtrtId, psnNo, path, query, null);
    }

    /**
     * As {@link #open}, for a (pre-)settlement: when the person's facts of today were remembered (read for the
     * visit's registration and upload), the same round trip also takes the locks of the persons they name
     * ({@code lock}: the person and the mutual-aid binders, as {@link #lock}) and reads what the settlement reads
     * under them. {@link #compute} uses that read only when the facts the round trip confirmed name the same
     * persons, region and year; otherwise it locks and reads again, as without the guess. One round trip fewer
     * per settlement (issue 4: a round trip cost 47 µs of the two cores under the gateway load).
     */
    <A> Opened<A> openForSettlement(FsiCall call, String mdtrtId, String psnNo, String path, Pipeline.Query<A> query, boolean lock) {
        Optional<SettlementFacts> guess = persons.rememberedFacts(psnNo, call.now().toLocalDate());
        if (guess.isEmpty()) {
            return open(call, mdtrtId, psnNo, path, query, null);
        }
        List<String> involved = involved(guess.get());
        List<Pipeline.Query<?>> underLocks = new ArrayList<>(lock ? lockQueries(involved) : List.of());
        underLocks.add(loadQuery(involved, psnNo, guess.get().person().insuredAdmdvs(), call.now().getYear()));
        return open(call, mdtrtId, psnNo, path, query, underLocks);
    }

    private <A> Opened<A> open(FsiCall call, String mdtrtId, String psnNo, String path, Pipeline.Query<A> query,
                               List<Pipeline.Query<?>> underPersonLocks) {
        LocalDate today = call.now().toLocalDate();
        List<Pipeline.Query<?>> queries = new ArrayList<>(List.of(visits.lockQuery(mdtrtId), query,
                persons.settlementFactsQuery(psnNo, today, today, today)));
        if (underPersonLocks != null) {
            queries.addAll(underPersonLocks);
        }
        List<Object> read = Pipeline.run(pipeline, queries);
        @SuppressWarnings("unchecked")
        Visits.Visit visit = visits.own(call, (Optional<Visits.Visit>) read.get(0), mdtrtId, psnNo, path);
        @SuppressWarnings("unchecked")
        Opened<A> opened = new Opened<>(visit, (A) read.get(1), today, (Persons.FactsRead) read.get(2),
                underPersonLocks == null ? null : (Loaded) read.get(read.size() - 1));
        return opened;
    }

    /** The person's facts of {@code date} (filings in force from {@code filingsFrom} to {@code filingsTo}), checked: read when opening when that was the day. */
    SettlementFacts factsOn(FsiCall call, Opened<?> opened, String psnNo, LocalDate date, LocalDate filingsFrom, LocalDate filingsTo,
                            String path) {
        boolean sameDay = date.equals(opened.factsDay()) && filingsFrom.equals(date) && filingsTo.equals(date);
        return checked(call, sameDay ? opened.facts().get() : persons.settlementFacts(psnNo, date, filingsFrom, filingsTo), psnNo, date, path);
    }

    /** The person's facts, refused when the person is not insured on {@code date} or the envelope names another insured region. */
    SettlementFacts checked(FsiCall call, Optional<SettlementFacts> found, String psnNo, LocalDate date, String path) {
        SettlementFacts facts = found
                .orElseThrow(() -> FsiRefusal.field(path + ".psn_no", "人员 " + psnNo + " 不存在或在 " + date + " 未参保"));
        if (call.insuplcAdmdvs() != null && !call.insuplcAdmdvs().equals(facts.person().insuredAdmdvs())) {
            throw FsiRefusal.field("insuplc_admdvs", call.insuplcAdmdvs() + " 不是人员 " + psnNo + " 的参保地 "
                    + facts.person().insuredAdmdvs());
        }
        return facts;
    }

    static void checkInsutype(SettlementFacts facts, String insutype, String path) {
        if (insutype != null && !insutype.equals(facts.person().insuranceType())) {
            throw FsiRefusal.field(path + ".insutype", "险种 " + insutype + " 与人员参保险种 " + facts.person().insuranceType() + " 不一致");
        }
    }

    /** R-INS-8: a person under sanction or blacklisted cannot settle. */
    static void checkBenefitStatus(SettlementFacts facts, LocalDate date) {
        var p = facts.person();
        if ("BLACKLISTED".equals(p.status())) {
            throw new FsiRefusal("FSI-结算失败: 参保人 " + p.personNo() + " 已列入医保失信黑名单，暂停医保待遇"
                    + (p.statusUntil() == null ? "" : "至 " + p.statusUntil()) + "，本次费用不能医保结算");
        }
        if ("SUSPENDED".equals(p.status()) && (p.statusUntil() == null || !date.isAfter(p.statusUntil()))) {
            throw new FsiRefusal("FSI-结算失败: 参保人 " + p.personNo() + " 医保待遇暂停"
                    + (p.statusUntil() == null ? "" : "至 " + p.statusUntil()) + "，期间不能医保结算");
        }
    }

    /**
     * Locks every person whose account or yearly limits the settlement uses (the person and the
     * mutual-aid binders), in one fixed order so that two settlements never wait on each other in a cycle.
     */
    void lock(List<String> psnNos) {
        for (Pipeline.Query<Boolean> q : lockQueries(psnNos)) {
            q.run(jdbc);
        }
    }

    /** The statements of {@link #lock}, in their order, for a caller that sends them with what it reads under the locks. */
    private static List<Pipeline.Query<Boolean>> lockQueries(List<String> psnNos) {
        TreeSet<Long> keys = new TreeSet<>();
        for (String psnNo : psnNos) {
            keys.add(0x59420000_00000000L | (psnNo.hashCode() & 0xffffffffL));
        }
        List<Pipeline.Query<Boolean>> queries = new ArrayList<>(keys.size());
        for (long key : keys) {
            queries.add(Pipeline.Query.of("select pg_advisory_xact_lock(?)", ResultSet::next, key));
        }
        return queries;
    }

    Person enginePerson(SettlementFacts facts, Map<String, Money> balances) {
        var p = facts.person();
        List<Person.MutualAidBinder> binders = new ArrayList<>();
        for (String binder : facts.binders()) {
            Money balance = balances.get(binder);
            if (balance != null) {
                binders.add(new Person.MutualAidBinder(binder, balance));
            }
        }
        Person.FamilyDoctorContract doctor = facts.familyDoctorCentre() == null ? null
                : new Person.FamilyDoctorContract(facts.familyDoctorCentre(),
                        "TRIPLE".equals(facts.familyDoctorKind()) ? facts.familyDoctorHospitals() : List.of());
        return new Person(p.personNo(), p.insuranceType(), p.personType(), p.sex(), p.birthDate(), facts.identities(),
                facts.ownAccount() ? balances.getOrDefault(p.personNo(), Money.ZERO) : null, binders,
                facts.chronicDiseaseKeys(), doctor);
    }

    Map<String, Money> balances(List<String> psnNos) {
        Map<String, Money> balances = new HashMap<>();
        for (SettlementFacts.Balance b : persons.balances(psnNos)) {
            balances.put(b.psnNo(), Money.of(b.balance()));
        }
        return balances;
    }

    RegionPolicy policy(String insuredAdmdvs, LocalDate date) {
        return policies.policyOn(insuredAdmdvs, date).orElseThrow(() -> new FsiRefusal(
                "FSI-结算失败: 参保地 " + insuredAdmdvs + " 没有 " + date.getYear() + " 年的待遇政策，请联系医保经办机构"));
    }

    // ---- fee lines ----

    /** Splits fee lines (DOMAIN §4.1) as the upload reply states them, refusing the whole call at the first bad line. */
    List<LineResult> split(FsiCall call, SettlementFacts facts, List<FeeLine> lines, String medType, LocalDateTime begntime) {
        Person person = enginePerson(facts, Map.of());
        Visit visit = new Visit(medType == null ? "11" : medType, "01", call.fixmedinsCode(), level(call),
                call.institutionPooling(), facts.insuredPooling(), null, begntime.toLocalDate(), null, false,
                Money.ZERO, null, null, false);
        try {
            return LineSplitter.split(lines, catalogues.of(call.institutionPooling()), person, visit);
        } catch (SettlementRefused e) {
            throw refusal(e, "feedetail");
        }
    }

    static InstitutionLevel level(FsiCall call) {
        return call.institutionLevel() == null ? null : InstitutionLevel.of(call.institutionLevel());
    }

    static FsiRefusal refusal(SettlementRefused e, String path) {
        String where = e.field() == null ? "" : "字段 " + path + "." + e.field() + (e.feedetlSn() == null ? "" : "（feedetl_sn=" + e.feedetlSn() + "）") + "：";
        return new FsiRefusal("FSI-结算失败: " + where + e.getMessage());
    }

    // ---- settlement ----

    /** What a (pre-)settlement computed, ready to store or to answer. */
    record Computed(SettlementRequest request, SettlementResult result, SettlementFacts facts, List<String> serials) {}

    /**
     * Computes a settlement; {@code lockAndLoad} takes the locks of the persons involved before reading their balances
     * and accumulators (a settlement that stores; a pre-settlement only reads). {@code preloaded}, when not
     * {@code null}, is what {@link #openForSettlement} read for the persons its guess named: used when they are the
     * persons, region and year of these facts.
     */
    Computed compute(FsiCall call, SettlementFacts facts, Visit visit, List<FeeLines.Stored> lines, boolean lockAndLoad, Loaded preloaded) {
        List<String> involved = involved(facts);
        LocalDate date = visit.settlementDate();
        String admdvs = facts.person().insuredAdmdvs();
        Loaded loaded;
        if (preloaded != null && preloaded.isFor(involved, admdvs, date.getYear())) {
            loaded = preloaded;
        } else {
            Pipeline.Query<Loaded> read = loadQuery(involved, facts.person().personNo(), admdvs, date.getYear());
            if (lockAndLoad) {
                // The locks, then the balances read under them: in one round trip, still one statement after the other.
                List<Pipeline.Query<?>> queries = new ArrayList<>(lockQueries(involved));
                queries.add(read);
                loaded = (Loaded) Pipeline.run(pipeline, queries).get(queries.size() - 1);
            } else {
                loaded = read.run(jdbc);
            }
        }
        Map<String, Money> balances = loaded.balances();
        List<SettlementRequest.EarlierReversal> notes = loaded.notes();
        Accumulators acc = loaded.accumulators();
        Person person = enginePerson(facts, balances);
        RegionPolicy policy = policies.policyOfPoolingRegion(facts.insuredPooling(), date.getYear()).orElseThrow(() -> new FsiRefusal(
                "FSI-结算失败: 参保地 " + facts.person().insuredAdmdvs() + " 没有 " + date.getYear() + " 年的待遇政策，请联系医保经办机构"));
        List<FeeLine> feeLines = new ArrayList<>(lines.size());
        List<String> serials = new ArrayList<>(lines.size());
        for (FeeLines.Stored s : lines) {
            feeLines.add(s.line());
            serials.add(s.line().feedetlSn());
        }
        SettlementRequest request = new SettlementRequest(policy, catalogues.of(call.institutionPooling()), person, visit,
                feeLines, acc, notes);
        try {
            return new Computed(request, BenefitEngine.settle(request), facts, serials);
        } catch (SettlementRefused e) {
            throw refusal(e, "data");
        }
    }

    /** The client's sums of the upload replies (2207/2304) must be the settlement's. */
    static void checkClientSums(SetlInfo s, Money medfee, Money fulamt, Money overlmt, Money preselfpay, Money inscp) {
        checkSum("medfee_sumamt", medfee, s.medfeeSumamt());
        checkSum("fulamt_ownpay_amt", fulamt, s.fulamtOwnpayAmt());
        checkSum("overlmt_selfpay", overlmt, s.overlmtSelfpay());
        checkSum("preselfpay_amt", preselfpay, s.preselfpayAmt());
        checkSum("inscp_scp_amt", inscp, s.inscpScpAmt());
    }

    private static void checkSum(String field, Money client, Money computed) {
        if (client != null && !client.equals(computed)) {
            throw FsiRefusal.field("data." + field, "送来的 " + client + " 与已上传费用明细合计 " + computed
                    + " 不一致；请按 2204/2301 的返回结果汇总，或重新上传明细");
        }
    }

    /**
     * Stores a settlement with everything it changes, in one statement (one round trip): the
     * settlement and its fund rows, the accumulator change, the mutual-aid payments, the account
     * balances with their entries, the settled fee lines, the visit and the ledger posting. Returns
     * its setl_id.
     */
    String store(FsiCall call, Visits.Visit visit, Computed c, String medType, boolean mid, String invono, String certType) {
        SettlementResult r = c.result();
        SetlInfo s = r.setlinfo();
        var person = c.facts().person();
        String admdvs = person.insuredAdmdvs();
        String setlId = newSettlementId(call.institutionPooling());
        LocalDate date = c.request().visit().settlementDate();
        int year = date.getYear();
        String clrType = clrType(visit.kind(), medType);
        Timestamp at = Timestamp.from(call.receivedAt());
        // Array parameters sit behind a scalar sub-select, "(select ?::varchar[])": with a bare array the custom
        // plan knows its length and the generic plan guesses, so PostgreSQL judged the generic plan dearer and
        // planned the statement again on every call (pg_stat_statements: plans = calls, 0.1–0.3 ms each);
        // behind the sub-select both plans see the same guess and the prepared statement keeps its generic plan.
        StringBuilder sql = new StringBuilder("""
                with settlement_new as (insert into settlement (setl_id, mdtrt_id, psn_no, fixmedins_code, insured_admdvs,
                        treatment_admdvs, insutype, psn_type, med_type, clr_type, setl_time, year, mid_setl_flag, medfee_sumamt,
                        fulamt_ownpay_amt, overlmt_selfpay, preselfpay_amt, inscp_scp_amt, act_pay_dedc, hifp_pay, pool_prop_selfpay,
                        cvlserv_pay, hifes_pay, hifmi_pay, hifob_pay, maf_pay, oth_pay, fund_pay_sumamt, psn_part_amt, acct_pay,
                        psn_cash_pay, hosp_part_amt, balc, acct_mulaid_pay, medins_setl_id, invono, setl_proc_info, recorded_at)
                    values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))""");
        List<Object> params = new ArrayList<>(java.util.Arrays.asList(setlId, visit.mdtrtId(), person.personNo(),
                call.fixmedinsCode(), admdvs, call.institutionPooling(), person.insuranceType(), person.personType(), medType,
                clrType, call.now(), year, mid, d(s.medfeeSumamt()), d(s.fulamtOwnpayAmt()), d(s.overlmtSelfpay()),
                d(s.preselfpayAmt()), d(s.inscpScpAmt()), d(s.actPayDedc()), d(s.hifpPay()), s.poolPropSelfpay().toBigDecimal(),
                d(s.cvlservPay()), d(s.hifesPay()), d(s.hifmiPay()), d(s.hifobPay()), d(s.mafPay()), d(s.othPay()),
                d(s.fundPaySumamt()), d(s.psnPartAmt()), d(s.acctPay()), d(s.psnCashPay()), d(s.hospPartAmt()), d(s.balc()),
                d(s.acctMulaidPay()), call.msgid(), invono, r.explanation().toChinese(), at));
        if (!r.setldetail().isEmpty()) {
            sql.append(",\nsettlement_funds_new as (insert into settlement_fund (setl_id, seq, fund_pay_type, inscp_scp_amt, "
                    + "crt_payb_lmt_amt, fund_payamt, fund_pay_type_name, setl_proc_info) values ");
            int seq = 0;
            for (SetlDetail detail : r.setldetail()) {
                sql.append(seq == 0 ? "(?, ?, ?, ?, ?::numeric, ?, ?, ?)" : ", (?, ?, ?, ?, ?::numeric, ?, ?, ?)");
                params.addAll(java.util.Arrays.asList(setlId, ++seq, detail.fundPayType(), d(detail.inscpScpAmt()),
                        detail.crtPaybLmtAmt() == null ? null : d(detail.crtPaybLmtAmt()), d(detail.fundPayamt()),
                        detail.fundPayTypeName(), detail.setlProcInfo().toString()));
            }
            sql.append(")");
        }
        Map<String, Money> change = r.accumulatorChange().toKeys();
        if (!change.isEmpty()) {
            sql.append("""
                    ,
                    accumulation_new as (insert into settlement_accumulation (setl_id, cum_key, amount)
                        select ?, k, a from unnest((select ?::varchar[]), (select ?::numeric[])) as t(k, a)),
                    accumulator_new as (insert into accumulator (psn_no, admdvs, year, cum_key, amount)
                        select ?, ?, ?, k, a from unnest((select ?::varchar[]), (select ?::numeric[])) as t(k, a)
                        on conflict (psn_no, admdvs, year, cum_key) do update set amount = accumulator.amount + excluded.amount)""");
            params.addAll(java.util.Arrays.asList(setlId, keys(change), amounts(change), person.personNo(), admdvs, year,
                    keys(change), amounts(change)));
        }
        if (!c.request().earlierReversals().isEmpty()) {
            sql.append(",\nnotes_noted as (update accumulator_note set noted_in = ? where psn_no = ? and admdvs = ? and year = ? "
                    + "and noted_in is null)");
            params.addAll(List.of(setlId, person.personNo(), admdvs, year));
        }
        // Account moves: the person's own account and each mutual-aid binder's (R-INS-1), each with its entry.
        List<String> holders = new ArrayList<>();
        List<BigDecimal> moves = new ArrayList<>();
        Money own = s.acctPay().minus(s.acctMulaidPay());
        if (!own.isZero()) {
            holders.add(person.personNo());
            moves.add(d(own.negate()));
        }
        if (!r.mutualAid().isEmpty()) {
            sql.append(",\nmutual_aid_new as (insert into settlement_mutual_aid (setl_id, binder_psn_no, amount, balance_after) values ");
            int i = 0;
            for (SettlementResult.MutualAidPayment p : r.mutualAid()) {
                sql.append(i++ == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
                params.addAll(List.of(setlId, p.binderPsnNo(), d(p.amount()), d(p.balanceAfter())));
                holders.add(p.binderPsnNo());
                moves.add(d(p.amount().negate()));
            }
            sql.append(")");
        }
        if (!holders.isEmpty()) {
            sql.append("""
                    ,
                    accounts_moved as (update personal_account a set balance = a.balance + m.amount, updated_at = ?
                        from unnest((select ?::varchar[]), (select ?::numeric[])) as m(psn_no, amount) where a.psn_no = m.psn_no
                        returning a.psn_no, m.amount, a.balance),
                    account_entries_new as (insert into personal_account_entry (psn_no, amount, balance_after, kind, source_type,
                            source_id, recorded_at, recorded_by)
                        select psn_no, amount, balance, 'SETTLEMENT', 'SETTLEMENT', ?, ?, ? from accounts_moved)""");
            params.addAll(List.of(at, holders.toArray(String[]::new), moves.toArray(BigDecimal[]::new), setlId, at,
                    "fsi:" + call.fixmedinsCode()));
        }
        sql.append(",\nlines_settled as (update fee_line set setl_id = ? where mdtrt_id = ? and feedetl_sn = any((select ?::varchar[])::varchar[]))");
        params.addAll(List.of(setlId, visit.mdtrtId(), c.serials().toArray(String[]::new)));
        if (mid) {
            sql.append(",\nvisit_updated as (update visit set stay_deductible_used = stay_deductible_used + ? where mdtrt_id = ?)");
            params.addAll(List.of(d(s.actPayDedc()), visit.mdtrtId()));
        } else {
            sql.append(",\nvisit_updated as (update visit set status = 'SETTLED', updated_at = ? where mdtrt_id = ?)");
            params.addAll(List.of(at, visit.mdtrtId()));
        }
        // The ledger is the pooling region's: a county inside one (示范县 in 990100) shares its fund.
        // R-XR-4: cross-region care posts in both regions, the insured region's payable here and the
        // treatment region's receivable below; local care keeps its one posting and one round trip.
        String insuredPooling = c.facts().insuredPooling();
        boolean crossRegion = !insuredPooling.equals(call.institutionPooling());
        FundLedger.Statement posting = FundLedger.posting(insuredPooling, SOURCE, setlId, null, "结算 " + visit.mdtrtId(),
                crossRegion ? FundLedger.insuredRegionEntries(s, person.insuranceType(), call.institutionPooling())
                        : FundLedger.settlementEntries(s, person.insuranceType(), call.fixmedinsCode()), call.receivedAt());
        sql.append(",\n").append(posting.ctes());
        params.addAll(posting.params());
        if (!holders.isEmpty()) {
            sql.append("\nselect yibao_check(count(*) = ?, ?) from accounts_moved");
            params.add(holders.size());
            params.add("settlement " + setlId + ": a personal account of " + holders + " not found");
        } else {
            sql.append("\nselect true");
        }
        if (crossRegion) {
            // The treatment region's posting follows the settlement's statement.
            jdbc.sql(sql.toString()).params(params).query(Boolean.class).single();
            ledger.post(call.institutionPooling(), XR_SOURCE, setlId, null, "异地结算 " + visit.mdtrtId(),
                    FundLedger.treatmentRegionEntries(s, call.fixmedinsCode(), insuredPooling), call.receivedAt());
        } else {
            // Local care's settlement is the call's last write: sent with its reply row and commit (DeferredWrites).
            deferred.write(sql.toString(), params);
        }
        return setlId;
    }

    private void account(String psnNo, Money amount, String kind, String setlId, FsiCall call) {
        // One statement: the balance moves and its entry records the balance after.
        Timestamp at = Timestamp.from(call.receivedAt());
        int rows = jdbc.sql("""
                        with a as (update personal_account set balance = balance + ?, updated_at = ? where psn_no = ? returning balance)
                        insert into personal_account_entry (psn_no, amount, balance_after, kind, source_type, source_id, recorded_at, recorded_by)
                        select ?, ?, a.balance, ?, 'SETTLEMENT', ?, ?, ? from a""")
                .params(d(amount), at, psnNo, psnNo, d(amount), kind, setlId, at, "fsi:" + call.fixmedinsCode())
                .update();
        if (rows != 1) {
            throw new IllegalStateException("personal account of " + psnNo + " not found");
        }
    }

    private String newSettlementId(String admdvs) {
        return admdvs + "S" + FsiTimes.zeroPadded(ids.next("settlement_seq"), 12);
    }

    static String clrType(Visits.Kind kind, String medType) {
        if (kind == Visits.Kind.INPATIENT) {
            return "21";
        }
        return "41".equals(medType) ? "41" : "11";
    }

    // ---- reversal ----

    /** A stored settlement row with what a reversal and the replies need. */
    record Stored(String setlId, String mdtrtId, String psnNo, String fixmedinsCode, String insuredAdmdvs, String insutype,
                  String medType, String clrType, LocalDateTime setlTime, int year, boolean mid, String reversesSetlId,
                  String reversedBy, SetlInfo info, String medinsSetlId, String setlProcInfo) {}

    java.util.Optional<Stored> find(String setlId) {
        return jdbc.sql("""
                        select setl_id, mdtrt_id, psn_no, fixmedins_code, insured_admdvs, insutype, med_type, clr_type, setl_time, year,
                               mid_setl_flag, reverses_setl_id, reversed_by, medfee_sumamt, fulamt_ownpay_amt, overlmt_selfpay,
                               preselfpay_amt, inscp_scp_amt, act_pay_dedc, hifp_pay, pool_prop_selfpay, cvlserv_pay, hifes_pay,
                               hifmi_pay, hifob_pay, maf_pay, oth_pay, fund_pay_sumamt, psn_part_amt, acct_pay, psn_cash_pay,
                               hosp_part_amt, balc, acct_mulaid_pay, medins_setl_id, setl_proc_info
                        from settlement where setl_id = ?""")
                .param(setlId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDateTime.class), rs.getInt(10),
                        rs.getBoolean(11), rs.getString(12), rs.getString(13),
                        new SetlInfo(m(rs, 14), m(rs, 15), m(rs, 16), m(rs, 17), m(rs, 18), m(rs, 19), m(rs, 20),
                                Ratio.of(rs.getBigDecimal(21)), m(rs, 22), m(rs, 23), m(rs, 24), m(rs, 25), m(rs, 26), m(rs, 27),
                                m(rs, 28), m(rs, 29), m(rs, 30), m(rs, 31), m(rs, 32), m(rs, 33), m(rs, 34)),
                        rs.getString(35), rs.getString(36)))
                .optional();
    }

    /** The mirror settlement (2208, 2305, 2601): amounts negated, balances, accumulators and ledger restored. */
    String reverse(FsiCall call, Stored original) {
        if (original.reversesSetlId() != null) {
            throw FsiRefusal.field("data.setl_id", original.setlId() + " 本身是一笔撤销记录，不能再撤销");
        }
        if (original.reversedBy() != null) {
            throw FsiRefusal.field("data.setl_id", "结算 " + original.setlId() + " 已于此前撤销（撤销记录 " + original.reversedBy() + "）");
        }
        List<String> binders = jdbc.sql("select binder_psn_no from settlement_mutual_aid where setl_id = ?")
                .param(original.setlId()).query(String.class).list();
        List<String> involved = new ArrayList<>(binders);
        involved.add(original.psnNo());
        lock(involved);
        String setlId = newSettlementId(call.institutionPooling());
        Money own = original.info().acctPay().minus(original.info().acctMulaidPay());
        Money balanceAfter = Money.ZERO;
        boolean hasAccount = false;
        for (SettlementFacts.Balance b : persons.balances(List.of(original.psnNo()))) {
            balanceAfter = Money.of(b.balance()).plus(own);
            hasAccount = true;
        }
        SetlInfo mirror = original.info().negated(hasAccount ? balanceAfter : Money.ZERO);
        jdbc.sql("""
                        insert into settlement (setl_id, mdtrt_id, psn_no, fixmedins_code, insured_admdvs, treatment_admdvs, insutype,
                            psn_type, med_type, clr_type, setl_time, year, mid_setl_flag, reverses_setl_id, medfee_sumamt,
                            fulamt_ownpay_amt, overlmt_selfpay, preselfpay_amt, inscp_scp_amt, act_pay_dedc, hifp_pay, pool_prop_selfpay,
                            cvlserv_pay, hifes_pay, hifmi_pay, hifob_pay, maf_pay, oth_pay, fund_pay_sumamt, psn_part_amt, acct_pay,
                            psn_cash_pay, hosp_part_amt, balc, acct_mulaid_pay, medins_setl_id, invono, setl_proc_info, recorded_at)
                        select ?, mdtrt_id, psn_no, fixmedins_code, insured_admdvs, treatment_admdvs, insutype, psn_type, med_type,
                            clr_type, ?, year, mid_setl_flag, setl_id, -medfee_sumamt, -fulamt_ownpay_amt, -overlmt_selfpay,
                            -preselfpay_amt, -inscp_scp_amt, -act_pay_dedc, -hifp_pay, pool_prop_selfpay, -cvlserv_pay, -hifes_pay,
                            -hifmi_pay, -hifob_pay, -maf_pay, -oth_pay, -fund_pay_sumamt, -psn_part_amt, -acct_pay, -psn_cash_pay,
                            -hosp_part_amt, ?, -acct_mulaid_pay, ?, invono, ?, ?
                        from settlement where setl_id = ?""")
                .params(setlId, call.now(), d(mirror.balc()), call.msgid(),
                        "撤销结算 " + original.setlId() + "：金额全部冲回，累计、账户余额与基金账按原结算恢复",
                        Timestamp.from(call.receivedAt()), original.setlId())
                .update();
        jdbc.sql("update settlement set reversed_by = ? where setl_id = ?").params(setlId, original.setlId()).update();
        jdbc.sql("""
                        insert into settlement_fund (setl_id, seq, fund_pay_type, inscp_scp_amt, crt_payb_lmt_amt, fund_payamt,
                            fund_pay_type_name, setl_proc_info)
                        select ?, seq, fund_pay_type, -inscp_scp_amt, crt_payb_lmt_amt, -fund_payamt, fund_pay_type_name,
                               '撤销：' || setl_proc_info
                        from settlement_fund where setl_id = ?""")
                .params(setlId, original.setlId()).update();
        Map<String, Money> change = new TreeMap<>();
        jdbc.sql("select cum_key, amount from settlement_accumulation where setl_id = ?").param(original.setlId())
                .query(rs -> {
                    change.put(rs.getString(1), Money.of(rs.getBigDecimal(2)).negate());
                });
        storeAccumulation(setlId, change);
        applyAccumulators(original.psnNo(), original.insuredAdmdvs(), original.year(), change);
        noteIfOlder(original);
        if (!own.isZero()) {
            account(original.psnNo(), own, "REVERSAL", setlId, call);
        }
        jdbc.sql("select binder_psn_no, amount from settlement_mutual_aid where setl_id = ?").param(original.setlId())
                .query(rs -> {
                    account(rs.getString(1), Money.of(rs.getBigDecimal(2)), "REVERSAL", setlId, call);
                });
        long posting = ledger.postingOf(SOURCE, original.setlId())
                .orElseThrow(() -> new IllegalStateException("settlement " + original.setlId() + " has no ledger posting"));
        ledger.reverse(posting, SOURCE, setlId, "撤销结算 " + original.setlId(), call.receivedAt());
        // R-XR-4: a cross-region settlement's posting in the treatment region is reversed with it.
        ledger.postingOf(XR_SOURCE, original.setlId())
                .ifPresent(p -> ledger.reverse(p, XR_SOURCE, setlId, "撤销异地结算 " + original.setlId(), call.receivedAt()));
        return setlId;
    }

    /** DOMAIN §4.3 step 10: reversing an older settlement is noted in the person's next settlement. */
    private void noteIfOlder(Stored original) {
        boolean later = jdbc.sql("""
                        select exists (select 1 from settlement where psn_no = ? and insured_admdvs = ? and year = ?
                            and reverses_setl_id is null and reversed_by is null and setl_id > ?)""")
                .params(original.psnNo(), original.insuredAdmdvs(), original.year(), original.setlId())
                .query(Boolean.class).single();
        if (later) {
            jdbc.sql("""
                            insert into accumulator_note (psn_no, admdvs, year, setl_id, settled_on, reversed_on)
                            values (?, ?, ?, ?, ?, current_date) on conflict do nothing""")
                    .params(original.psnNo(), original.insuredAdmdvs(), original.year(), original.setlId(),
                            original.setlTime().toLocalDate())
                    .update();
        }
    }

    // ---- accumulators ----

    Accumulators accumulators(String psnNo, String admdvs, int year) {
        return accumulatorsAndNotes(psnNo, admdvs, year, null);
    }

    /** The accumulators and, into {@code notes} when given, the reversals not yet noted: one query. */
    private Accumulators accumulatorsAndNotes(String psnNo, String admdvs, int year, List<SettlementRequest.EarlierReversal> notes) {
        Map<String, Money> m = new HashMap<>();
        jdbc.sql("""
                        select cum_key, amount, null::date, null::date from accumulator where psn_no = ? and admdvs = ? and year = ?
                        union all
                        select setl_id, null, settled_on, reversed_on from accumulator_note
                        where psn_no = ? and admdvs = ? and year = ? and noted_in is null""")
                .params(psnNo, admdvs, year, psnNo, admdvs, year)
                .query(rs -> {
                    if (rs.getObject(3) == null) {
                        m.put(rs.getString(1), Money.of(rs.getBigDecimal(2)));
                    } else if (notes != null) {
                        notes.add(new SettlementRequest.EarlierReversal(rs.getString(1), rs.getObject(3, LocalDate.class),
                                rs.getObject(4, LocalDate.class)));
                    }
                });
        if (notes != null) {
            notes.sort(java.util.Comparator.comparing(SettlementRequest.EarlierReversal::setlId));
        }
        return Accumulators.fromKeys(m);
    }

    /** The persons whose accounts and yearly limits a settlement uses: the person and the mutual-aid binders. */
    private static List<String> involved(SettlementFacts facts) {
        List<String> involved = new ArrayList<>();
        involved.add(facts.person().personNo());
        involved.addAll(facts.binders());
        return involved;
    }

    /**
     * What a settlement reads under the locks of the persons involved: their account balances, the person's
     * accumulators of {@code year} in region {@code admdvs} and the reversals not yet noted (in setl_id order).
     */
    record Loaded(List<String> involved, String admdvs, int year, Map<String, Money> balances, Accumulators accumulators,
                  List<SettlementRequest.EarlierReversal> notes) {

        /** Whether this was read for these persons (in any order; neither list repeats a person), region and year. */
        boolean isFor(List<String> persons, String region, int y) {
            return y == year && region.equals(admdvs) && persons.size() == involved.size() && involved.containsAll(persons);
        }
    }

    /**
     * The read of {@link Loaded} in one query: the balances of the accounts involved (the person's and the
     * mutual-aid binders'), the person's accumulators of the year and the reversals not yet noted.
     */
    private static Pipeline.Query<Loaded> loadQuery(List<String> involved, String psnNo, String admdvs, int year) {
        // The array behind a sub-select keeps the generic plan (see the settlement statement in store).
        return Pipeline.Query.of("""
                        select 0, psn_no, balance, null::date, null::date from personal_account where psn_no = any((select ?::varchar[])::varchar[])
                        union all
                        select 1, cum_key, amount, null, null from accumulator where psn_no = ? and admdvs = ? and year = ?
                        union all
                        select 2, setl_id, null, settled_on, reversed_on from accumulator_note
                        where psn_no = ? and admdvs = ? and year = ? and noted_in is null""", rs -> {
                    Map<String, Money> balances = new HashMap<>();
                    Map<String, Money> m = new HashMap<>();
                    List<SettlementRequest.EarlierReversal> notes = new ArrayList<>();
                    while (rs.next()) {
                        switch (rs.getInt(1)) {
                            case 0 -> balances.put(rs.getString(2), Money.of(rs.getBigDecimal(3)));
                            case 1 -> m.put(rs.getString(2), Money.of(rs.getBigDecimal(3)));
                            default -> notes.add(new SettlementRequest.EarlierReversal(rs.getString(2), rs.getObject(4, LocalDate.class),
                                    rs.getObject(5, LocalDate.class)));
                        }
                    }
                    notes.sort(java.util.Comparator.comparing(SettlementRequest.EarlierReversal::setlId));
                    return new Loaded(List.copyOf(involved), admdvs, year, balances, Accumulators.fromKeys(m), notes);
                }, involved.toArray(String[]::new), psnNo, admdvs, year, psnNo, admdvs, year);
    }

    private void storeAccumulation(String setlId, Map<String, Money> change) {
        if (change.isEmpty()) {
            return;
        }
        jdbc.sql("insert into settlement_accumulation (setl_id, cum_key, amount) select ?, k, a from unnest(?, ?) as t(k, a)")
                .params(setlId, keys(change), amounts(change)).update();
    }

    private void applyAccumulators(String psnNo, String admdvs, int year, Map<String, Money> change) {
        if (change.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into accumulator (psn_no, admdvs, year, cum_key, amount)
                        select ?, ?, ?, k, a from unnest(?, ?) as t(k, a)
                        on conflict (psn_no, admdvs, year, cum_key) do update set amount = accumulator.amount + excluded.amount""")
                .params(psnNo, admdvs, year, keys(change), amounts(change)).update();
    }

    private static String[] keys(Map<String, Money> change) {
        return change.keySet().toArray(String[]::new);
    }

    private static BigDecimal[] amounts(Map<String, Money> change) {
        return change.values().stream().map(Money::toBigDecimal).toArray(BigDecimal[]::new);
    }

    // ---- replies ----

    /** {@code setlinfo} (NATIONAL_INTERFACE §3) of a stored or computed settlement. */
    Map<String, Object> setlinfo(String setlId, String mdtrtId, SettlementFacts facts, LocalDateTime setlTime, String certType,
                                 String medType, String clrType, SetlInfo s, String medinsSetlId, String procInfo) {
        var p = facts.person();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mdtrt_id", mdtrtId);
        m.put("setl_id", setlId);
        m.put("psn_no", p.personNo());
        m.put("psn_name", p.name());
        m.put("psn_cert_type", p.certificateType());
        m.put("certno", p.certificateNo());
        m.put("gend", p.sex());
        m.put("naty", p.ethnicity());
        m.put("brdy", p.birthDate().toString());
        m.put("age", BigDecimal.valueOf(java.time.Period.between(p.birthDate(), setlTime.toLocalDate()).getYears()));
        m.put("insutype", p.insuranceType());
        m.put("psn_type", p.personType());
        m.put("cvlserv_flag", p.civilServant());
        m.put("setl_time", setlTime.format(TIME));
        m.put("mdtrt_cert_type", certType);
        m.put("med_type", medType);
        m.put("medfee_sumamt", s.medfeeSumamt());
        m.put("fulamt_ownpay_amt", s.fulamtOwnpayAmt());
        m.put("overlmt_selfpay", s.overlmtSelfpay());
        m.put("preselfpay_amt", s.preselfpayAmt());
        m.put("inscp_scp_amt", s.inscpScpAmt());
        m.put("act_pay_dedc", s.actPayDedc());
        m.put("hifp_pay", s.hifpPay());
        m.put("pool_prop_selfpay", s.poolPropSelfpay());
        m.put("cvlserv_pay", s.cvlservPay());
        m.put("hifes_pay", s.hifesPay());
        m.put("hifmi_pay", s.hifmiPay());
        m.put("hifob_pay", s.hifobPay());
        m.put("maf_pay", s.mafPay());
        m.put("oth_pay", s.othPay());
        m.put("fund_pay_sumamt", s.fundPaySumamt());
        m.put("psn_part_amt", s.psnPartAmt());
        m.put("acct_pay", s.acctPay());
        m.put("psn_cash_pay", s.psnCashPay());
        m.put("hosp_part_amt", s.hospPartAmt());
        m.put("balc", s.balc());
        m.put("acct_mulaid_pay", s.acctMulaidPay());
        m.put("medins_setl_id", medinsSetlId);
        m.put("clr_optins", p.insuredAdmdvs());
        m.put("clr_way", "1");
        m.put("clr_type", clrType);
        m.put("setl_proc_info", procInfo);
        return m;
    }

    static List<Map<String, Object>> setldetail(List<SetlDetail> details) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SetlDetail d : details) {
            rows.add(detailRow(d.fundPayType(), d.inscpScpAmt(), d.crtPaybLmtAmt(), d.fundPayamt(), d.fundPayTypeName(),
                    d.setlProcInfo().toString()));
        }
        return rows;
    }

    List<Map<String, Object>> storedDetail(String setlId) {
        return jdbc.sql("""
                        select fund_pay_type, inscp_scp_amt, crt_payb_lmt_amt, fund_payamt, fund_pay_type_name, setl_proc_info
                        from settlement_fund where setl_id = ? order by seq""")
                .param(setlId)
                .query((rs, n) -> detailRow(rs.getString(1), m(rs, 2), rs.getBigDecimal(3) == null ? null : m(rs, 3), m(rs, 4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    private static Map<String, Object> detailRow(String type, Money base, Money limit, Money amount, String name, String info) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fund_pay_type", type);
        row.put("inscp_scp_amt", base);
        row.put("crt_payb_lmt_amt", limit);
        row.put("fund_payamt", amount);
        row.put("fund_pay_type_name", name);
        row.put("setl_proc_info", info);
        return row;
    }

    /** One line of the 2204/2301 reply {@code result[]}. */
    static Map<String, Object> lineResult(LineResult r, String medChrgitmType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feedetl_sn", r.feedetlSn());
        m.put("det_item_fee_sumamt", r.sumamt());
        m.put("cnt", r.cnt());
        m.put("pric", r.pric());
        m.put("pric_uplmt_amt", r.pricUplmtAmt());
        m.put("selfpay_prop", r.selfpayProp());
        m.put("fulamt_ownpay_amt", r.fulamtOwnpayAmt());
        m.put("overlmt_amt", r.overlmtAmt());
        m.put("preselfpay_amt", r.preselfpayAmt());
        m.put("inscp_scp_amt", r.inscpScpAmt());
        m.put("chrgitm_lv", r.chrgitmLv());
        m.put("med_chrgitm_type", medChrgitmType);
        m.put("bas_medn_flag", "0");
        m.put("hi_nego_drug_flag", "0");
        m.put("chld_medc_flag", "0");
        m.put("list_sp_item_flag", "0");
        m.put("lmt_used_flag", r.lmtUsedFlag() ? "1" : "0");
        m.put("drt_reim_flag", "0");
        m.put("memo", r.memo().isEmpty() ? null : r.memo());
        return m;
    }

    static BigDecimal d(Money m) {
        return m.toBigDecimal();
    }

    private static Money m(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return Money.of(rs.getBigDecimal(i));
    }
}
