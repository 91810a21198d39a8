/**
 * The working-day calendar (R-CAL): the official schedule shipped with the product
 * ({@code reference/calendar/*.tsv}) plus the days staff add or correct for later years
 * ({@code calendar_day}, audited), as one {@link org.yibao.server.calendar.WorkingCalendar} every
 * working-day deadline is computed with. Staff use {@code /api/admin/calendar} and the console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package org.yibao.server.calendar;
