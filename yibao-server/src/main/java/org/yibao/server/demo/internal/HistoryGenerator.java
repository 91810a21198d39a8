package org.yibao.server.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.yibao.engine.benefit.Accumulators;
import org.yibao.engine.benefit.BenefitEngine;
import org.yibao.engine.benefit.Catalogue;
import org.yibao.engine.benefit.FeeLine;
import org.yibao.engine.benefit.LineResult;
import org.yibao.engine.benefit.Person;
import org.yibao.engine.benefit.SetlDetail;
import org.yibao.engine.benefit.SetlInfo;
import org.yibao.engine.benefit.SettlementRefused;
import org.yibao.engine.benefit.SettlementRequest;
import org.yibao.engine.benefit.SettlementResult;
import org.yibao.engine.benefit.Visit;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.policy.InstitutionLevel;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.server.demo.internal.HistoryConditions.Code;
import org.yibao.server.demo.internal.HistoryConditions.Condition;
import org.yibao.server.ledger.FundLedger;

/**
 * Computes the settled visits of one pooling region and year for a batch of persons (R-DEMO, DOMAIN
 * §2): pure and deterministic. Each person-year draws from its own random stream (seed, person, year),
 * so a batch gives the same rows whichever batch it falls in and however often it is computed. Every
 * settlement comes from {@link BenefitEngine#settle}, the person's visits in date order with the
 * year's accumulators carried from one to the next, so amounts are right to the fen and the §5
 * identities hold.
 *
 * <p>History is paid without personal accounts ({@code acct_used_flag} = 0, no mutual aid): the
 * accounts' past is not modelled and today's balances must not move, so what an account would have
 * paid is the patient's cash here.
 */
final class HistoryGenerator {

    /** Marks every row the history writes (created_msgid, uploaded_msgid, medins_setl_id prefix). */
    static final String MSGID = "demo-history";

    /** An insured person as the history needs them, with date-ranged identities and recognitions. */
    record HistoryPerson(String psnNo, String insutype, String psnType, String gend, LocalDate brdy,
                         List<Dated> identities, List<Recognised> recognitions) {}

    record Dated(String code, LocalDate begin, LocalDate end) {
        boolean on(LocalDate d) {
            return !d.isBefore(begin) && (end == null || !d.isAfter(end));
        }
    }

    record Recognised(String diseKey, String diseCodg, LocalDate begin, LocalDate end) {
        boolean on(LocalDate d) {
            return !d.isBefore(begin) && (end == null || !d.isAfter(end));
        }
    }

    record Institution(String code, int level, String kind) {}

    /** A catalogue item usable on a demo fee line; {@code cap} null when uncapped. */
    record Item(String code, String type, BigDecimal cap, boolean chronicDrug) {}

    // ---- output rows ----

    record VisitRow(String mdtrtId, String fixmedinsCode, String psnNo, String insutype, String kind, String medType,
                    LocalDateTime begntime, LocalDateTime endtime, String diseCodg, String diseName, String dscgWay) {}

    record FeeRow(String mdtrtId, LocalDateTime time, LineResult line, String setlId) {}

    record SettlementRow(String setlId, String mdtrtId, String psnNo, String fixmedinsCode, String insutype, String psnType,
                         String medType, String clrType, LocalDateTime setlTime, SetlInfo info, String procInfo) {}

    record FundRow(String setlId, int seq, SetlDetail detail) {}

    record AccumulationRow(String setlId, String psnNo, String cumKey, Money amount) {}

    record Posting(String setlId, String mdtrtId, LocalDateTime at, List<FundLedger.Entry> entries) {}

    record CaseRecord(String mdtrtId, String setlId, String psnNo, String fixmedinsCode, LocalDateTime at,
                      Map<String, Object> record) {}

    /** Everything one batch writes, and what it refused (a visit the engine refuses is left out). */
    record Batch(List<VisitRow> visits, List<FeeRow> fees, List<SettlementRow> settlements, List<FundRow> funds,
                 List<AccumulationRow> accumulations, List<Posting> postings, List<CaseRecord> cases, int refused) {

        Money medfeeSum() {
            Money m = Money.ZERO;
            for (SettlementRow s : settlements) {
                m = m.plus(s.info().medfeeSumamt());
            }
            return m;
        }
    }

