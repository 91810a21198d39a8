package org.yibao.server.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yibao.engine.benefit.Catalogue;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.money.UnitPrice;
import org.yibao.engine.policy.InstitutionLevel;

/**
 * A region's catalogue as the benefit engine reads it (every version, looked up by code and date),
 * held in memory: settlements look up every fee line, so they must not query per line. Dropped after
 * any committed catalogue change and read again on next use.
 */
@Component
public class SettlementCatalogue {

    private record Version(LocalDate from, LocalDate to, org.yibao.engine.benefit.CatalogueItem item) {}

    private final JdbcClient jdbc;
    private final Map<String, Map<String, List<Version>>> regions = new ConcurrentHashMap<>();

    SettlementCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The engine's view of the catalogue of {@code admdvs} (give the pooling region). */
    public Catalogue of(String admdvs) {
        Map<String, List<Version>> items = regions.computeIfAbsent(admdvs, this::load);
        return (code, date) -> find(items.get(code), date);
    }

    private static Optional<org.yibao.engine.benefit.CatalogueItem> find(List<Version> versions, LocalDate date) {
        if (versions == null) {
            return Optional.empty();
        }
        for (Version v : versions) {
            if (!date.isBefore(v.from()) && (v.to() == null || date.isBefore(v.to()))) {
                return Optional.of(v.item());
            }
        }
        return Optional.empty();
    }

    private Map<String, List<Version>> load(String admdvs) {
        Map<String, List<Version>> items = new HashMap<>();
        jdbc.sql("""
                        select med_list_codg, chrgitm_lv, selfpay_prop, price_cap, min_inst_level, sex_restriction, min_age,
                               max_age, indication, non_disease, chronic_drug, valid_from, valid_to
                        from catalogue_item where admdvs = ?""")
                .param(admdvs)
                .query(rs -> {
                    String code = rs.getString(1);
                    BigDecimal cap = rs.getBigDecimal(4);
                    Integer level = (Integer) rs.getObject(5, Integer.class);
                    var item = new org.yibao.engine.benefit.CatalogueItem(code, rs.getString(2), Ratio.of(rs.getBigDecimal(3)),
                            cap == null ? null : UnitPrice.of(cap), level == null ? null : InstitutionLevel.of(level),
                            rs.getString(6), rs.getObject(7, Integer.class), rs.getObject(8, Integer.class),
                            rs.getString(9) != null, rs.getBoolean(10), rs.getBoolean(11));
                    items.computeIfAbsent(code, k -> new ArrayList<>())
                            .add(new Version(rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class), item));
                });
        return items;
    }

    /** Called inside a transaction that changes the catalogue: forget it once that transaction commits. */
    void changed(String admdvs) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    regions.remove(admdvs);
                }
            });
        } else {
            regions.remove(admdvs);
        }
    }
}
