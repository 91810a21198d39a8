package org.yibao.server.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yibao.server.platform.reference.Checks;
import org.yibao.server.platform.reference.Page;

/**
 * The 医保版 ICD-10 diseases and ICD-9-CM-3 procedures (CHS-DRG 1.1 lists), read-only: loaded once from
 * the bundled files.
 */
@Service
public class Diseases {

    /** Which list. */
    public enum Kind {
        DISEASE("disease"), PROCEDURE("procedure_code");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    private final JdbcClient jdbc;

    Diseases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Disease> disease(String code) {
        return find(Kind.DISEASE, code);
    }

    public Optional<Disease> procedure(String code) {
        return find(Kind.PROCEDURE, code);
    }

    public Optional<Disease> find(Kind kind, String code) {
        return jdbc.sql("select code, name from " + kind.table + " where code = ?").param(code)
                .query((rs, n) -> new Disease(rs.getString(1), rs.getString(2))).optional();
    }

    /** Codes starting with {@code q} or names containing it, in code order. */
    public Page<Disease> search(Kind kind, String q, int page, int size) {
        Checks.paging(page, size);
        String where = " from " + kind.table;
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            where += " where code like ? or name like ?";
            params.add(q.strip().toUpperCase() + "%");
            params.add("%" + q.strip() + "%");
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        params.add(size);
        params.add(Page.offset(page, size));
        return new Page<>(jdbc.sql("select code, name" + where + " order by code limit ? offset ?").params(params)
                .query((rs, n) -> new Disease(rs.getString(1), rs.getString(2))).list(), page, size, total);
    }
}
