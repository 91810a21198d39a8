/**
 * Complaints (投诉举报, R-CMP): intake from the insured portal and from staff (12393 hotline entries,
 * the web); the states received → assigned → investigating → answered (closed) or escalated, each
 * transition with who and when (history and audit trail); the reply due 15 working days after receipt
 * by the {@link org.yibao.server.calendar.WorkingCalendar}; a daily job that escalates overdue
 * complaints; a link to a supervision case (free text until supervision exists). Staff use
 * {@code /api/admin/complaints} and the console; persons the portal's 我的投诉.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package org.yibao.server.complaint;