    private final long seed;
    private final String pooling;
    private final int year;
    private final RegionPolicy policy;
    private final Catalogue catalogue;
    private final Map<Integer, List<Institution>> outpatientByLevel = new HashMap<>();
    private final Map<Integer, List<Institution>> inpatientByLevel = new HashMap<>();
    private final Map<String, List<Item>> itemsByType = new HashMap<>();
    private final List<Item> chronicDrugs = new ArrayList<>();
    private final int outpatientPerMille;
    private final int inpatientPerMille;

    HistoryGenerator(long seed, String pooling, int year, RegionPolicy policy, Catalogue catalogue,
                     List<Institution> institutions, List<Item> items, int outpatientPerMille, int inpatientPerMille) {
        this.seed = seed;
        this.pooling = pooling;
        this.year = year;
        this.policy = policy;
        this.catalogue = catalogue;
        this.outpatientPerMille = outpatientPerMille;
        this.inpatientPerMille = inpatientPerMille;
        for (Institution i : institutions.stream().sorted(Comparator.comparing(Institution::code)).toList()) {
            outpatientByLevel.computeIfAbsent(i.level(), k -> new ArrayList<>()).add(i);
            if ("HOSPITAL".equals(i.kind()) || "TOWNSHIP".equals(i.kind())) {
                inpatientByLevel.computeIfAbsent(i.level(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Item item : items.stream().sorted(Comparator.comparing(Item::code)).toList()) {
            itemsByType.computeIfAbsent(item.type(), k -> new ArrayList<>()).add(item);
            if (item.chronicDrug()) {
                chronicDrugs.add(item);
            }
        }
    }

    /** mdtrt_id of a person's n-th history visit of the year: unique, and the same on every run. */
    static String mdtrtId(int year, String psnNo, int n) {
        return "H" + year + psnNo + String.format("%02d", n);
    }

    static String setlId(int year, String psnNo, int n) {
        return "Y" + year + psnNo + String.format("%02d", n);
    }

    /** The rows of a batch; {@code accumulators} are the persons' totals of the year before it (usually none). */
    Batch generate(List<HistoryPerson> persons, Map<String, Accumulators> accumulators) {
        Batch b = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), 0);
        int refused = 0;
        for (HistoryPerson p : persons) {
            refused += person(p, accumulators.getOrDefault(p.psnNo(), Accumulators.ZERO), b);
        }
        return new Batch(b.visits(), b.fees(), b.settlements(), b.funds(), b.accumulations(), b.postings(), b.cases(), refused);
    }

    // ---- one person-year ----

    private record Planned(String kind, String medType, Institution institution, LocalDateTime begin, LocalDateTime end,
                           Code diagnosis, Condition condition, List<FeeLine> lines) {}

    private int person(HistoryPerson p, Accumulators acc, Batch out) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + (long) p.psnNo().hashCode() * 31 + year);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        if (p.brdy().isAfter(last)) {
            return 0;
        }
        LocalDate from = p.brdy().isAfter(first) ? p.brdy() : first;
        int days = (int) ChronoUnit.DAYS.between(from, last) + 1;
        int age = Math.max(0, year - p.brdy().getYear());
        List<Planned> plan = new ArrayList<>();

