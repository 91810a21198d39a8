package org.yibao.server.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Size of the demo history ({@code yibao.demo.history.*}): how many visits the generated persons have
 * per year, in thousandths (integers keep the generator free of floating point).
 *
 * @param enabled            generate the history in the background after the first start
 * @param outpatientPerMille general-outpatient visits per person-year × 1000 (1500 = 1.5); age shifts it
 * @param inpatientPerMille  admissions per person-year × 1000 (150 = 15%); age shifts it
 * @param batchPersons       persons per transaction
 */
@ConfigurationProperties("yibao.demo.history")
record DemoHistoryProperties(Boolean enabled, Integer outpatientPerMille, Integer inpatientPerMille, Integer batchPersons) {

    DemoHistoryProperties {
        enabled = enabled == null || enabled;
        outpatientPerMille = outpatientPerMille == null ? 1500 : outpatientPerMille;
        inpatientPerMille = inpatientPerMille == null ? 150 : inpatientPerMille;
        batchPersons = batchPersons == null ? 2000 : batchPersons;
        if (outpatientPerMille < 0 || inpatientPerMille < 0 || batchPersons < 1) {
            throw new IllegalArgumentException("yibao.demo.history: rates must not be negative and batch-persons at least 1");
        }
    }
}
