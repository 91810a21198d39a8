package org.yibao.server.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
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

/** The chronic and special disease list (门诊慢特病病种) of each region, effective-dated and audited. */
@Service
public class ChronicDiseases {

    public static final String ENTITY = "chronic_disease";
    private static final Pattern KEY = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Za-z]{1,6})?");
    private static final String COLUMNS = "admdvs, dise_key, name, valid_from, valid_to";
    private static final String AS_OF = " valid_from <= ? and (valid_to is null or valid_to > ?)";
    private static final RowMapper<ChronicDisease> ROW = (rs, n) -> new ChronicDisease(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditTrail audit;
    private final AuditQueries auditQueries;
    private final Clock clock;

    ChronicDiseases(JdbcClient jdbc, Regions regions, AuditTrail audit, AuditQueries auditQueries, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.auditQueries = auditQueries;
        this.clock = clock;
    }

    public Optional<ChronicDisease> find(String admdvs, String diseKey, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from chronic_disease where admdvs = ? and dise_key = ? and" + AS_OF)
                .params(admdvs, diseKey, asOf, asOf).query(ROW).optional();
    }

    /** The list entry a diagnosis (E11.900) falls under in a region on a day, if any: the longest matching key. */
    public Optional<ChronicDisease> entryFor(String admdvs, String diagnosisCode, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from chronic_disease where admdvs = ? and ? like dise_key || '%' and" + AS_OF
                        + " order by length(dise_key) desc limit 1")
                .params(admdvs, diagnosisCode, asOf, asOf).query(ROW).optional();
    }

    public Page<ChronicDisease> search(String admdvs, String q, LocalDate asOf, int page, int size) {
        Checks.paging(page, size);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        String where = " from chronic_disease where admdvs = ? and" + AS_OF;
        List<Object> params = new ArrayList<>(List.of(admdvs, day, day));
        if (q != null && !q.isBlank()) {
            where += " and (dise_key like ? or name like ?)";
            params.add(q.strip().toUpperCase() + "%");
            params.add("%" + q.strip() + "%");
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.add(size);
        params.add(Page.offset(page, size));
        return new Page<>(jdbc.sql("select " + COLUMNS + where + " order by dise_key limit ? offset ?").params(params).query(ROW).list(),
                page, size, total);
    }

    public History<ChronicDisease> history(String admdvs, String diseKey) {
        List<ChronicDisease> versions = jdbc.sql("select " + COLUMNS + " from chronic_disease where admdvs = ? and dise_key = ? order by valid_from")
                .params(admdvs, diseKey).query(ROW).list();
        if (versions.isEmpty()) {
            throw new NotFoundException(ENTITY, admdvs + "/" + diseKey);
        }
        return new History<>(versions, auditQueries.history(ENTITY, admdvs + "/" + diseKey, 500));
    }

    @Transactional
    public ChronicDisease create(String admdvs, String diseKey, String name, LocalDate validFrom) {
        Checks c = new Checks();
        if (c.admdvsFormat("admdvs", admdvs) && !regions.exists(admdvs)) {
            c.add("admdvs", "exists", "region " + admdvs + " is unknown; create the region first");
        }
        c.matches("dise_key", diseKey, KEY, "format", "an ICD-10 category or sub-category such as I10, E11 or N18.5");
        c.text("name", name, 100);
        c.throwIfAny();
        if (jdbc.sql("select count(*) from chronic_disease where admdvs = ? and dise_key = ?").params(admdvs, diseKey)
                .query(Long.class).single() > 0) {
            throw new ConflictException("dise_key", "unique", diseKey + " is already on the list of " + admdvs + "; change it with PUT instead");
        }
        ChronicDisease created = insert(new ChronicDisease(admdvs, diseKey, name.strip(), validFrom == null ? LocalDate.now(clock) : validFrom, null));
        audit.record("CREATE", ENTITY, admdvs + "/" + diseKey, created.validFrom(), null, created);
        return created;
    }

    @Transactional
    public ChronicDisease change(String admdvs, String diseKey, String name, LocalDate effectiveFrom) {
        ChronicDisease current = jdbc.sql("select " + COLUMNS + " from chronic_disease where admdvs = ? and dise_key = ? and valid_to is null for update")
                .params(admdvs, diseKey).query(ROW).optional().orElseThrow(() -> new NotFoundException(ENTITY, admdvs + "/" + diseKey));
        Checks c = new Checks();
        c.text("name", name, 100);
        c.throwIfAny();
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        EffectiveDating.requireAfter(from, current.validFrom());
        jdbc.sql("update chronic_disease set valid_to = ? where admdvs = ? and dise_key = ? and valid_from = ?")
                .params(from, admdvs, diseKey, current.validFrom()).update();
        ChronicDisease next = insert(new ChronicDisease(admdvs, diseKey, name.strip(), from, null));
        audit.record("UPDATE", ENTITY, admdvs + "/" + diseKey, from, current, next);
        return next;
    }

    private ChronicDisease insert(ChronicDisease d) {
        jdbc.sql("insert into chronic_disease (" + COLUMNS + ", recorded_at, recorded_by) values (?,?,?,?,null,?,?)")
                .params(d.admdvs(), d.diseKey(), d.name(), d.validFrom(), Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .update();
        return d;
    }
}
