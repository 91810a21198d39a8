package org.yibao.server.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.engine.supervision.CodeTable;
import org.yibao.engine.supervision.KnowledgeBase;

/**
 * The demo knowledge base names the demo catalogue's items (R-SUP-2): every exact item code is in
 * region 990100's catalogue, and every catalogue item a prefix row covers is the item the row names —
 * so a change of the generated catalogue's code shapes cannot silently point a rule at other items.
 */
@org.yibao.server.IntegrationTest
class SupervisionKnowledgeBaseTest {

    @Autowired
    JdbcClient jdbc;

    private record Row(String table, String key, String name) {}

    @Test
    void everyItemRowOfTheDemoTablesNamesTheCatalogueItemsItCovers() {
        KnowledgeBase kb = KnowledgeBase.demo();
        List<Row> rows = new ArrayList<>();
        for (String set : kb.setNames()) {
            if (set.endsWith("_diagnoses")) {
                continue;
            }
            add(rows, "item_sets.tsv " + set, kb.set(set), m -> m.name());
        }
        add(rows, "restrictions.tsv", kb.restrictions(), KnowledgeBase.Restriction::name);
        add(rows, "frequency.tsv", kb.frequencies(), KnowledgeBase.Frequency::name);
        Map<String, String> catalogue = new java.util.HashMap<>();
        jdbc.sql("select med_list_codg, name from catalogue_item where admdvs = '990100' and valid_to is null")
                .query(rs -> {
                    catalogue.put(rs.getString(1), rs.getString(2));
                });
        int covered = 0;
        for (Row r : rows) {
            String expected = r.name().replaceAll("（.*", "");
            if (!r.key().endsWith("*")) {
                assertThat(catalogue).as(r.table() + " " + r.key()).containsKey(r.key());
                assertThat(catalogue.get(r.key())).as(r.table() + " " + r.key()).contains(expected);
                continue;
            }
            String prefix = r.key().substring(0, r.key().length() - 1);
            for (Map.Entry<String, String> item : catalogue.entrySet()) {
                if (item.getKey().startsWith(prefix)) {
                    covered++;
                    assertThat(item.getValue()).as(r.table() + " " + r.key() + " covers " + item.getKey()).contains(expected);
                }
            }
        }
        assertThat(covered).as("generated items covered by prefix rows").isPositive();
    }

    private static <T> void add(List<Row> rows, String table, CodeTable<T> t, java.util.function.Function<T, String> name) {
        for (String key : t.keys()) {
            T row = t.find(key.endsWith("*") ? key.substring(0, key.length() - 1) : key);
            rows.add(new Row(table, key, name.apply(row)));
        }
    }
}
