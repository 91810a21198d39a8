package org.yibao.server.catalog;

import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One version of an entry of a region's chronic and special disease list (门诊慢特病病种); ratios and caps
 * are in the region's policy file.
 *
 * @param diseKey key of the list entry (I10, E11, N18.5); a recognised diagnosis starts with it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChronicDisease(String admdvs, String diseKey, String name, LocalDate validFrom, LocalDate validTo) {}
