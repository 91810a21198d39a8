/**
 * Catalogues (医保目录) per region with effective dates: drugs, service items and consumables with
 * their level, self-pay share, price cap and restrictions (R-REF-3); the 医保版 ICD-10 diseases and
 * ICD-9-CM-3 procedures; and each region's chronic and special disease list (门诊慢特病病种).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package org.yibao.server.catalog;
