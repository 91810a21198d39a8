package org.yibao.server.console.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Figures of the dashboard, counted from the current (open) versions of the reference tables. Every
 * query is an aggregate over a partial index ({@code … where valid_to is null}).
 */
@Component
public class DashboardQueries {

    /** Headline counts. */
    public record Headline(long regions, long institutions, long persons, long catalogueItems) {}

    /** Institutions of one kind and level ({@code level} null for pharmacies). */
    public record InstitutionCount(String kind, Integer level, long count) {}

    /** Persons insured in one region with one insurance type (险种). */
    public record PersonCount(String admdvs, String regionName, String insutype, long count) {}

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Headline headline() {
        return jdbc.sql("""
                select (select count(*) from region where valid_to is null),
                       (select count(*) from institution where valid_to is null),
                       (select count(*) from person where valid_to is null),
                       (select count(*) from catalogue_item where valid_to is null)
                """)
                .query((rs, n) -> new Headline(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    public List<InstitutionCount> institutionsByKindAndLevel() {
        return jdbc.sql("""
                select kind, level, count(*) from institution where valid_to is null
                group by kind, level order by kind, level nulls last
                """)
                .query((rs, n) -> new InstitutionCount(rs.getString(1), (Integer) rs.getObject(2), rs.getLong(3)))
                .list();
    }

    public List<PersonCount> personsByRegionAndInsutype() {
        return jdbc.sql("""
                select p.insured_admdvs, r.name, p.insutype, p.n
                from (select insured_admdvs, insutype, count(*) as n from person where valid_to is null
                      group by insured_admdvs, insutype) p
                left join region r on r.admdvs = p.insured_admdvs and r.valid_to is null
                order by p.insured_admdvs, p.insutype
                """)
                .query((rs, n) -> new PersonCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }
}