        // General outpatient: children and the elderly go more often.
        int outFactor = age < 7 ? 130 : age >= 60 ? 160 : age >= 18 ? 80 : 100;
        int visits = count(r, outpatientPerMille * outFactor / 100 * days / Year.of(year).length());
        for (int v = 0; v < visits; v++) {
            LocalDate d = from.plusDays(r.nextInt(days));
            Institution inst = institution(r, outpatientByLevel, pickLevel(r, 600, 300, 1));
            if (inst != null) {
                Code dx = HistoryConditions.OUTPATIENT.get(r.nextInt(HistoryConditions.OUTPATIENT.size()));
                LocalDateTime t = d.atTime(8 + r.nextInt(9), r.nextInt(60));
                plan.add(new Planned("OUTPATIENT", "11", inst, t, t, dx, null, outpatientLines(r, inst.level(), t)));
            }
        }
        // Chronic outpatient (门诊慢特病): a visit every two or three months while the recognition holds.
        for (Recognised rec : p.recognitions()) {
            int n = 3 + r.nextInt(4);
            for (int v = 0; v < n; v++) {
                LocalDate d = from.plusDays(r.nextInt(days));
                if (!rec.on(d)) {
                    continue;
                }
                Institution inst = institution(r, outpatientByLevel, pickLevel(r, 500, 350, 1));
                if (inst != null) {
                    LocalDateTime t = d.atTime(8 + r.nextInt(9), r.nextInt(60));
                    plan.add(new Planned("OUTPATIENT", "14", inst, t, t, chronicDiagnosis(rec), null,
                            chronicLines(r, inst.level(), t)));
                }
            }
        }
        // Inpatient: older persons are admitted more often; a few twice a year.
        int inFactor = age >= 65 ? 220 : age >= 45 ? 120 : age < 5 ? 130 : 60;
        int admissionChance = Math.min(900, inpatientPerMille * inFactor / 100 * days / Year.of(year).length());
        int admissions = r.nextInt(1000) < admissionChance ? (r.nextInt(1000) < admissionChance / 4 ? 2 : 1) : 0;
        for (int a = 0; a < admissions; a++) {
            Condition c = condition(r, p.gend(), age);
            if (c == null) {
                continue;
            }
            int level = inpatientLevel(r, c.minLevel());
            Institution inst = institution(r, inpatientByLevel, level);
            if (inst == null) {
                continue;
            }
            int los = c.minDays() + r.nextInt(c.maxDays() - c.minDays() + 1);
            if (los >= days) {
                continue;
            }
            LocalDate adm = from.plusDays(r.nextInt(days - los));
            LocalDateTime begin = adm.atTime(8 + r.nextInt(12), r.nextInt(60));
            LocalDateTime end = adm.plusDays(los).atTime(9 + r.nextInt(6), r.nextInt(60));
            plan.add(new Planned("INPATIENT", "21", inst, begin, end, c.diagnosis(), c,
                    inpatientLines(r, inst.level(), c, begin, los)));
        }

