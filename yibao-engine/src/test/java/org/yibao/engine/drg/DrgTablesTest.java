package org.yibao.engine.drg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Versioned table sets: named, complete, and refused with file and line when they do not read. */
class DrgTablesTest {

    @Test
    void theShippedVersionIsChsDrg11WithItsTablesAndLicence() {
        DrgTables t = SharedChsDrgData.SHIPPED;
        assertThat(t.version().name()).isEqualTo("chs-drg-1.1");
        assertThat(t.mdcOrder()).hasSize(26);
        assertThat(t.isDiagnosis("K35.800x001")).isTrue();
        assertThat(t.isProcedure("47.0901")).isTrue();
        assertThat(t.isDiagnosis("47.0901")).isFalse();
        assertThat(t.drgName("GD25")).isEqualTo("阑尾切除术，不伴并发症或合并症");
        assertThat(DrgTables.class.getResource("/drg/chs-drg-1.1/LICENSE")).isNotNull();
    }

    @Test
    void aVersionNameIsOneSafePathSegment() {
        assertThat(new GrouperVersion("chs-drg-1.1-tongchuan").resourceFolder()).isEqualTo("/drg/chs-drg-1.1-tongchuan/");
        assertThatThrownBy(() -> new GrouperVersion("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GrouperVersion("CHS DRG")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersionWithoutTablesIsRefusedByName() {
        assertThatThrownBy(() -> DrgTables.load(new GrouperVersion("chs-drg-9.9")))
                .hasMessageContaining("missing from the table set");
    }

    @Test
    void aRuleThatDoesNotParseIsRefusedWithFileAndLine() {
        String mdc = SharedChsDrgData.read("mdc.tsv").replace("principal_dx in PRINCIPAL_DX and sex=1", "principal_dx in PRINCIPAL_DX and sex=male");
        assertThatThrownBy(() -> SharedChsDrgData.sharedWith("mdc.tsv", mdc))
                .hasMessageStartingWith("mdc.tsv line 6: rule \"principal_dx in PRINCIPAL_DX and sex=male\"");
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsIsRefused() {
        assertThatThrownBy(() -> SharedChsDrgData.sharedWith("mcc.tsv", "code\texclusion_table\nA01.100\n"))
                .hasMessage("mcc.tsv line 2: expected 2 tab-separated columns, found 1");
    }

    @Test
    void aDrgOfAnUnknownAdrgIsRefused() {
        String drg = SharedChsDrgData.read("drg.tsv") + "XX19\tnowhere\tXX1\t1\tALWAYS\n";
        assertThatThrownBy(() -> SharedChsDrgData.sharedWith("drg.tsv", drg)).hasMessageContaining("[XX1]");
    }

    @Test
    void theTablesDriveTheGrouping() {
        // Moving N40.x00 from MDCM's list to MDCN's moves the case with it: nothing about MDCs is in code.
        // (No N-ADRG lists it, so the case enters MDCN and falls through.)
        String codes = SharedChsDrgData.read("mdc_codes.tsv").replace("MDCM\tPRINCIPAL_DX\tN40.x00", "MDCN\tPRINCIPAL_DX\tN40.x00");
        DrgGrouper moved = new DrgGrouper(SharedChsDrgData.sharedWith("mdc_codes.tsv", codes));
        DrgCase woman = DrgGrouperStepsTest.patient("2", 70, java.util.List.of("N40.x00"), java.util.List.of());
        assertThat(new DrgGrouper(SharedChsDrgData.SHIPPED).group(woman).mdc()).isEqualTo("0000");
        assertThat(new DrgGrouper(SharedChsDrgData.SHIPPED).group(woman).reasons()).noneMatch(l -> l.startsWith("Entered MDCN"));
        assertThat(moved.group(woman).reasons()).anyMatch(l -> l.startsWith("Entered MDCN"));
    }
}
