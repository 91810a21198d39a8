package org.yibao.server.insured;

import java.time.LocalDate;

/**
 * One of a person's chosen designated institutions (定点医疗机构, R-INS-2), as {@code 我的定点} shows it.
 *
 * @param slot          定点序号 (fix_srt_no): a person may hold one choice per slot
 * @param serial        trt_dcla_detl_sn of the filing
 * @param channel       FSI (an institution's HIS, 2505), PORTAL (the person) or CONSOLE (staff)
 */
public record DesignatedInstitution(String serial, String personNo, int slot, String fixmedinsCode, String fixmedinsName,
                                    LocalDate beginDate, LocalDate endDate, String channel) {}
