package org.yibao.server.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One version of a catalogue item (医保目录条目) of a region.
 *
 * @param medListCodg     医保目录编码 (national interface name med_list_codg)
 * @param category        DRUG, SERVICE or CONSUMABLE
 * @param chrgitmLv       01 甲类 (fully in scope), 02 乙类 (after a first self-pay share), 03 丙类 (self-pay)
 * @param selfpayProp     先行自付比例 of a 乙类 item, 4 decimals; 1 for 丙类
 * @param priceCap        支付标准/限价 per unit, 6 decimals; the part of a unit price above it is self-paid
 * @param medChrgitmType  医疗收费项目类别, 2 characters
 * @param minInstLevel    lowest institution level allowed to bill it (限二级及以上 = 2)
 * @param sexRestriction  1 male or 2 female only
 * @param indication      限…支付 text (needs hosp_appr_flag = 1)
 * @param nonDisease      health checks, cosmetics: never paid by mutual aid
 * @param chronicDrug     long prescriptions allowed (R-INS-3)
 * @param imaging         result reported (R-SUP-2)
 * @param bedOnly         bed/nursing/consultation item (hanging-bed rule)
 * @param perDay          billed per day
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatalogueItem(String admdvs, String medListCodg, String name, String category, String chrgitmLv,
                            BigDecimal selfpayProp, BigDecimal priceCap, String medChrgitmType, Integer minInstLevel,
                            String sexRestriction, Integer minAge, Integer maxAge, String indication, Integer maxDaysSupplied,
                            boolean nonDisease, boolean chronicDrug, boolean imaging, boolean bedOnly, boolean perDay,
                            LocalDate validFrom, LocalDate validTo) {}
