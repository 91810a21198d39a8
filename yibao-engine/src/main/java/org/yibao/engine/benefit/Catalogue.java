package org.yibao.engine.benefit;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The treatment region's catalogue as a lookup: the item of a code in force on a date (DOMAIN §4.1:
 * "the treatment region's catalogue in force on fee_ocur_time"); empty when the code is not listed.
 */
@FunctionalInterface
public interface Catalogue {

    Optional<CatalogueItem> find(String medListCodg, LocalDate onDate);
}
