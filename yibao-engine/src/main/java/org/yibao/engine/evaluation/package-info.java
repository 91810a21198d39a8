/**
 * Annual evaluation of designated institutions (定点医药机构年度考核, DOMAIN §7 R-INST-2): five
 * indicators of 20 points each, every one linear between its zero and its full point, the total out
 * of 100, the renewal decision and the next-year quota adjustment of a community centre. Pure: the
 * caller gathers the indicator data (counts and rates) and gets back every score with the value it
 * came from, so a report can explain each number. No framework imports.
 */
package org.yibao.engine.evaluation;
