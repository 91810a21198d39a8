package org.yibao.server.console.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The directory of designated institutions (定点医药机构), R-REF-1, as the console shows it. */
@Component
public class InstitutionQueries {

    /** Cross-region direct-settlement flags a list can be filtered by (异地直接结算). */
    public static final Set<String> FLAGS = Set.of("inpatient", "outpatient", "chronic");
    public static final List<String> KINDS = List.of("HOSPITAL", "COMMUNITY", "TOWNSHIP", "PHARMACY", "CLINIC");

    /** Filters of the directory; every field may be null (no filter). */
    public record Filter(String q, String admdvs, Integer level, String kind, String flag) {
        public Filter {
            q = Search.clean(q);
            admdvs = admdvs == null || admdvs.isBlank() ? null : admdvs.strip();
            kind = kind == null || !KINDS.contains(kind) ? null : kind;
            flag = flag == null || !FLAGS.contains(flag) ? null : flag;
            level = level == null || level < 1 || level > 3 ? null : level;
        }
    }

    /** One institution version. */
    public record InstitutionRow(String code, String name, String admdvs, String regionName, Integer level,
                                 String kind, String allianceCode, String allianceName, boolean designated,
                                 boolean xrInpatient, boolean xrOutpatient, boolean xrChronic, String address,
                                 LocalDate validFrom, LocalDate validTo, Instant recordedAt, String recordedBy) {}

    /** An institution with its history. */
    public record InstitutionFile(InstitutionRow current, List<InstitutionRow> versions) {}

    private static final String SELECT = """
            select i.fixmedins_code, i.name, i.admdvs, r.name, i.level, i.kind, i.alliance_code, a.name, i.designated,
                   i.xr_inpatient, i.xr_outpatient, i.xr_chronic, i.address, i.valid_from, i.valid_to,
                   i.recorded_at, i.recorded_by
            from institution i
            left join region r on r.admdvs = i.admdvs and r.valid_to is null
            left join alliance a on a.code = i.alliance_code
            """;

    private final JdbcClient jdbc;

    InstitutionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Slice<InstitutionRow> search(Filter filter, Paging paging) {
        String like = filter.q() == null ? null : "%" + Search.escape(filter.q()) + "%";
        String flagColumn = switch (filter.flag() == null ? "" : filter.flag()) {
            case "inpatient" -> " and i.xr_inpatient";
            case "outpatient" -> " and i.xr_outpatient";
            case "chronic" -> " and i.xr_chronic";
            default -> "";
        };
        List<InstitutionRow> rows = jdbc.sql(SELECT + """
                        where i.valid_to is null
                          and (cast(:q as text) is null or i.fixmedins_code like :q or i.name like :q)
                          and (cast(:admdvs as text) is null or i.admdvs = :admdvs)
                          and (cast(:level as integer) is null or i.level = :level)
                          and (cast(:kind as text) is null or i.kind = :kind)
                        """ + flagColumn + " order by i.fixmedins_code limit :limit offset :offset")
                .param("q", like)
                .param("admdvs", filter.admdvs())
                .param("level", filter.level())
                .param("kind", filter.kind())
                .param("limit", paging.probeLimit())
                .param("offset", paging.offset())
                .query((rs, n) -> row(rs))
                .list();
        return Slice.of(rows, paging);
    }

    public Optional<InstitutionFile> find(String code) {
        List<InstitutionRow> versions = jdbc.sql(SELECT + " where i.fixmedins_code = ? order by i.valid_from desc")
                .param(code)
                .query((rs, n) -> row(rs))
                .list();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        InstitutionRow current = versions.stream().filter(v -> v.validTo() == null).findFirst().orElse(versions.get(0));
        return Optional.of(new InstitutionFile(current, versions));
    }

    private static InstitutionRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new InstitutionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12), rs.getString(13),
                rs.getObject(14, LocalDate.class), rs.getObject(15, LocalDate.class),
                rs.getTimestamp(16).toInstant(), rs.getString(17));
    }
}
