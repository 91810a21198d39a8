package org.yibao.engine.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R-PAY-1 done-when: every case of shared/data/chs-drg-1.1/samples.csv groups to its listed result. */
class DrgSamplesTest {

    private final DrgGrouper grouper = new DrgGrouper(SharedChsDrgData.SHIPPED);

    @Test
    void everySampleGroupsToItsListedDrgMdcAdrgAndStatus() {
        List<String> lines = SharedChsDrgData.samples();
        assertThat(DrgCaseLine.isHeader(lines.get(0))).isTrue();
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            cases++;
            String[] cells = line.split(",", -1);
            String expected = String.join(",", cells[10], cells[11], cells[12], cells[13]);
            GroupingResult r = grouper.group(DrgCaseLine.parse(line, i + 1));
            if (!r.toString().equals(expected)) {
                mismatches.add(cells[0] + ": expected " + expected + ", got " + r);
            }
        }
        assertThat(cases).isEqualTo(1000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theShippedTablesAreTheSharedOnes() {
        DrgTables shared = DrgTables.read(GrouperVersion.CHS_DRG_1_1,
                name -> java.nio.file.Files.newInputStream(SharedChsDrgData.file(name)));
        DrgGrouper fromShared = new DrgGrouper(shared);
        for (String line : SharedChsDrgData.samples().subList(1, 1001)) {
            DrgCase c = DrgCaseLine.parse(line, 0);
            assertThat(fromShared.group(c).toString()).isEqualTo(grouper.group(c).toString());
        }
    }
}
