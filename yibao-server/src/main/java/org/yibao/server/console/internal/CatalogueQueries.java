package org.yibao.server.console.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The catalogue (医保目录) of a region, R-REF-3, as the console shows it. */
@Component
public class CatalogueQueries {

    public static final List<String> LEVELS = List.of("01", "02", "03");
    public static final List<String> CATEGORIES = List.of("DRUG", "SERVICE", "CONSUMABLE");

    /** Filters of the catalogue list; admdvs is required (each region has its own catalogue). */
    public record Filter(String admdvs, String q, String level, String category) {
        public Filter {
            q = Search.clean(q);
            level = level == null || !LEVELS.contains(level) ? null : level;
            category = category == null || !CATEGORIES.contains(category) ? null : category;
        }
    }

    /** One catalogue item version. Ratios keep 4 decimals, price caps 6 (shown with 2 when whole cents). */
    public record ItemRow(String admdvs, String code, String name, String category, String level,
                          BigDecimal selfpayProp, BigDecimal priceCap, String medChrgitmType, Integer minInstLevel,
                          String sexRestriction, Integer minAge, Integer maxAge, String indication,
                          Integer maxDaysSupplied, boolean nonDisease, boolean chronicDrug, boolean imaging,
                          boolean bedOnly, boolean perDay, LocalDate validFrom, LocalDate validTo,
                          Instant recordedAt, String recordedBy) {}

    public record ItemFile(ItemRow current, List<ItemRow> versions) {}

    private static final String SELECT = """
            select admdvs, med_list_codg, name, category, chrgitm_lv, selfpay_prop, price_cap, med_chrgitm_type,
                   min_inst_level, sex_restriction, min_age, max_age, indication, max_days_supplied, non_disease,
                   chronic_drug, imaging, bed_only, per_day, valid_from, valid_to, recorded_at, recorded_by
            from catalogue_item
            """;

    private final JdbcClient jdbc;

    CatalogueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Slice<ItemRow> search(Filter filter, Paging paging) {
        String like = filter.q() == null ? null : "%" + Search.escape(filter.q()) + "%";
        List<ItemRow> rows = jdbc.sql(SELECT + """
                        where valid_to is null and admdvs = :admdvs
                          and (cast(:q as text) is null or med_list_codg like :q or name like :q)
                          and (cast(:level as text) is null or chrgitm_lv = :level)
                          and (cast(:category as text) is null or category = :category)
                        order by med_list_codg limit :limit offset :offset
                        """)
                .param("admdvs", filter.admdvs())
                .param("q", like)
                .param("level", filter.level())
                .param("category", filter.category())
                .param("limit", paging.probeLimit())
                .param("offset", paging.offset())
                .query((rs, n) -> row(rs))
                .list();
        return Slice.of(rows, paging);
    }

    public Optional<ItemFile> find(String admdvs, String code) {
        List<ItemRow> versions = jdbc.sql(SELECT + " where admdvs = ? and med_list_codg = ? order by valid_from desc")
                .params(admdvs, code)
                .query((rs, n) -> row(rs))
                .list();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        ItemRow current = versions.stream().filter(v -> v.validTo() == null).findFirst().orElse(versions.get(0));
        return Optional.of(new ItemFile(current, versions));
    }

    private static ItemRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ItemRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), (Integer) rs.getObject(9),
                rs.getString(10), (Integer) rs.getObject(11), (Integer) rs.getObject(12), rs.getString(13),
                (Integer) rs.getObject(14), rs.getBoolean(15), rs.getBoolean(16), rs.getBoolean(17),
                rs.getBoolean(18), rs.getBoolean(19), rs.getObject(20, LocalDate.class),
                rs.getObject(21, LocalDate.class), rs.getTimestamp(22).toInstant(), rs.getString(23));
    }
}
