package org.yibao.server.region;

import org.yibao.server.platform.db.FactsVersionLock;
import org.yibao.server.platform.reference.EffectiveDating;
import org.yibao.server.platform.reference.History;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.reference.Page;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditQueries;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;

/** Regions, effective-dated (R-REF-5): read them as of a day, create and change them with an audit trail. */
@Service
public class Regions {

    /** Entity type of regions in the audit trail. */
    public static final String ENTITY = "region";
    private static final Set<String> PAYMENT = Set.of("DRG", "DIP", "ITEM");
    private static final String COLUMNS = "admdvs, name, province_admdvs, pooling_admdvs, inpatient_payment, valid_from, valid_to";
    private static final RowMapper<Region> ROW = (rs, n) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class));

    /** What a caller gives to create or change a region. */
    public record RegionData(String admdvs, String name, String provinceAdmdvs, String poolingAdmdvs, String inpatientPayment) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AuditQueries auditQueries;
    private final Clock clock;

    Regions(JdbcClient jdbc, AuditTrail audit, AuditQueries auditQueries, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.auditQueries = auditQueries;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The version of a region in force on a day. */
    public Optional<Region> find(String admdvs, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from region where admdvs = ? and valid_from <= ? and (valid_to is null or valid_to > ?)")
                .params(admdvs, asOf, asOf).query(ROW).optional();
    }

    public Optional<Region> find(String admdvs) {
        return find(admdvs, today());
    }

    /** Whether the region code is known at all (any version). */
    public boolean exists(String admdvs) {
        return admdvs != null && jdbc.sql("select count(*) from region where admdvs = ?").param(admdvs).query(Long.class).single() > 0;
    }

    /** The pooling region (统筹区) whose fund, policy and catalogue apply to a region on a day: 990121 → 990100. */
    public Optional<String> poolingRegionOf(String admdvs, LocalDate asOf) {
        return find(admdvs, asOf).map(Region::poolingAdmdvs);
    }

    /** Every region in force on a day, in code order (a handful: for pickers and reports). */
    public List<Region> list(LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from region where valid_from <= ? and (valid_to is null or valid_to > ?) order by admdvs")
                .params(asOf, asOf).query(ROW).list();
    }

    /** Regions in force on a day, filtered by code/name text and province. */
    public Page<Region> search(String q, String provinceAdmdvs, LocalDate asOf, int page, int size) {
        Checks.paging(page, size);
        StringBuilder where = new StringBuilder(" from region where valid_from <= ? and (valid_to is null or valid_to > ?)");
        List<Object> params = new ArrayList<>(List.of(asOf, asOf));
        if (q != null && !q.isBlank()) {
            where.append(" and (admdvs like ? or name like ?)");
            params.add(q.strip() + "%");
            params.add("%" + q.strip() + "%");
        }
        if (provinceAdmdvs != null && !provinceAdmdvs.isBlank()) {
            where.append(" and province_admdvs = ?");
            params.add(provinceAdmdvs);
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add(Page.offset(page, size));
        List<Region> items = jdbc.sql("select " + COLUMNS + where + " order by admdvs limit ? offset ?")
                .params(pageParams).query(ROW).list();
        return new Page<>(items, page, size, total);
    }

    public List<Region> versions(String admdvs) {
        return jdbc.sql("select " + COLUMNS + " from region where admdvs = ? order by valid_from").param(admdvs).query(ROW).list();
    }

    public History<Region> history(String admdvs) {
        List<Region> versions = versions(admdvs);
        if (versions.isEmpty()) {
            throw new NotFoundException(ENTITY, admdvs);
        }
        return new History<>(versions, auditQueries.history(ENTITY, admdvs, 500));
    }

    @Transactional
    public Region create(RegionData data, LocalDate validFrom) {
        validate(data, true);
        if (exists(data.admdvs())) {
            throw new ConflictException("admdvs", "unique", "region " + data.admdvs() + " already exists; change it with PUT instead");
        }
        LocalDate from = validFrom == null ? today() : validFrom;
        Region created = insert(data, from);
        audit.record("CREATE", ENTITY, data.admdvs(), from, null, created);
        return created;
    }

    @Transactional
    public Region change(String admdvs, RegionData data, LocalDate effectiveFrom) {
        FactsVersionLock.takeFirst(jdbc);
        Region current = jdbc.sql("select " + COLUMNS + " from region where admdvs = ? and valid_to is null for update")
                .param(admdvs).query(ROW).optional().orElseThrow(() -> new NotFoundException(ENTITY, admdvs));
        RegionData withKey = new RegionData(admdvs, data.name(), data.provinceAdmdvs(), data.poolingAdmdvs(), data.inpatientPayment());
        validate(withKey, false);
        LocalDate from = effectiveFrom == null ? today() : effectiveFrom;
        EffectiveDating.requireAfter(from, current.validFrom());
        jdbc.sql("update region set valid_to = ? where admdvs = ? and valid_from = ?").params(from, admdvs, current.validFrom()).update();
        Region next = insert(withKey, from);
        audit.record("UPDATE", ENTITY, admdvs, from, current, next);
        return next;
    }

    private Region insert(RegionData d, LocalDate from) {
        jdbc.sql("insert into region (" + COLUMNS + ", recorded_at, recorded_by) values (?,?,?,?,?,?,null,?,?)")
                .params(d.admdvs(), d.name().strip(), d.provinceAdmdvs(), d.poolingAdmdvs(), d.inpatientPayment(), from,
                        Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .update();
        return new Region(d.admdvs(), d.name().strip(), d.provinceAdmdvs(), d.poolingAdmdvs(), d.inpatientPayment(), from, null);
    }

    private void validate(RegionData d, boolean creating) {
        Checks c = new Checks();
        if (creating) {
            c.admdvsFormat("admdvs", d.admdvs());
        }
        c.text("name", d.name(), 60);
        c.admdvsFormat("province_admdvs", d.provinceAdmdvs());
        if (c.admdvsFormat("pooling_admdvs", d.poolingAdmdvs())
                && !d.poolingAdmdvs().equals(d.admdvs()) && !exists(d.poolingAdmdvs())) {
            c.add("pooling_admdvs", "exists", "pooling region " + d.poolingAdmdvs()
                    + " is unknown: use the region's own code for a pooling region, or an existing pooling region");
        }
        if (c.required("inpatient_payment", d.inpatientPayment()) && !PAYMENT.contains(d.inpatientPayment())) {
            c.add("inpatient_payment", "enum", "one of DRG, DIP, ITEM");
        }
        c.throwIfAny();
    }

}
