package org.yibao.server.institution;

import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One version of a designated institution (定点医药机构).
 *
 * @param fixmedinsCode code of the institution (national interface name fixmedins_code)
 * @param admdvs        region where it is
 * @param level         1–3 for hospitals and health centres, null for pharmacies
 * @param kind          HOSPITAL, COMMUNITY, TOWNSHIP, PHARMACY or CLINIC
 * @param xrInpatient   异地住院直接结算 allowed
 * @param xrOutpatient  异地普通门诊直接结算 allowed
 * @param xrChronic     异地门诊慢特病直接结算 allowed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Institution(String fixmedinsCode, String name, String admdvs, Integer level, String kind, String allianceCode,
                          boolean designated, boolean xrInpatient, boolean xrOutpatient, boolean xrChronic, String address,
                          LocalDate validFrom, LocalDate validTo) {}
