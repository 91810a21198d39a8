package org.yibao.server.institution;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

/** Designated institutions (R-REF-1), effective-dated and audited (R-REF-5). */
@Service
public class Institutions {

    public static final String ENTITY = "institution";
    /** fixmedins_code: at most 30 upper-case letters or digits. */
    static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,30}");
    private static final Set<String> KINDS = Set.of("HOSPITAL", "COMMUNITY", "TOWNSHIP", "PHARMACY", "CLINIC");
    /** Kinds that are graded 一级/二级/三级 and must carry a level. */
    private static final Set<String> GRADED = Set.of("HOSPITAL", "COMMUNITY", "TOWNSHIP");
    private static final String COLUMNS = "fixmedins_code, name, admdvs, level, kind, alliance_code, designated, "
            + "xr_inpatient, xr_outpatient, xr_chronic, address, valid_from, valid_to";
    private static final RowMapper<Institution> ROW = (rs, n) -> new Institution(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4) == null ? null : rs.getInt(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8),
            rs.getBoolean(9), rs.getBoolean(10), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class));
    private static final String AS_OF = " valid_from <= ? and (valid_to is null or valid_to > ?)";

    /** Search criteria; null fields do not filter. */
    public record Criteria(String q, String admdvs, Integer level, String kind, String allianceCode, LocalDate asOf) {}

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Alliances alliances;
    private final AuditTrail audit;
    private final AuditQueries auditQueries;
    private final Clock clock;

    Institutions(JdbcClient jdbc, Regions regions, Alliances alliances, AuditTrail audit, AuditQueries auditQueries, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.alliances = alliances;
        this.audit = audit;
        this.auditQueries = auditQueries;
        this.clock = clock;
    }

    /** The version in force on a day. */
    public Optional<Institution> find(String fixmedinsCode, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from institution where fixmedins_code = ? and" + AS_OF)
                .params(fixmedinsCode, asOf, asOf).query(ROW).optional();
    }

    public Optional<Institution> find(String fixmedinsCode) {
        return find(fixmedinsCode, LocalDate.now(clock));
    }

    public Page<Institution> search(Criteria c, int page, int size) {
        Checks.paging(page, size);
        LocalDate asOf = c.asOf() == null ? LocalDate.now(clock) : c.asOf();
        StringBuilder where = new StringBuilder(" from institution where" + AS_OF);
        List<Object> params = new ArrayList<>(List.of(asOf, asOf));
        if (c.q() != null && !c.q().isBlank()) {
            where.append(" and (fixmedins_code like ? or name like ?)");
            params.add(c.q().strip().toUpperCase() + "%");
            params.add("%" + c.q().strip() + "%");
        }
        if (c.admdvs() != null && !c.admdvs().isBlank()) {
            where.append(" and admdvs = ?");
            params.add(c.admdvs());
        }
        if (c.level() != null) {
            where.append(" and level = ?");
            params.add(c.level());
        }
        if (c.kind() != null && !c.kind().isBlank()) {
            where.append(" and kind = ?");
            params.add(c.kind());
        }
        if (c.allianceCode() != null && !c.allianceCode().isBlank()) {
            where.append(" and alliance_code = ?");
            params.add(c.allianceCode());
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(size);
        p.add(Page.offset(page, size));
        return new Page<>(jdbc.sql("select " + COLUMNS + where + " order by fixmedins_code limit ? offset ?").params(p).query(ROW).list(),
                page, size, total);
    }

    public History<Institution> history(String fixmedinsCode) {
        List<Institution> versions = jdbc.sql("select " + COLUMNS + " from institution where fixmedins_code = ? order by valid_from")
                .param(fixmedinsCode).query(ROW).list();
        if (versions.isEmpty()) {
            throw new NotFoundException(ENTITY, fixmedinsCode);
        }
        return new History<>(versions, auditQueries.history(ENTITY, fixmedinsCode, 500));
    }

    /** Creates an institution; {@code data.validFrom()} (default today) is when its first version starts. */
    @Transactional
    public Institution create(Institution data) {
        validate(data, true);
        if (jdbc.sql("select count(*) from institution where fixmedins_code = ?").param(data.fixmedinsCode()).query(Long.class).single() > 0) {
            throw new ConflictException("fixmedins_code", "unique",
                    "institution " + data.fixmedinsCode() + " already exists; change it with PUT instead");
        }
        Institution created = insert(data, data.validFrom() == null ? LocalDate.now(clock) : data.validFrom());
        audit.record("CREATE", ENTITY, created.fixmedinsCode(), created.validFrom(), null, created);
        return created;
    }

    /** Closes the version in force and starts {@code data} from {@code effectiveFrom} (default today). */
    @Transactional
    public Institution change(String fixmedinsCode, Institution data, LocalDate effectiveFrom) {
        Institution current = jdbc.sql("select " + COLUMNS + " from institution where fixmedins_code = ? and valid_to is null for update")
                .param(fixmedinsCode).query(ROW).optional().orElseThrow(() -> new NotFoundException(ENTITY, fixmedinsCode));
        Institution keyed = withKey(data, fixmedinsCode);
        validate(keyed, false);
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        EffectiveDating.requireAfter(from, current.validFrom());
        jdbc.sql("update institution set valid_to = ? where fixmedins_code = ? and valid_from = ?")
                .params(from, fixmedinsCode, current.validFrom()).update();
        Institution next = insert(keyed, from);
        audit.record("UPDATE", ENTITY, fixmedinsCode, from, current, next);
        return next;
    }

    private Institution insert(Institution d, LocalDate from) {
        Institution row = new Institution(d.fixmedinsCode(), d.name().strip(), d.admdvs(), d.level(), d.kind(), blankToNull(d.allianceCode()),
                d.designated(), d.xrInpatient(), d.xrOutpatient(), d.xrChronic(), blankToNull(d.address()), from, null);
        jdbc.sql("insert into institution (" + COLUMNS + ", recorded_at, recorded_by) values (?,?,?,?,?,?,?,?,?,?,?,?,null,?,?)")
                .params(row.fixmedinsCode(), row.name(), row.admdvs(), row.level(), row.kind(), row.allianceCode(), row.designated(),
                        row.xrInpatient(), row.xrOutpatient(), row.xrChronic(), row.address(), from,
                        Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .update();
        return row;
    }

    private void validate(Institution d, boolean creating) {
        Checks c = new Checks();
        if (creating) {
            c.matches("fixmedins_code", d.fixmedinsCode(), CODE, "format",
                    "at most 30 upper-case letters or digits, e.g. H99010000001");
        }
        c.text("name", d.name(), 100);
        if (c.admdvsFormat("admdvs", d.admdvs()) && !regions.exists(d.admdvs())) {
            c.add("admdvs", "exists", "region " + d.admdvs() + " is unknown; create the region first");
        }
        if (c.required("kind", d.kind())) {
            if (!KINDS.contains(d.kind())) {
                c.add("kind", "enum", "one of HOSPITAL, COMMUNITY, TOWNSHIP, PHARMACY, CLINIC");
            } else if (GRADED.contains(d.kind()) && d.level() == null) {
                c.add("level", "required_for_kind", "a " + d.kind() + " must have a level 1, 2 or 3");
            } else if ("PHARMACY".equals(d.kind()) && d.level() != null) {
                c.add("level", "absent_for_pharmacy", "a pharmacy has no level: leave it out");
            }
        }
        if (d.level() != null && (d.level() < 1 || d.level() > 3)) {
            c.add("level", "range", "level is 1, 2 or 3");
        }
        String alliance = blankToNull(d.allianceCode());
        if (alliance != null && !alliances.exists(alliance)) {
            c.add("alliance_code", "exists", "alliance " + alliance + " is unknown; create the alliance first");
        }
        c.optionalText("address", d.address(), 200);
        c.throwIfAny();
    }

    private static Institution withKey(Institution d, String code) {
        return new Institution(code, d.name(), d.admdvs(), d.level(), d.kind(), d.allianceCode(), d.designated(), d.xrInpatient(),
                d.xrOutpatient(), d.xrChronic(), d.address(), d.validFrom(), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
