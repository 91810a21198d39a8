package org.yibao.server.catalog;

import java.math.BigDecimal;
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

/** The catalogue (医保目录) of each region, effective-dated (R-REF-3) and audited (R-REF-5). */
@Service
public class Catalogue {

    public static final String ENTITY = "catalogue_item";
    private static final Set<String> CATEGORIES = Set.of("DRUG", "SERVICE", "CONSUMABLE");
    private static final Set<String> LEVELS = Set.of("01", "02", "03");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9.\\-]{1,50}");
    private static final Pattern TWO = Pattern.compile("[0-9A-Z]{2}");
    private static final String COLUMNS = "admdvs, med_list_codg, name, category, chrgitm_lv, selfpay_prop, price_cap, "
            + "med_chrgitm_type, min_inst_level, sex_restriction, min_age, max_age, indication, max_days_supplied, "
            + "non_disease, chronic_drug, imaging, bed_only, per_day, valid_from, valid_to";
    private static final String AS_OF = " valid_from <= ? and (valid_to is null or valid_to > ?)";
    private static final RowMapper<CatalogueItem> ROW = (rs, n) -> new CatalogueItem(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6).setScale(4),
            rs.getBigDecimal(7) == null ? null : rs.getBigDecimal(7).setScale(6), rs.getString(8), intOrNull(rs.getObject(9)),
            rs.getString(10), intOrNull(rs.getObject(11)), intOrNull(rs.getObject(12)), rs.getString(13), intOrNull(rs.getObject(14)),
            rs.getBoolean(15), rs.getBoolean(16), rs.getBoolean(17), rs.getBoolean(18), rs.getBoolean(19),
            rs.getObject(20, LocalDate.class), rs.getObject(21, LocalDate.class));

    /** Search criteria; null fields do not filter. */
    public record Criteria(String admdvs, String q, String category, String chrgitmLv, LocalDate asOf) {}

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditTrail audit;
    private final AuditQueries auditQueries;
    private final Clock clock;
    private final SettlementCatalogue settlementCatalogue;

    Catalogue(JdbcClient jdbc, Regions regions, AuditTrail audit, AuditQueries auditQueries, Clock clock,
              SettlementCatalogue settlementCatalogue) {
        this.settlementCatalogue = settlementCatalogue;
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.auditQueries = auditQueries;
        this.clock = clock;
    }

    /** The version of an item in force on a day in a region's catalogue (give the pooling region). */
    public Optional<CatalogueItem> item(String admdvs, String medListCodg, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from catalogue_item where admdvs = ? and med_list_codg = ? and" + AS_OF)
                .params(admdvs, medListCodg, asOf, asOf).query(ROW).optional();
    }

    public Page<CatalogueItem> search(Criteria c, int page, int size) {
        Checks.paging(page, size);
        LocalDate asOf = c.asOf() == null ? LocalDate.now(clock) : c.asOf();
        StringBuilder where = new StringBuilder(" from catalogue_item where admdvs = ? and" + AS_OF);
        List<Object> params = new ArrayList<>(List.of(c.admdvs(), asOf, asOf));
        if (c.q() != null && !c.q().isBlank()) {
            where.append(" and (med_list_codg like ? or name like ?)");
            params.add(c.q().strip() + "%");
            params.add("%" + c.q().strip() + "%");
        }
        if (c.category() != null && !c.category().isBlank()) {
            where.append(" and category = ?");
            params.add(c.category());
        }
        if (c.chrgitmLv() != null && !c.chrgitmLv().isBlank()) {
            where.append(" and chrgitm_lv = ?");
            params.add(c.chrgitmLv());
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(size);
        p.add(Page.offset(page, size));
        return new Page<>(jdbc.sql("select " + COLUMNS + where + " order by med_list_codg limit ? offset ?").params(p).query(ROW).list(),
                page, size, total);
    }

    public History<CatalogueItem> history(String admdvs, String medListCodg) {
        List<CatalogueItem> versions = jdbc.sql("select " + COLUMNS + " from catalogue_item where admdvs = ? and med_list_codg = ? order by valid_from")
                .params(admdvs, medListCodg).query(ROW).list();
        if (versions.isEmpty()) {
            throw new NotFoundException(ENTITY, key(admdvs, medListCodg));
        }
        return new History<>(versions, auditQueries.history(ENTITY, key(admdvs, medListCodg), 500));
    }

    /** Audit key of an item: region and code. */
    public static String key(String admdvs, String medListCodg) {
        return admdvs + "/" + medListCodg;
    }

    @Transactional
    public CatalogueItem create(CatalogueItem d) {
        validate(d, true);
        if (jdbc.sql("select count(*) from catalogue_item where admdvs = ? and med_list_codg = ?")
                .params(d.admdvs(), d.medListCodg()).query(Long.class).single() > 0) {
            throw new ConflictException("med_list_codg", "unique", "item " + d.medListCodg() + " is already in the catalogue of "
                    + d.admdvs() + "; change it with PUT instead");
        }
        CatalogueItem created = insert(d, d.validFrom() == null ? LocalDate.now(clock) : d.validFrom());
        audit.record("CREATE", ENTITY, key(d.admdvs(), d.medListCodg()), created.validFrom(), null, created);
        settlementCatalogue.changed(d.admdvs());
        return created;
    }

    @Transactional
    public CatalogueItem change(String admdvs, String medListCodg, CatalogueItem data, LocalDate effectiveFrom) {
        CatalogueItem current = jdbc.sql("select " + COLUMNS + " from catalogue_item where admdvs = ? and med_list_codg = ? and valid_to is null for update")
                .params(admdvs, medListCodg).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, key(admdvs, medListCodg)));
        CatalogueItem keyed = new CatalogueItem(admdvs, medListCodg, data.name(), data.category(), data.chrgitmLv(), data.selfpayProp(),
                data.priceCap(), data.medChrgitmType(), data.minInstLevel(), data.sexRestriction(), data.minAge(), data.maxAge(),
                data.indication(), data.maxDaysSupplied(), data.nonDisease(), data.chronicDrug(), data.imaging(), data.bedOnly(),
                data.perDay(), null, null);
        validate(keyed, false);
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        EffectiveDating.requireAfter(from, current.validFrom());
        jdbc.sql("update catalogue_item set valid_to = ? where admdvs = ? and med_list_codg = ? and valid_from = ?")
                .params(from, admdvs, medListCodg, current.validFrom()).update();
        CatalogueItem next = insert(keyed, from);
        audit.record("UPDATE", ENTITY, key(admdvs, medListCodg), from, current, next);
        settlementCatalogue.changed(admdvs);
        return next;
    }

    private CatalogueItem insert(CatalogueItem d, LocalDate from) {
        CatalogueItem row = new CatalogueItem(d.admdvs(), d.medListCodg(), d.name().strip(), d.category(), d.chrgitmLv(),
                d.selfpayProp().setScale(4), d.priceCap() == null ? null : d.priceCap().setScale(6), d.medChrgitmType(),
                d.minInstLevel(), d.sexRestriction(), d.minAge(), d.maxAge(), d.indication(), d.maxDaysSupplied(), d.nonDisease(),
                d.chronicDrug(), d.imaging(), d.bedOnly(), d.perDay(), from, null);
        jdbc.sql("insert into catalogue_item (" + COLUMNS + ", recorded_at, recorded_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,null,?,?)")
                .params(row.admdvs(), row.medListCodg(), row.name(), row.category(), row.chrgitmLv(), row.selfpayProp(), row.priceCap(),
                        row.medChrgitmType(), row.minInstLevel(), row.sexRestriction(), row.minAge(), row.maxAge(), row.indication(),
                        row.maxDaysSupplied(), row.nonDisease(), row.chronicDrug(), row.imaging(), row.bedOnly(), row.perDay(), from,
                        Timestamp.from(clock.instant()), AuditTrail.currentActor())
                .update();
        return row;
    }

    private void validate(CatalogueItem d, boolean creating) {
        Checks c = new Checks();
        if (creating) {
            if (c.admdvsFormat("admdvs", d.admdvs()) && !regions.exists(d.admdvs())) {
                c.add("admdvs", "exists", "region " + d.admdvs() + " is unknown; create the region first");
            }
            c.matches("med_list_codg", d.medListCodg(), CODE, "format", "1–50 letters, digits, '.' or '-'");
        }
        c.text("name", d.name(), 200);
        if (c.required("category", d.category()) && !CATEGORIES.contains(d.category())) {
            c.add("category", "enum", "one of DRUG, SERVICE, CONSUMABLE");
        }
        boolean levelOk = c.required("chrgitm_lv", d.chrgitmLv()) && LEVELS.contains(d.chrgitmLv());
        if (d.chrgitmLv() != null && !levelOk) {
            c.add("chrgitm_lv", "enum", "01 (甲类), 02 (乙类) or 03 (丙类)");
        }
        BigDecimal prop = d.selfpayProp();
        if (c.required("selfpay_prop", prop)) {
            if (prop.signum() < 0 || prop.compareTo(BigDecimal.ONE) > 0) {
                c.add("selfpay_prop", "range", "a share between 0 and 1 (got " + prop.toPlainString() + ")");
            } else if (c.decimals("selfpay_prop", prop, 4) && levelOk && "03".equals(d.chrgitmLv())
                    && prop.compareTo(BigDecimal.ONE) != 0) {
                c.add("selfpay_prop", "self_pay_level", "a 丙类 (03) item is fully self-paid: selfpay_prop must be 1");
            }
        }
        if (d.priceCap() != null) {
            if (d.priceCap().signum() <= 0) {
                c.add("price_cap", "positive", "a price cap is greater than 0; leave it out for no cap");
            } else if (c.decimals("price_cap", d.priceCap(), 6) && d.priceCap().precision() - d.priceCap().scale() > 10) {
                c.add("price_cap", "range", "at most 10 digits before the decimal point");
            }
        }
        c.matches("med_chrgitm_type", d.medChrgitmType(), TWO, "format", "医疗收费项目类别: 2 digits, e.g. 01 or 09");
        if (d.minInstLevel() != null && (d.minInstLevel() < 1 || d.minInstLevel() > 3)) {
            c.add("min_inst_level", "range", "1, 2 or 3");
        }
        if (d.sexRestriction() != null && !Set.of("1", "2").contains(d.sexRestriction())) {
            c.add("sex_restriction", "enum", "1 (male) or 2 (female); leave it out for no restriction");
        }
        if (d.minAge() != null && (d.minAge() < 0 || d.minAge() > 150)) {
            c.add("min_age", "range", "0–150");
        }
        if (d.maxAge() != null && (d.maxAge() < 0 || d.maxAge() > 150)) {
            c.add("max_age", "range", "0–150");
        }
        if (d.minAge() != null && d.maxAge() != null && d.minAge() > d.maxAge()) {
            c.add("max_age", "order", "max_age must not be below min_age");
        }
        c.optionalText("indication", d.indication(), 200);
        if (d.maxDaysSupplied() != null && (d.maxDaysSupplied() < 1 || d.maxDaysSupplied() > 366)) {
            c.add("max_days_supplied", "range", "1–366 days");
        }
        c.throwIfAny();
    }

    private static Integer intOrNull(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
