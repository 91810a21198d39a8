package org.yibao.server.region;

import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One version of a region (统筹区 pooling region, or a county inside one).
 *
 * @param admdvs           region code, 6 digits
 * @param provinceAdmdvs   the province it belongs to
 * @param poolingAdmdvs    the pooling region whose fund, policy and catalogue apply (itself for a pooling region)
 * @param inpatientPayment DRG, DIP or ITEM (fee for service)
 * @param validFrom        first day of this version
 * @param validTo          first day it is no longer in force, null while open
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Region(String admdvs, String name, String provinceAdmdvs, String poolingAdmdvs, String inpatientPayment,
                     LocalDate validFrom, LocalDate validTo) {

    public boolean isPooling() {
        return admdvs.equals(poolingAdmdvs);
    }
}
