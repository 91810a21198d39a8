/**
 * Designated institutions (定点医药机构, R-REF-1) and the medical alliances (医联体) they form,
 * effective-dated and audited (R-REF-5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Institutions")
package org.yibao.server.institution;
