package org.yibao.server.insured;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.yibao.engine.identity.CertificateNumbers;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.platform.db.FactsVersionLock;
import org.yibao.server.platform.db.Pipeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditQueries;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.reference.EffectiveDating;
import org.yibao.server.platform.reference.History;
import org.yibao.server.platform.reference.Page;
import org.yibao.server.region.Regions;

/** Insured persons (R-REF-2), effective-dated and audited (R-REF-5), with the employee's personal account. */
@Service
public class Persons {

    public static final String ENTITY = "person";
    private static final Pattern PSN_NO = Pattern.compile("\\d{20}");
    private static final Pattern CERTNO = Pattern.compile("\\d{17}[0-9X]");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Set<String> STATUSES = Set.of("NORMAL", "SUSPENDED", "BLACKLISTED");
    private static final String COLUMNS = "psn_no, certno, psn_cert_type, name, gend, brdy, naty, insutype, psn_type, insured_admdvs, "
            + "residence_admdvs, emp_name, cvlserv_flag, insu_date, status, status_until, valid_from, valid_to";
    private static final String AS_OF = " valid_from <= ? and (valid_to is null or valid_to > ?)";
    private static final RowMapper<Person> ROW = (rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getObject(14, LocalDate.class),
            rs.getString(15), rs.getObject(16, LocalDate.class), rs.getObject(17, LocalDate.class), rs.getObject(18, LocalDate.class));

    /** Search criteria; null fields do not filter. {@code q}: psn_no or certno prefix, or text in the name. */
    public record Criteria(String q, String insuredAdmdvs, String insuranceType, String personType, String status, LocalDate asOf) {}

    /** A person to register: the first version, an opening personal-account balance (employees only) and identities. */
    public record NewPerson(Person person, BigDecimal openingBalance, List<Identity> identities) {}

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditTrail audit;
    private final AuditQueries auditQueries;
    private final Clock clock;
    /**
     * Facts read for settlement by person, day and filing days, with their version: an outpatient visit reads the same
     * facts three times within minutes. About 1.3 KB each (the person's version is most of it), so at most about 65 MB;
     * a person not remembered costs what it did before: the facts query in the same round trip.
     */
    private final Cache<FactsKey, Remembered> remembered = Caffeine.newBuilder().maximumSize(50_000).build();

    Persons(JdbcClient jdbc, Regions regions, AuditTrail audit, AuditQueries auditQueries, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.auditQueries = auditQueries;
        this.clock = clock;
    }

    /** The version in force on a day. */
    public Optional<Person> find(String personNo, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from person where psn_no = ? and" + AS_OF).params(personNo, asOf, asOf).query(ROW).optional();
    }

    public Optional<Person> find(String personNo) {
        return find(personNo, LocalDate.now(clock));
    }

    /** The person currently holding a certificate number. */
    public Optional<Person> findByCertno(String certno) {
        return jdbc.sql("select " + COLUMNS + " from person where certno = ? and valid_to is null").param(certno).query(ROW).optional();
    }

    /** The personal-account balance of an employee; empty for residents. */
    public Optional<BigDecimal> balance(String personNo) {
        return jdbc.sql("select balance from personal_account where psn_no = ?").param(personNo).query(BigDecimal.class).optional()
                .map(b -> b.setScale(2));
    }

    /** The person as in force today with balance, identities and the read-only lists. */
    public Optional<PersonFile> file(String personNo) {
        return file(personNo, LocalDate.now(clock));
    }