        plan.sort(Comparator.comparing(Planned::end).thenComparing(Planned::medType));
        int refused = 0;
        int n = 0;
        for (Planned v : plan) {
            n++;
            String mdtrtId = mdtrtId(year, p.psnNo(), n);
            String setlId = setlId(year, p.psnNo(), n);
            LocalDate date = v.end().toLocalDate();
            Person person = new Person(p.psnNo(), p.insutype(), p.psnType(), p.gend(), p.brdy(), codesOn(p.identities(), date),
                    null, List.of(), recognitionsOn(p.recognitions(), date), null);
            boolean inpatient = "INPATIENT".equals(v.kind());
            Visit visit = new Visit(v.medType(), "01", v.institution().code(), InstitutionLevel.of(v.institution().level()),
                    pooling, pooling, v.diagnosis().code(), v.begin().toLocalDate(), inpatient ? date : null, false, Money.ZERO,
                    null, Visit.CrossRegionFiling.NONE, false);
            SettlementResult result;
            try {
                result = BenefitEngine.settle(new SettlementRequest(policy, catalogue, person, visit, v.lines(), acc));
            } catch (SettlementRefused e) {
                refused++;
                continue;
            }
            acc = result.accumulatorsAfter();
            store(out, p, v, mdtrtId, setlId, result);
        }
        return refused;
    }

    private void store(Batch out, HistoryPerson p, Planned v, String mdtrtId, String setlId, SettlementResult result) {
        boolean inpatient = "INPATIENT".equals(v.kind());
        SetlInfo s = result.setlinfo();
        String code = v.institution().code();
        out.visits().add(new VisitRow(mdtrtId, code, p.psnNo(), p.insutype(), v.kind(), v.medType(), v.begin(), v.end(),
                v.diagnosis().code(), v.diagnosis().name(), inpatient ? "1" : null));
        Map<String, LocalDateTime> times = new HashMap<>();
        for (FeeLine l : v.lines()) {
            times.put(l.feedetlSn(), l.serviceDate());
        }
        for (LineResult l : result.lines()) {
            out.fees().add(new FeeRow(mdtrtId, times.get(l.feedetlSn()), l, setlId));
        }
        out.settlements().add(new SettlementRow(setlId, mdtrtId, p.psnNo(), code, p.insutype(), p.psnType(), v.medType(),
                inpatient ? "21" : "11", v.end(), s, result.explanation().toChinese()));
        int seq = 0;
        for (SetlDetail d : result.setldetail()) {
            out.funds().add(new FundRow(setlId, ++seq, d));
        }
        result.accumulatorChange().toKeys()
                .forEach((k, a) -> out.accumulations().add(new AccumulationRow(setlId, p.psnNo(), k, a)));
        out.postings().add(new Posting(setlId, mdtrtId, v.end(), FundLedger.settlementEntries(s, p.insutype(), code)));
        if (inpatient) {
            out.cases().add(new CaseRecord(mdtrtId, setlId, p.psnNo(), code, v.end(), caseRecord(p, v, mdtrtId, setlId, s)));
        }
    }

    // ---- choices ----

    /** A count with the given expectation in thousandths: whole part plus one more with the remainder's chance. */
    private static int count(SplittableRandom r, int perMille) {
        int n = perMille / 1000 + (r.nextInt(1000) < perMille % 1000 ? 1 : 0);
        // Some people go more often than the average, some never.
        int spread = r.nextInt(10);
        return spread == 0 ? n * 2 : spread == 1 ? 0 : n;
    }

    private static int pickLevel(SplittableRandom r, int l1, int l2, int minLevel) {
        int x = r.nextInt(1000);
        int level = x < l1 ? 1 : x < l1 + l2 ? 2 : 3;
        return Math.max(level, minLevel);
    }

    private static int inpatientLevel(SplittableRandom r, int minLevel) {
        return pickLevel(r, 350, 450, minLevel);
    }

    /** An institution of the level, else the nearest level that has one (higher first). */
    private static Institution institution(SplittableRandom r, Map<Integer, List<Institution>> byLevel, int level) {
        for (int l : new int[] {level, level + 1, level + 2, level - 1, level - 2}) {
            List<Institution> list = byLevel.get(l);
            if (list != null && !list.isEmpty()) {
                return list.get(r.nextInt(list.size()));
            }
        }
        return null;
    }

    private static Condition condition(SplittableRandom r, String gend, int age) {
        int total = 0;
        for (Condition c : HistoryConditions.INPATIENT) {
            if (eligible(c, gend, age)) {
                total += c.weight();
            }
        }
        if (total == 0) {
            return null;
        }
        int x = r.nextInt(total);
        for (Condition c : HistoryConditions.INPATIENT) {
            if (eligible(c, gend, age)) {
                x -= c.weight();
                if (x < 0) {
                    return c;
                }
            }
        }
        return null;
    }

    private static boolean eligible(Condition c, String gend, int age) {
        return (c.sex() == null || c.sex().equals(gend)) && age >= c.minAge() && age <= c.maxAge();
    }

    /** The recognition's diagnosis with its dictionary name where the history knows it, else the disease key. */
    private static Code chronicDiagnosis(Recognised rec) {
        for (Code c : HistoryConditions.OUTPATIENT) {
            if (c.code().equals(rec.diseCodg())) {
                return c;
            }
        }
        return new Code(rec.diseCodg(), rec.diseKey());
    }

    private static Set<String> codesOn(List<Dated> dated, LocalDate d) {
        Set<String> s = new TreeSet<>();
        dated.stream().filter(x -> x.on(d)).forEach(x -> s.add(x.code()));
        return s;
    }

    private static Set<String> recognitionsOn(List<Recognised> recs, LocalDate d) {
        Set<String> s = new TreeSet<>();
        recs.stream().filter(x -> x.on(d)).forEach(x -> s.add(x.diseKey()));
        return s;
    }

    // ---- fee lines ----

    /** Price level by institution level, in percent of level 2 (cost ∝ level). */
    private static int levelPercent(int level) {
        return level <= 1 ? 70 : level == 2 ? 100 : 135;
    }

    private final class Lines {
        final List<FeeLine> lines = new ArrayList<>();
        final SplittableRandom r;
        final int level;
        long fen;

        Lines(SplittableRandom r, int level) {
            this.r = r;
            this.level = level;
        }

        /** Adds {@code cnt} of an item of the type at its price; false when the region lists no such item. */
        boolean add(String type, long cnt, LocalDateTime at) {
            List<Item> items = itemsByType.get(type);
            if (items == null || items.isEmpty() || cnt <= 0) {
                return false;
            }
            return add(items.get(r.nextInt(items.size())), cnt, at);
        }

        /**
         * One unit of an item of the type on each of {@code days} days from {@code first} (bed, nursing: charged per day,
         * as an HIS uploads them, so that the frequency rule's once-a-day limit holds); the same draws as one line of
         * {@code days} units, so the rest of the history does not move.
         */
        void daily(String type, int days, LocalDateTime first) {
            List<Item> items = itemsByType.get(type);
            if (items == null || items.isEmpty() || days <= 0) {
                return;
            }
            Item item = items.get(r.nextInt(items.size()));
            long price = priceFen(item);
            UnitPrice pric = UnitPrice.of(BigDecimal.valueOf(price, 2));
            for (int i = 0; i < days; i++) {
                lines.add(FeeLine.of(String.format("%03d", lines.size() + 1), item.code(), first.plusDays(i), Quantity.of(1), pric));
            }
            fen += price * days;
        }

        boolean add(Item item, long cnt, LocalDateTime at) {
            long price = priceFen(item);
            UnitPrice pric = UnitPrice.of(BigDecimal.valueOf(price, 2));
            Quantity q = Quantity.of(cnt);
            lines.add(FeeLine.of(String.format("%03d", lines.size() + 1), item.code(), at, q, pric));
            fen += price * cnt;
            return true;
        }

        /** The payment standard where there is one (now and then a little above it), else a price of the item's kind. */
        long priceFen(Item item) {
            if (item.cap() != null) {
                long cap = item.cap().movePointRight(2).longValue();
                if (cap > 0) {
                    return r.nextInt(100) < 5 ? cap * 110 / 100 : cap * (level <= 1 ? 90 : 100) / 100;
                }
            }
            long base = Math.floorMod(item.code().hashCode(), 1000);
            long fen = switch (item.type()) {
                case "08" -> 500 + base * 30;
                case "09", "10", "11" -> 500 + base * 8;
                default -> 1000 + base * 15;
            };
            return Math.max(1, fen * levelPercent(level) / 100);
        }
    }

    private List<FeeLine> outpatientLines(SplittableRandom r, int level, LocalDateTime at) {
        Lines l = new Lines(r, level);
        if (!l.add("12", 1, at)) {
            l.add("02", 1, at);
        }
        if (r.nextInt(100) < 45) {
            l.add("04", 1, at);
        }
        if (r.nextInt(100) < 15) {
            l.add("03", 1, at);
        }
        int drugs = 1 + r.nextInt(3);
        for (int i = 0; i < drugs; i++) {
            l.add(r.nextInt(100) < 75 ? "09" : "11", 1 + r.nextInt(3), at);
        }
        return l.lines;
    }

    private List<FeeLine> chronicLines(SplittableRandom r, int level, LocalDateTime at) {
        Lines l = new Lines(r, level);
        int drugs = 1 + r.nextInt(3);
        for (int i = 0; i < drugs; i++) {
            long cnt = 2 + r.nextInt(5);
            if (chronicDrugs.isEmpty()) {
                l.add("09", cnt, at);
            } else {
                l.add(chronicDrugs.get(r.nextInt(chronicDrugs.size())), cnt, at);
            }
        }
        if (r.nextInt(100) < 30) {
            l.add("04", 1, at);
        }
        if (l.lines.isEmpty()) {
            l.add("12", 1, at);
        }
        return l.lines;
    }

    /** Bed, nursing, the operation, examinations, tests, materials, then drugs up to the condition's cost. */
    private List<FeeLine> inpatientLines(SplittableRandom r, int level, Condition c, LocalDateTime begin, int los) {
        Lines l = new Lines(r, level);
        long target = (long) c.costL2() * 100 * levelPercent(level) / 100 * (80 + r.nextInt(51)) / 100;
        l.daily("01", los, begin);
        l.daily("07", los, begin);
        LocalDateTime day2 = begin.plusDays(Math.min(1, los - 1));
        if (c.surgical()) {
            l.add("06", 1, day2);
            int materials = 1 + r.nextInt(3);
            for (int i = 0; i < materials; i++) {
                l.add("08", 1 + r.nextInt(3), day2);
            }
        }
        int exams = 1 + r.nextInt(3);
        for (int i = 0; i < exams; i++) {
            l.add("03", 1, begin);
        }
        int tests = 2 + r.nextInt(3);
        for (int i = 0; i < tests; i++) {
            l.add("04", 1 + r.nextInt(3), begin.plusDays(r.nextInt(los)));
        }
        // A treatment every day of the stay, so that no run of days holds only bed and nursing (挂床): the draw that
        // once set its count is kept, so the rest of the history does not move.
        r.nextInt(los);
        l.daily("05", los, begin);
        int drugs = 3 + r.nextInt(4);
        List<Item> pool = itemsByType.getOrDefault("09", List.of());
        for (int i = 0; i < drugs && !pool.isEmpty(); i++) {
            long remaining = target - l.fen;
            if (remaining <= 0) {
                break;
            }
            Item drug = pool.get(r.nextInt(pool.size()));
            long price = l.priceFen(drug);
            long cnt = Math.max(1, remaining / (drugs - i) / price);
            l.add(drug, Math.min(cnt, 500), begin.plusDays(r.nextInt(los)));
        }
        return l.lines;
    }

    // ---- rows shared with live settlement ----

    /** The 4101 case record (医疗保障基金结算清单): setlinfo, diseinfo[] (main first), oprninfo[] (main first). */
    private static Map<String, Object> caseRecord(HistoryPerson p, Planned v, String mdtrtId, String setlId, SetlInfo s) {
        Map<String, Object> setlinfo = new LinkedHashMap<>();
        setlinfo.put("mdtrt_id", mdtrtId);
        setlinfo.put("setl_id", setlId);
        setlinfo.put("psn_no", p.psnNo());
        setlinfo.put("gend", p.gend());
        setlinfo.put("brdy", p.brdy().toString());
        setlinfo.put("age", (int) ChronoUnit.YEARS.between(p.brdy(), v.begin().toLocalDate()));
        setlinfo.put("insutype", p.insutype());
        setlinfo.put("psn_type", p.psnType());
        setlinfo.put("fixmedins_code", v.institution().code());
        setlinfo.put("hosp_lv", String.valueOf(v.institution().level()));
        setlinfo.put("med_type", v.medType());
        setlinfo.put("ipt_med_type", "1");
        setlinfo.put("adm_way", "1");
        setlinfo.put("adm_time", v.begin().format(TIME));
        setlinfo.put("dscg_time", v.end().format(TIME));
        setlinfo.put("act_ipt_days", (int) ChronoUnit.DAYS.between(v.begin().toLocalDate(), v.end().toLocalDate()));
        setlinfo.put("dscg_way", "1");
        setlinfo.put("vent_used_dura", "0");
        setlinfo.put("medfee_sumamt", s.medfeeSumamt().toBigDecimal());
        setlinfo.put("setl_begn_date", v.begin().toLocalDate().toString());
        setlinfo.put("setl_end_date", v.end().toLocalDate().toString());
        List<Map<String, Object>> diseinfo = new ArrayList<>();
        Condition c = v.condition();
        diseinfo.add(diagnosis(c.diagnosis(), true));
        for (Code secondary : c.secondary()) {
            diseinfo.add(diagnosis(secondary, false));
        }
        List<Map<String, Object>> oprninfo = new ArrayList<>();
        LocalDateTime op = v.begin().plusDays(1).withHour(9).withMinute(0);
        if (op.isAfter(v.end())) {
            op = v.begin().plusHours(2);
        }
        for (int i = 0; i < c.procedures().size(); i++) {
            Code proc = c.procedures().get(i);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("oprn_oprt_type", i == 0 ? "1" : "2");
            o.put("oprn_oprt_code", proc.code());
            o.put("oprn_oprt_name", proc.name());
            o.put("oprn_oprt_begntime", op.format(TIME));
            o.put("oprn_oprt_endtime", op.plusHours(1).plusMinutes(30).format(TIME));
            o.put("anst_way", i == 0 ? "1" : "");
            oprninfo.add(o);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("setlinfo", setlinfo);
        record.put("diseinfo", diseinfo);
        record.put("oprninfo", oprninfo);
        record.put("icuinfo", List.of());
        record.put("bldinfo", List.of());
        return record;
    }

    private static Map<String, Object> diagnosis(Code code, boolean main) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("diag_type", "1");
        d.put("diag_code", code.code());
        d.put("diag_name", code.name());
        d.put("adm_cond_type", main ? "1" : "2");
        d.put("maindiag_flag", main ? "1" : "0");
        return d;
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
}
