package org.yibao.server.payment.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.caserecord.CaseRecordQualityControl;
import org.yibao.engine.drg.DrgGrouper;
import org.yibao.engine.drg.DrgTables;
import org.yibao.engine.drg.GrouperVersion;
import org.yibao.engine.drgpay.DrgWeights;

/**
 * The grouper version and weights table a pooling region pays DRG with ({@code drg_region}, V88), and the
 * engine objects built from them, each built once and shared (the tables are immutable and thread-safe).
 * A region without DRG terms gets the default grouper version for quality control (DIP regions check the same
 * case records).
 */
@Component
public class DrgSetup {

    /** What a region's DRG payment is computed with. */
    public record Region(String admdvs, DrgGrouper grouper, CaseRecordQualityControl qualityControl, DrgWeights weights) {
        public GrouperVersion version() {
            return grouper.version();
        }
    }

    private record Engine(DrgGrouper grouper, CaseRecordQualityControl qualityControl) {}

    private final JdbcClient jdbc;
    private final Map<GrouperVersion, Engine> engines = new ConcurrentHashMap<>();
    private final Map<String, DrgWeights> weights = new ConcurrentHashMap<>();

    DrgSetup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The region's DRG terms, when it has them. */
    public Optional<Region> region(String poolingAdmdvs) {
        return jdbc.sql("select grouper_version, weights from drg_region where admdvs = ?").param(poolingAdmdvs)
                .query((rs, n) -> region(poolingAdmdvs, rs.getString(1), rs.getString(2))).optional();
    }

    /** A region's DRG terms as a month's run named them (the grouper version and weights table it paid with). */
    public Region region(String poolingAdmdvs, String grouperVersion, String weightsTable) {
        Engine e = engine(new GrouperVersion(grouperVersion));
        return new Region(poolingAdmdvs, e.grouper(), e.qualityControl(), weights.computeIfAbsent(weightsTable, DrgWeights::load));
    }

    /** Quality control with the region's grouper version, or the default version for a region without DRG terms. */
    public CaseRecordQualityControl qualityControl(String poolingAdmdvs) {
        return region(poolingAdmdvs).map(Region::qualityControl).orElseGet(() -> engine(GrouperVersion.CHS_DRG_1_1).qualityControl());
    }

    /** The grouper of a version (built once). */
    public DrgGrouper grouper(GrouperVersion version) {
        return engine(version).grouper();
    }

    private Engine engine(GrouperVersion version) {
        return engines.computeIfAbsent(version, v -> {
            DrgTables tables = DrgTables.load(v);
            return new Engine(new DrgGrouper(tables), new CaseRecordQualityControl(tables));
        });
    }
}