    /** The person as of a day with balance, identities and the read-only lists. */
    public Optional<PersonFile> file(String personNo, LocalDate asOf) {
        return find(personNo, asOf).map(p -> new PersonFile(p, balance(personNo).orElse(null), identities(personNo),
                jdbc.sql("select id, binder_psn_no, member_psn_no, relation, valid_from, valid_to, bound_at, unbound_at from mutual_aid_binding "
                                + "where binder_psn_no = ? or member_psn_no = ? order by bound_at, id").params(personNo, personNo)
                        .query((rs, n) -> new PersonFile.MutualAidBinding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), instant(rs, 7), instant(rs, 8))).list(),
                jdbc.sql("select id, dise_key, dise_codg, fixmedins_code, begin_date, end_date, cancelled_at from chronic_recognition "
                                + "where psn_no = ? order by begin_date, id").param(personNo)
                        .query((rs, n) -> new PersonFile.ChronicRecognition(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), instant(rs, 7))).list(),
                jdbc.sql("select id, kind, community_code, district_code, city_code, begin_date, end_date, cancelled_at from family_doctor_contract "
                                + "where psn_no = ? order by begin_date, id").param(personNo)
                        .query((rs, n) -> new PersonFile.FamilyDoctorContract(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), instant(rs, 8))).list(),
                jdbc.sql("select id, category, insured_admdvs, treatment_admdvs, begin_date, end_date, channel, cancelled_at from xr_filing "
                                + "where psn_no = ? order by begin_date, id").param(personNo)
                        .query((rs, n) -> new PersonFile.CrossRegionFiling(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), instant(rs, 8))).list()));
    }

    /**
     * The person and their benefit facts in force on {@code date}, in one query (settlement runs it for
     * every visit). Identity, recognition, contract and binding end dates are inclusive.
     */
    public Optional<SettlementFacts> settlementFacts(String personNo, LocalDate date) {
        return settlementFacts(personNo, date, date, date);
    }

    /**
     * As {@link #settlementFacts(String, LocalDate)}, with the cross-region filings in force on any day
     * from {@code filingsFrom} to {@code filingsTo}: a stay's filing (R-XR-3) may be made after the
     * admission, up to its settlement.
     */
    public Optional<SettlementFacts> settlementFacts(String personNo, LocalDate date, LocalDate filingsFrom, LocalDate filingsTo) {
        return settlementFactsQuery(personNo, date, filingsFrom, filingsTo).run(jdbc).get();
    }

    /**
     * The query of {@link #settlementFacts(String, LocalDate, LocalDate, LocalDate)}, for a caller that sends it with others;
     * {@link FactsRead#get()} gives the facts once the round trip is done. Facts read before are remembered with the
     * version of their tables (V97): when the same facts were read before, the query reads only that version, and the
     * facts again (one more round trip) only when it moved. Under settlement load the eight-table query was a tenth of
     * PostgreSQL's time (three per visit: register, upload, settle).
     */
    public Pipeline.Query<FactsRead> settlementFactsQuery(String personNo, LocalDate date, LocalDate filingsFrom, LocalDate filingsTo) {
        FactsKey key = new FactsKey(personNo, date, filingsFrom, filingsTo);
        Remembered known = remembered.getIfPresent(key);
        if (known != null) {
            return VERSION.<FactsRead>map(version -> version == known.version() ? known::facts
                    : () -> settlementFactsQuery(key).run(jdbc).get());
        }
        return settlementFactsQuery(key);
    }

    /**
     * The person's facts of {@code date} (filings of that day) as last read, unchecked: a guess of which persons a
     * settlement will lock, made before the round trip that reads the facts or their version. A caller must not
     * settle or answer on it.
     */
    public Optional<SettlementFacts> rememberedFacts(String personNo, LocalDate date) {
        Remembered known = remembered.getIfPresent(new FactsKey(personNo, date, date, date));
        return known == null ? Optional.empty() : known.facts();
    }

    /** The facts of {@code key} and, in the same snapshot, the version of their tables; remembered when the person was found. */
    private Pipeline.Query<FactsRead> settlementFactsQuery(FactsKey key) {
        return Pipeline.Query.named(FACTS,
                Map.of("psn", key.personNo(), "d", key.date(), "xf", key.filingsFrom(), "xt", key.filingsTo()), rs -> {
                    if (!rs.next()) {
                        return Optional::empty;
                    }
                    Person person = ROW.mapRow(rs, 0);
                    String[] doctor = rs.getString(22) == null ? null : rs.getString(22).split(",", -1);
                    List<String> hospitals = doctor == null ? List.of()
                            : java.util.stream.Stream.of(doctor[2], doctor[3]).filter(h -> !h.isEmpty()).toList();
                    Optional<SettlementFacts> facts = Optional.of(new SettlementFacts(person, rs.getBoolean(19), split(rs.getString(20)),
                            split(rs.getString(21)), doctor == null ? null : doctor[0], doctor == null ? null : doctor[1], hospitals,
                            splitOrdered(rs.getString(23)), splitOrdered(rs.getString(24)),
                            rs.getString(25) == null ? person.insuredAdmdvs() : rs.getString(25).trim()));
                    long version = rs.getLong(26);
                    if (rs.next()) {
                        throw new org.springframework.dao.IncorrectResultSizeDataAccessException("two versions of person " + key.personNo()
                                + " in force on " + key.date(), 1);
                    }
                    remembered.put(key, new Remembered(version, facts));
                    return () -> facts;
                });
    }

    /** The person's facts from a round trip that read them, or that read their version and reads them again when it moved. */
    @FunctionalInterface
    public interface FactsRead {
        Optional<SettlementFacts> get();
    }

    private record FactsKey(String personNo, LocalDate date, LocalDate filingsFrom, LocalDate filingsTo) {}

    private record Remembered(long version, Optional<SettlementFacts> facts) {}

    /** The facts of a person on a day (:psn, :d, filings in force from :xf to :xt) and the version of their tables. */
    private static final String FACTS = "select " + COLUMNS.replace("psn_no,", "p.psn_no,") + """
            ,
                   exists (select 1 from personal_account a where a.psn_no = p.psn_no),
                   (select string_agg(psn_idet_type, ',') from person_identity i
                     where i.psn_no = p.psn_no and i.begin_date <= :d and (i.end_date is null or i.end_date >= :d)),
                   (select string_agg(dise_key, ',') from chronic_recognition r
                     where r.psn_no = p.psn_no and r.cancelled_at is null and r.begin_date <= :d and r.end_date >= :d),
                   (select kind || ',' || community_code || ',' || coalesce(district_code, '') || ',' || coalesce(city_code, '')
                      from family_doctor_contract f
                     where f.psn_no = p.psn_no and f.cancelled_at is null and f.begin_date <= :d and f.end_date >= :d
                     order by f.begin_date desc, f.id desc limit 1),
                   (select string_agg(binder_psn_no, ',' order by bound_at, id) from mutual_aid_binding b
                     where b.member_psn_no = p.psn_no and b.unbound_at is null and b.valid_from <= :d
                       and (b.valid_to is null or b.valid_to >= :d)),
                   (select string_agg(category || ':' || treatment_admdvs, ',' order by begin_date) from xr_filing x
                     where x.psn_no = p.psn_no and x.cancelled_at is null and x.begin_date <= :xt
                       and (x.end_date is null or x.end_date >= :xf)),
                   (select g.pooling_admdvs from region g where g.admdvs = p.insured_admdvs and g.valid_from <= :d
                       and (g.valid_to is null or g.valid_to > :d) order by g.valid_from desc limit 1),
                   (select version from settlement_facts_version)
            from person p where p.psn_no = :psn and p.valid_from <= :d and (p.valid_to is null or p.valid_to > :d)""";

    private static final Pipeline.Query<Long> VERSION = Pipeline.Query.of("select version from settlement_facts_version", rs -> {
        rs.next();
        return rs.getLong(1);
    });

    /**
     * Balances of personal accounts, for a settlement that holds the lock of every person involved
     * (they are read after locking so no other settlement can spend them meanwhile).
     */
    public List<SettlementFacts.Balance> balances(List<String> personNos) {
        if (personNos.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select psn_no, balance from personal_account where psn_no = any(?)")
                .param(personNos.toArray(String[]::new))
                .query((rs, n) -> new SettlementFacts.Balance(rs.getString(1), rs.getBigDecimal(2).setScale(2)))
                .list();
    }

    private static java.util.Set<String> split(String csv) {
        return csv == null ? java.util.Set.of() : java.util.Set.of(csv.split(","));
    }

    private static List<String> splitOrdered(String csv) {
        return csv == null ? List.of() : java.util.Arrays.stream(csv.split(",")).distinct().toList();
    }

    public List<Identity> identities(String personNo) {
        return jdbc.sql("select psn_idet_type, begin_date, end_date, memo from person_identity where psn_no = ? order by begin_date, id")
                .param(personNo)
                .query((rs, n) -> new Identity(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    public Page<Person> search(Criteria c, int page, int size) {
        Checks.paging(page, size);
        LocalDate asOf = c.asOf() == null ? LocalDate.now(clock) : c.asOf();
        StringBuilder where = new StringBuilder(" from person where" + AS_OF);
        List<Object> params = new ArrayList<>(List.of(asOf, asOf));
        if (c.q() != null && !c.q().isBlank()) {
            String q = c.q().strip();
            where.append(" and (psn_no like ? or certno like ? or name like ?)");
            params.add(q + "%");
            params.add(q.toUpperCase() + "%");
            params.add("%" + q + "%");
        }
        addFilter(where, params, "insured_admdvs", c.insuredAdmdvs());
        addFilter(where, params, "insutype", c.insuranceType());
        addFilter(where, params, "psn_type", c.personType());
        addFilter(where, params, "status", c.status());
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(size);
        p.add(Page.offset(page, size));
        return new Page<>(jdbc.sql("select " + COLUMNS + where + " order by psn_no limit ? offset ?").params(p).query(ROW).list(),
                page, size, total);
    }

    public History<Person> history(String personNo) {
        List<Person> versions = jdbc.sql("select " + COLUMNS + " from person where psn_no = ? order by valid_from").param(personNo).query(ROW).list();
        if (versions.isEmpty()) {
            throw new NotFoundException(ENTITY, personNo);
        }
        return new History<>(versions, auditQueries.history(ENTITY, personNo, 500));
    }

    /** Registers a person; an employee (310) gets a personal account with an OPENING entry in the same transaction. */
    @Transactional
    public PersonFile create(NewPerson data) {
        Person p = normalise(data.person(), data.person().personNo(), data.person().validFrom());
        Checks c = new Checks();
        c.matches("psn_no", p.personNo(), PSN_NO, "format", "psn_no is 20 digits");
        validate(p, c);
        BigDecimal opening = data.openingBalance();
        if (opening != null) {
            if (!p.isEmployee()) {
                c.add("opening_balance", "employees_only", "only employees (insutype 310) have a personal account; leave it out");
            } else if (opening.signum() < 0) {
                c.add("opening_balance", "min", "an opening balance is 0 or more");
            } else {
                c.decimals("opening_balance", opening, 2);
            }
        }
        List<Identity> identities = data.identities() == null ? List.of() : data.identities();
        for (int i = 0; i < identities.size(); i++) {
            validateIdentity(identities.get(i), "identities[" + i + "].", c);
        }
        c.throwIfAny();
        if (jdbc.sql("select count(*) from person where psn_no = ?").param(p.personNo()).query(Long.class).single() > 0) {
            throw new ConflictException("psn_no", "unique", "person " + p.personNo() + " already exists; change them with PUT instead");
        }
        requireCertnoFree(p.certificateNo(), p.personNo());
        insert(p);
        Instant now = clock.instant();
        if (p.isEmployee()) {
            BigDecimal balance = (opening == null ? BigDecimal.ZERO : opening).setScale(2);
            jdbc.sql("insert into personal_account (psn_no, admdvs, balance, updated_at) values (?,?,?,?)")
                    .params(p.personNo(), p.insuredAdmdvs(), balance, Timestamp.from(now)).update();
            jdbc.sql("""
                    insert into personal_account_entry (psn_no, amount, balance_after, kind, source_type, source_id, recorded_at, recorded_by)
                    values (?, ?, ?, 'OPENING', 'person', ?, ?, ?)""")
                    .params(p.personNo(), balance, balance, p.personNo(), Timestamp.from(now), AuditTrail.currentActor()).update();
        }
        identities.forEach(identity -> insertIdentity(p.personNo(), identity));
        PersonFile created = file(p.personNo(), p.validFrom()).orElseThrow();
        audit.record("CREATE", ENTITY, p.personNo(), p.validFrom(), null, created);
        return created;
    }

    /** Closes the version in force and starts {@code data} from {@code effectiveFrom} (default today). */
    @Transactional
    public Person change(String personNo, Person data, LocalDate effectiveFrom) {
        FactsVersionLock.takeFirst(jdbc);
        Person current = jdbc.sql("select " + COLUMNS + " from person where psn_no = ? and valid_to is null for update")
                .param(personNo).query(ROW).optional().orElseThrow(() -> new NotFoundException(ENTITY, personNo));
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        Person next = normalise(data, personNo, from);
        Checks c = new Checks();
        validate(next, c);
        if (c.ok("insutype") && !next.insuranceType().equals(current.insuranceType())) {
            // Moving between schemes opens or closes a personal account: a process of its own, not a data correction.
            c.add("insutype", "unchanged", "the insurance type cannot be changed here (" + current.insuranceType()
                    + "); register the person's move between schemes instead");
        }
        c.throwIfAny();
        EffectiveDating.requireAfter(from, current.validFrom());
        jdbc.sql("update person set valid_to = ? where psn_no = ? and valid_from = ?").params(from, personNo, current.validFrom()).update();
        requireCertnoFree(next.certificateNo(), personNo);
        insert(next);
        audit.record("UPDATE", ENTITY, personNo, from, current, next);
        return next;
    }

    /** Adds an identity (特困, 低保, 防返贫监测 …) with its own dates. */
    @Transactional
    public List<Identity> addIdentity(String personNo, Identity identity) {
        if (jdbc.sql("select count(*) from person where psn_no = ?").param(personNo).query(Long.class).single() == 0) {
            throw new NotFoundException(ENTITY, personNo);
        }
        Checks c = new Checks();
        validateIdentity(identity, "", c);
        c.throwIfAny();
        List<Identity> before = identities(personNo);
        insertIdentity(personNo, identity);
        List<Identity> after = identities(personNo);
        audit.record("IDENTITY", ENTITY, personNo, identity.beginDate(), Map.of("identities", before), Map.of("identities", after));
        return after;
    }

    private void requireCertnoFree(String certno, String personNo) {
        if (jdbc.sql("select count(*) from person where certno = ? and valid_to is null and psn_no <> ?").params(certno, personNo)
                .query(Long.class).single() > 0) {
            throw new ConflictException("certno", "unique", "certificate number " + certno + " already belongs to another person");
        }
    }

    private void insert(Person p) {
        jdbc.sql("insert into person (" + COLUMNS + ", recorded_at, recorded_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,null,?,?)")
                .params(p.personNo(), p.certificateNo(), p.certificateType(), p.name(), p.sex(), p.birthDate(), p.ethnicity(),
                        p.insuranceType(), p.personType(), p.insuredAdmdvs(), p.residenceAdmdvs(), p.employerName(), p.civilServant(),
                        p.insuredSince(), p.status(), p.statusUntil(), p.validFrom(), Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .update();
    }

    private void insertIdentity(String personNo, Identity i) {
        jdbc.sql("insert into person_identity (psn_no, psn_idet_type, begin_date, end_date, memo) values (?,?,?,?,?)")
                .params(personNo, i.type(), i.beginDate(), i.endDate(), i.memo()).update();
    }

    /** Fills defaults: 居民身份证, 汉族, not a civil servant, NORMAL, living where insured, insured since the first day. */
    private Person normalise(Person p, String personNo, LocalDate validFrom) {
        LocalDate from = validFrom == null ? LocalDate.now(clock) : validFrom;
        return new Person(personNo, p.certificateNo() == null ? null : p.certificateNo().strip().toUpperCase(),
                p.certificateType() == null ? "01" : p.certificateType(), p.name() == null ? null : p.name().strip(), p.sex(), p.birthDate(),
                p.ethnicity() == null ? "01" : p.ethnicity(), p.insuranceType(), p.personType(), p.insuredAdmdvs(),
                p.residenceAdmdvs() == null ? p.insuredAdmdvs() : p.residenceAdmdvs(), blankToNull(p.employerName()),
                p.civilServant() == null ? "0" : p.civilServant(), p.insuredSince() == null ? from : p.insuredSince(),
                p.status() == null ? "NORMAL" : p.status(), p.statusUntil(), from, null);
    }

    private void validate(Person p, Checks c) {
        c.text("psn_name", p.name(), 50);
        boolean sexOk = c.required("gend", p.sex()) && ("1".equals(p.sex()) || "2".equals(p.sex()));
        if (p.sex() != null && !sexOk) {
            c.add("gend", "enum", "gend is 1 (male) or 2 (female)");
        }
        if (c.required("brdy", p.birthDate()) && p.birthDate().isAfter(LocalDate.now(clock))) {
            c.add("brdy", "past", "a birth date cannot be in the future");
        }
        if (!TWO_DIGITS.matcher(p.certificateType()).matches()) {
            c.add("psn_cert_type", "format", "2 digits, 01 = 居民身份证");
        }
        if (c.required("certno", p.certificateNo())) {
            if ("01".equals(p.certificateType())) {
                validateResidentIdCard(p, sexOk, c);
            } else if (p.certificateNo().isBlank() || p.certificateNo().length() > 18) {
                c.add("certno", "format", "1–18 characters");
            }
        }
        if (!TWO_DIGITS.matcher(p.ethnicity()).matches()) {
            c.add("naty", "format", "民族 code: 2 digits, 01 = 汉族");
        }
        boolean typeOk = c.required("insutype", p.insuranceType()) && ("310".equals(p.insuranceType()) || "390".equals(p.insuranceType()));
        if (p.insuranceType() != null && !typeOk) {
            c.add("insutype", "enum", "310 (职工基本医疗保险, employees) or 390 (城乡居民基本医疗保险, residents)");
        }
        if (c.matches("psn_type", p.personType(), FOUR_DIGITS, "format", "psn_type is 4 digits, e.g. 1101") && typeOk) {
            String prefix = p.personType().substring(0, 2);
            boolean consistent = p.isEmployee() ? Set.of("11", "12").contains(prefix) : Set.of("14", "15").contains(prefix);
            if (!consistent) {
                c.add("psn_type", "consistent_with_insutype", p.isEmployee()
                        ? "an employee (310) is 11xx (在职) or 12xx (退休)"
                        : "a resident (390) is 14xx or 15xx");
            }
        }
        regionExists("insuplc_admdvs", p.insuredAdmdvs(), c);
        regionExists("residence_admdvs", p.residenceAdmdvs(), c);
        c.optionalText("emp_name", p.employerName(), 100);
        if (!"0".equals(p.civilServant()) && !"1".equals(p.civilServant())) {
            c.add("cvlserv_flag", "enum", "0 or 1");
        }
        if (p.birthDate() != null && p.insuredSince().isBefore(p.birthDate())) {
            c.add("psn_insu_date", "after_birth", "the person cannot be insured before being born");
        }
        if (!STATUSES.contains(p.status())) {
            c.add("status", "enum", "NORMAL, SUSPENDED or BLACKLISTED");
        } else if ("SUSPENDED".equals(p.status()) && p.statusUntil() == null) {
            c.add("status_until", "required_for_status", "say until when benefits are suspended");
        }
    }

    /** GB 11643-1999: format, check digit, and the birth date and sex it encodes. */
    private static void validateResidentIdCard(Person p, boolean sexOk, Checks c) {
        String certno = p.certificateNo();
        if (!CERTNO.matcher(certno).matches()) {
            c.add("certno", "format", "a 居民身份证 number is 17 digits and a check character (digit or X)");
        } else if (!CertificateNumbers.isValid(certno)) {
            c.add("certno", "check_digit", "the check character (last) should be " + CertificateNumbers.checkCharacter(certno.substring(0, 17))
                    + " (GB 11643-1999, ISO 7064 MOD 11-2): check the number for a typing error");
        } else {
            Optional<LocalDate> encoded = CertificateNumbers.birthDate(certno);
            if (encoded.isEmpty()) {
                c.add("certno", "birth_date", "characters 7–14 are not a valid date");
            } else if (p.birthDate() != null && !encoded.get().equals(p.birthDate())) {
                c.add("brdy", "matches_certno", "the certificate number gives the birth date " + encoded.get());
            }
            if (sexOk && !CertificateNumbers.sex(certno).equals(p.sex())) {
                c.add("gend", "matches_certno", "the certificate number gives gend " + CertificateNumbers.sex(certno)
                        + " (17th digit odd = 1 male, even = 2 female)");
            }
        }
    }

    private void validateIdentity(Identity i, String prefix, Checks c) {
        c.matches(prefix + "psn_idet_type", i.type(), FOUR_DIGITS, "format", "4 digits, e.g. 2101 特困, 2102 低保, 2103 防返贫监测");
        if (c.required(prefix + "begntime", i.beginDate()) && i.endDate() != null && !i.endDate().isAfter(i.beginDate())) {
            c.add(prefix + "endtime", "after_begin", "endtime must be after begntime");
        }
        c.optionalText(prefix + "memo", i.memo(), 100);
    }

    private void regionExists(String field, String admdvs, Checks c) {
        if (c.admdvsFormat(field, admdvs) && !regions.exists(admdvs)) {
            c.add(field, "exists", "region " + admdvs + " is unknown");
        }
    }

    private static void addFilter(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value.strip());
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
