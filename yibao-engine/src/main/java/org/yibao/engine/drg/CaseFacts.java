package org.yibao.engine.drg;

import java.util.List;

/**
 * What the rules of one grouping read about a validated case: the normalised sex, the codes as arrays,
 * and the CC/MCC and body-region facts, worked out only when a rule asks. One per grouping, never shared.
 */
final class CaseFacts {

    final DrgCase source;
    final DrgTables tables;
    final String sex;
    final String principal;
    final String[] diagnoses;
    final String[] procedures;

    private byte mcc = -1;
    private byte ccOrMcc = -1;
    private int regions = -1;

    CaseFacts(DrgCase source, DrgTables tables, String normalisedSex) {
        this.source = source;
        this.tables = tables;
        this.sex = normalisedSex;
        this.diagnoses = source.diagnoses().toArray(new String[0]);
        this.procedures = source.procedures().toArray(new String[0]);
        this.principal = diagnoses.length == 0 ? "" : diagnoses[0];
    }

    int field(Rule.Field field) {
        return switch (field) {
            case AGE_YEARS -> source.ageYears();
            case AGE_DAYS -> source.ageDays();
            case WEIGHT -> source.weightGrams();
            case LOS -> source.losDays();
            case N_DX -> diagnoses.length;
            case N_PROC -> procedures.length;
            case SEX -> throw new IllegalStateException("sex is compared as text");
        };
    }

    /** README §6: a secondary diagnosis in mcc.tsv whose exclusion table differs from the principal's. */
    boolean hasMcc() {
        if (mcc < 0) {
            mcc = (byte) (countsIn(tables.mcc()) ? 1 : 0);
        }
        return mcc == 1;
    }

    /** README §6: MCC or CC, each with its own exclusion test (the MCC list is not part of the CC list). */
    boolean hasCcOrMcc() {
        if (ccOrMcc < 0) {
            ccOrMcc = (byte) (hasMcc() || countsIn(tables.cc()) ? 1 : 0);
        }
        return ccOrMcc == 1;
    }

    private boolean countsIn(java.util.Map<String, String> list) {
        String own = tables.exclusionTable(principal);
        for (int i = 1; i < diagnoses.length; i++) {
            String table = list.get(diagnoses[i]);
            if (table != null && (own.isEmpty() || !table.equals(own))) {
                return true;
            }
        }
        return false;
    }

    /** The number of distinct MDCZ body regions covered by all diagnoses (README §4). */
    int regions() {
        if (regions < 0) {
            int mask = 0;
            for (String d : diagnoses) {
                int region = tables.region(d);
                if (region >= 0) {
                    mask |= 1 << region;
                }
            }
            regions = Integer.bitCount(mask);
        }
        return regions;
    }

    List<String> regionNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String d : diagnoses) {
            int region = tables.region(d);
            if (region >= 0) {
                names.add(tables.regionName(region));
            }
        }
        return List.copyOf(names);
    }
}
