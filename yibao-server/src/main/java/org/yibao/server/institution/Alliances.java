package org.yibao.server.institution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditEntry;
import org.yibao.server.platform.audit.AuditQueries;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.NotFoundException;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.reference.Page;
import org.yibao.server.region.Regions;

/** Medical alliances. Not effective-dated in the schema: a change edits the row, and the audit trail keeps before/after. */
@Service
public class Alliances {

    public static final String ENTITY = "alliance";
    private static final Set<String> KINDS = Set.of("CITY_GROUP", "COUNTY_COMMUNITY");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,20}");
    private static final RowMapper<Alliance> ROW = (rs, n) -> new Alliance(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5));
    private static final String COLUMNS = "code, name, kind, admdvs, lead_fixmedins_code";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditTrail audit;
    private final AuditQueries auditQueries;

    Alliances(JdbcClient jdbc, Regions regions, AuditTrail audit, AuditQueries auditQueries) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.auditQueries = auditQueries;
    }

    public Optional<Alliance> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from alliance where code = ?").param(code).query(ROW).optional();
    }

    public boolean exists(String code) {
        return code != null && find(code).isPresent();
    }

    public Page<Alliance> search(String q, String admdvs, String kind, int page, int size) {
        Checks.paging(page, size);
        StringBuilder where = new StringBuilder(" from alliance where true");
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            where.append(" and (code like ? or name like ?)");
            params.add(q.strip() + "%");
            params.add("%" + q.strip() + "%");
        }
        if (admdvs != null && !admdvs.isBlank()) {
            where.append(" and admdvs = ?");
            params.add(admdvs);
        }
        if (kind != null && !kind.isBlank()) {
            where.append(" and kind = ?");
            params.add(kind);
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(size);
        p.add(Page.offset(page, size));
        return new Page<>(jdbc.sql("select " + COLUMNS + where + " order by code limit ? offset ?").params(p).query(ROW).list(),
                page, size, total);
    }

    public List<AuditEntry> history(String code) {
        if (!exists(code)) {
            throw new NotFoundException(ENTITY, code);
        }
        return auditQueries.history(ENTITY, code, 500);
    }

    @Transactional
    public Alliance create(Alliance a) {
        validate(a, true);
        if (exists(a.code())) {
            throw new ConflictException("code", "unique", "alliance " + a.code() + " already exists; change it with PUT instead");
        }
        jdbc.sql("insert into alliance (" + COLUMNS + ") values (?,?,?,?,?)")
                .params(a.code(), a.name().strip(), a.kind(), a.admdvs(), a.leadFixmedinsCode()).update();
        audit.record("CREATE", ENTITY, a.code(), null, null, a);
        return a;
    }

    @Transactional
    public Alliance change(String code, Alliance a) {
        Alliance before = jdbc.sql("select " + COLUMNS + " from alliance where code = ? for update").param(code).query(ROW)
                .optional().orElseThrow(() -> new NotFoundException(ENTITY, code));
        Alliance after = new Alliance(code, a.name(), a.kind(), a.admdvs(), a.leadFixmedinsCode());
        validate(after, false);
        jdbc.sql("update alliance set name = ?, kind = ?, admdvs = ?, lead_fixmedins_code = ? where code = ?")
                .params(after.name().strip(), after.kind(), after.admdvs(), after.leadFixmedinsCode(), code).update();
        audit.record("UPDATE", ENTITY, code, null, before, after);
        return after;
    }

    private void validate(Alliance a, boolean creating) {
        Checks c = new Checks();
        if (creating) {
            c.matches("code", a.code(), CODE, "format", "1–20 upper-case letters or digits");
        }
        c.text("name", a.name(), 60);
        if (c.required("kind", a.kind()) && !KINDS.contains(a.kind())) {
            c.add("kind", "enum", "one of CITY_GROUP, COUNTY_COMMUNITY");
        }
        if (c.admdvsFormat("admdvs", a.admdvs()) && !regions.exists(a.admdvs())) {
            c.add("admdvs", "exists", "region " + a.admdvs() + " is unknown; create the region first");
        }
        // The lead may be registered after the alliance (institutions name their alliance), so only its format is checked.
        c.matches("lead_fixmedins_code", a.leadFixmedinsCode(), Institutions.CODE, "format",
                "at most 30 upper-case letters or digits, e.g. H99010000001");
        c.throwIfAny();
    }
}
