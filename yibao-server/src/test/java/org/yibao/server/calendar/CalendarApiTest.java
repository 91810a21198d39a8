package org.yibao.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.IntegrationTest;
import org.yibao.server.support.ApiClient;
import org.yibao.server.support.PortalSession;
import org.yibao.server.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * R-CAL in the platform: the shipped 2025–2026 schedule is loaded at start; staff add days for a year
 * without a schedule (2031, which no other test uses) through the admin API, audited, and the
 * calendar every context uses changes at once; the console warns about a year without a schedule.
 */
@IntegrationTest
class CalendarApiTest {

    static final String YEAR_WITHOUT_DATA = "2031";

    @Autowired
    TestUsers users;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theShippedScheduleIsLoadedAtStart() {
        ApiClient.Response r = users.readOnly().get("/api/admin/calendar/2026");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode year = r.json();
        assertThat(year.get("schedule_missing").asBoolean()).isFalse();
        // 261 weekdays − 19 weekday holidays + 6 make-up weekend days.
        assertThat(year.get("working_days").asInt()).isEqualTo(248);
        JsonNode makeUp = day(year, "2026-02-14");
        assertThat(makeUp.get("kind").asString()).isEqualTo("WORKDAY");
        assertThat(makeUp.get("source").asString()).isEqualTo("FILE");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-07"))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-02-13"), 15)).isEqualTo(LocalDate.parse("2026-03-12"));
        assertThat(calendar.endOfWorkingDayPeriod(LocalDate.parse("2026-09-30"), 3)).isEqualTo(LocalDate.parse("2026-10-12").atStartOfDay());
    }

    @Test
    void staffAddADayToAYearWithoutScheduleAuditedAndTheConsoleWarnsUntilThen() {
        ApiClient clerk = users.clerk();
        clerk.delete("/api/admin/calendar/days/" + YEAR_WITHOUT_DATA + "-01-01");
        assertThat(clerk.get("/api/admin/calendar/" + YEAR_WITHOUT_DATA).json().get("schedule_missing").asBoolean()).isTrue();
        PortalSession console = new PortalSession(users.port());
        assertThat(console.consoleLogin("clerk1", TestUsers.PASSWORD).status()).isEqualTo(302);
        assertThat(console.get("/calendar?year=" + YEAR_WITHOUT_DATA).body()).contains("id=\"schedule-missing\"").contains("2031 年的放假安排尚未录入");
        // 2031-01-01 is a Wednesday: a working day while the year has no schedule.
        LocalDate newYear = LocalDate.parse(YEAR_WITHOUT_DATA + "-01-01");
        assertThat(calendar.isWorkingDay(newYear)).isTrue();

        ApiClient.Response set = clerk.put("/api/admin/calendar/days/2031-01-01", Map.of("kind", "holiday", "name", "元旦"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("source").asString()).isEqualTo("STAFF");
        assertThat(calendar.isWorkingDay(newYear)).isFalse();
        assertThat(calendar.hasSchedule(2031)).isTrue();
        assertThat(console.get("/calendar?year=" + YEAR_WITHOUT_DATA).body()).doesNotContain("id=\"schedule-missing\"")
                .contains("id=\"day-2031-01-01\"");
        assertThat(audits("CREATE")).isEqualTo(1);

        ApiClient.Response removed = clerk.delete("/api/admin/calendar/days/2031-01-01");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(calendar.isWorkingDay(newYear)).isTrue();
        assertThat(calendar.hasSchedule(2031)).isFalse();
        assertThat(audits("DELETE")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndNothingChanges() {
        ApiClient clerk = users.clerk();
        long before = jdbc.sql("select count(*) from calendar_day").query(Long.class).single();
        ApiClient.Response kind = clerk.put("/api/admin/calendar/days/2031-05-01", Map.of("kind", "rest", "name", "劳动节"));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        ApiClient.Response date = clerk.put("/api/admin/calendar/days/2031-02-30", Map.of("kind", "HOLIDAY", "name", "x"));
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.body()).contains("yyyy-MM-dd");
        ApiClient.Response name = clerk.put("/api/admin/calendar/days/2031-05-01", Map.of("kind", "HOLIDAY"));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(clerk.delete("/api/admin/calendar/days/2026-02-14").status()).as("a shipped day is not a staff entry").isEqualTo(404);
        assertThat(users.readOnly().put("/api/admin/calendar/days/2031-05-01", Map.of("kind", "HOLIDAY", "name", "劳动节")).status())
                .isEqualTo(403);
        assertThat(users.auditor().delete("/api/admin/calendar/days/2026-02-14").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from calendar_day").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theConsoleFormAddsAndRemovesADayAndReadOnlyUsersSeeNoForm() {
        users.clerk();
        PortalSession clerk = new PortalSession(users.port());
        assertThat(clerk.consoleLogin("clerk1", TestUsers.PASSWORD).status()).isEqualTo(302);
        PortalSession.Page saved = clerk.post("/calendar?year=2032", "/calendar/days", Map.of("date", "2032-10-01", "kind", "HOLIDAY", "name", "国庆节"));
        assertThat(saved.location()).endsWith("/calendar?year=2032");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2032-10-01"))).as("a Friday made a holiday").isFalse();
        assertThat(clerk.get("/calendar?year=2032").body()).contains("国庆节").contains("id=\"remove-2032-10-01\"");
        clerk.post("/calendar?year=2032", "/calendar/days", Map.of("date", "2032-10-02", "kind", "nonsense", "name", "x"));
        assertThat(clerk.get("/calendar?year=2032").body()).contains("id=\"calendar-errors\"").contains("kind 应为 HOLIDAY");
        clerk.post("/calendar?year=2032", "/calendar/days/2032-10-01/delete", Map.of());
        assertThat(calendar.isWorkingDay(LocalDate.parse("2032-10-01"))).isTrue();
        assertThat(clerk.get("/calendar?year=2026&lang=en").body()).contains("Working-day calendar").contains("February").doesNotContain("??");
        clerk.get("/calendar?lang=zh");

        users.readOnly();
        PortalSession viewer = new PortalSession(users.port());
        assertThat(viewer.consoleLogin("viewer1", TestUsers.PASSWORD).status()).isEqualTo(302);
        assertThat(viewer.get("/calendar?year=2026").body()).contains("春节调休上班").doesNotContain("id=\"calendar-form\"");
        assertThat(viewer.post("/calendar?year=2026", "/calendar/days", Map.of("date", "2026-10-09", "kind", "HOLIDAY", "name", "x")).status())
                .isEqualTo(403);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-09"))).isTrue();
    }

    private long audits(String action) {
        return jdbc.sql("""
                select count(*) from audit_log where entity_type = 'calendar_day' and entity_key = '2031-01-01' and action = ?
                  and actor = 'clerk1'""").param(action).query(Long.class).single();
    }

    private static JsonNode day(JsonNode year, String date) {
        for (JsonNode d : year.get("days")) {
            if (d.get("date").asString().equals(date)) {
                return d;
            }
        }
        throw new AssertionError("no " + date + " in " + year);
    }
}
