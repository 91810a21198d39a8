package org.yibao.server.insured;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.engine.policy.RegionPolicy;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.insured.internal.FilingSerials;
import org.yibao.server.policy.PolicyBook;

/**
 * R-INS-2 designated institutions (定点医疗机构): the institutions a person chooses for outpatient care,
 * one per slot ({@code fix_srt_no}), with the full history of choices. Used by 2505/2506 (an
 * institution's HIS), and meant for the portal ("我的定点") and the console.
 *
 * <p>A choice counts as a <em>change</em> when the person already had a designated institution; the
 * changes a person may make in a calendar year come from the insured region's policy
 * ({@code designation_changes_per_year}, possibly unlimited). A cancelled choice does not count and
 * gives the choice it replaced its old end date back.
 */
@Service
public class DesignatedInstitutions {

    public static final Set<String> CHANNELS = Filings.CHANNELS;
    public static final int MAX_SLOT = 9;

    /**
     * A choice to file.
     *
     * @param slot      定点序号 1–{@value #MAX_SLOT}
     * @param beginDate from when it applies (not before today)
     * @param endDate   last day, null = open
     * @param actor     who filed it (the operator, the person or a staff user)
     * @param via       the institution whose HIS filed it; null for the portal and the console
     */
    public record Choice(String personNo, String fixmedinsCode, int slot, LocalDate beginDate, LocalDate endDate,
                         String channel, String actor, String via) {}

    private static final String COLUMNS = "d.trt_dcla_detl_sn, d.psn_no, d.fix_srt_no, d.fixmedins_code, "
            + "(select i.name from institution i where i.fixmedins_code = d.fixmedins_code order by i.valid_from desc limit 1), "
            + "d.begin_date, d.end_date, d.channel";
    private static final RowMapper<DesignatedInstitution> ROW = (rs, n) -> new DesignatedInstitution(rs.getString(1), rs.getString(2),
            rs.getInt(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
            rs.getString(8));

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Institutions institutions;
    private final PolicyBook policies;
    private final FilingSerials serials;
    private final Clock clock;

    DesignatedInstitutions(JdbcClient jdbc, Persons persons, Institutions institutions, PolicyBook policies, FilingSerials serials,
                           Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.institutions = institutions;
        this.policies = policies;
        this.serials = serials;
        this.clock = clock;
    }

    /** The person's designated institutions in force today, by slot. */
    public List<DesignatedInstitution> current(String personNo) {
        return current(personNo, LocalDate.now(clock));
    }

    public List<DesignatedInstitution> current(String personNo, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from designated_institution d where d.psn_no = ? and d.cancelled_at is null "
                        + "and d.begin_date <= ? and (d.end_date is null or d.end_date >= ?) order by d.fix_srt_no, d.begin_date")
                .params(personNo, date, date).query(ROW).list();
    }

    /** Chooses {@code fixmedinsCode} for slot 1 from {@code date}, open-ended. */
    @Transactional
    public DesignatedInstitution choose(String personNo, String fixmedinsCode, String channel, String actor, LocalDate date) {
        return choose(new Choice(personNo, fixmedinsCode, 1, date, null, channel, actor, null));
    }

    @Transactional
    public DesignatedInstitution choose(Choice c) {
        LocalDate today = LocalDate.now(clock);
        requireChannel(c.channel());
        if (c.slot() < 1 || c.slot() > MAX_SLOT) {
            throw new FilingRefused("fix_srt_no", "定点序号应为 1–" + MAX_SLOT + "，收到 " + c.slot());
        }
        LocalDate begin = c.beginDate() == null ? today : c.beginDate();
        if (begin.isBefore(today)) {
            throw new FilingRefused("begndate", "开始日期 " + begin + " 早于今天 " + today + "；定点选择只能从今天或以后生效");
        }
        if (begin.isAfter(today.plusYears(1))) {
            throw new FilingRefused("begndate", "开始日期 " + begin + " 晚于一年以后；请在临近时再备案");
        }
        if (c.endDate() != null && c.endDate().isBefore(begin)) {
            throw new FilingRefused("enddate", "结束日期 " + c.endDate() + " 早于开始日期 " + begin);
        }
        Person person = persons.find(c.personNo(), begin)
                .orElseThrow(() -> new FilingRefused("psn_no", "人员 " + c.personNo() + " 不存在或在 " + begin + " 未参保"));
        Institution chosen = institutions.find(c.fixmedinsCode(), begin).filter(Institution::designated)
                .orElseThrow(() -> new FilingRefused("fixmedins_code", "机构 " + c.fixmedinsCode() + " 不是有效的定点医疗机构"));
        if ("PHARMACY".equals(chosen.kind())) {
            throw new FilingRefused("fixmedins_code", "机构 " + c.fixmedinsCode() + " 是定点零售药店，门诊定点只能选择定点医疗机构");
        }
        String personPooling = policies.poolingRegionOn(person.insuredAdmdvs(), begin);
        String institutionPooling = policies.poolingRegionOn(chosen.admdvs(), begin);
        if (!personPooling.equals(institutionPooling)) {
            throw new FilingRefused("fixmedins_code", "机构 " + c.fixmedinsCode() + " 不在参保地统筹区 " + personPooling
                    + "，门诊定点只能选择参保地的定点医疗机构");
        }
        // One choice at a time per person: the yearly count and the slot's history are read under this lock.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('designated_institution'), hashtext(?))").param(c.personNo())
                .query((rs, n) -> 1).list();
        List<DesignatedInstitution> held = current(c.personNo(), begin);
        for (DesignatedInstitution d : held) {
            if (d.fixmedinsCode().equals(c.fixmedinsCode())) {
                throw new FilingRefused("fixmedins_code", "机构 " + c.fixmedinsCode() + " 已是该人员的定点医疗机构（定点序号 " + d.slot()
                        + "，" + d.beginDate() + " 起），无需再备案");
            }
        }
        Optional<LocalDate> later = jdbc.sql("select begin_date from designated_institution where psn_no = ? and fix_srt_no = ? "
                        + "and cancelled_at is null and begin_date > ? order by begin_date limit 1").params(c.personNo(), c.slot(), begin)
                .query(LocalDate.class).optional();
        if (later.isPresent()) {
            throw new FilingRefused("begndate", "定点序号 " + c.slot() + " 已有 " + later.get() + " 起的定点备案；如需改选，请先撤销该备案（2506）");
        }
        boolean change = !held.isEmpty()
                || jdbc.sql("select count(*) from designated_institution where psn_no = ? and cancelled_at is null and begin_date <= ? "
                        + "and (end_date is null or end_date >= ?)").params(c.personNo(), today, today).query(Long.class).single() > 0;
        if (change) {
            checkYearlyLimit(person, today);
        }
        Optional<Replaced> replaced = jdbc.sql("select id, end_date from designated_institution where psn_no = ? and fix_srt_no = ? "
                        + "and cancelled_at is null and begin_date <= ? and (end_date is null or end_date >= ?)")
                .params(c.personNo(), c.slot(), begin, begin)
                .query((rs, n) -> new Replaced(rs.getLong(1), rs.getObject(2, LocalDate.class))).optional();
        // A choice replaced on the day it begins ends the day before: an empty period, it never applied.
        replaced.ifPresent(r -> jdbc.sql("update designated_institution set end_date = ? where id = ?").params(begin.minusDays(1), r.id())
                .update());
        String serial = serials.next(FilingSerials.Kind.DESIGNATED_INSTITUTION, person.insuredAdmdvs(), today);
        jdbc.sql("""
                        insert into designated_institution (trt_dcla_detl_sn, psn_no, fix_srt_no, fixmedins_code, begin_date, end_date,
                            counts_as_change, replaces_id, replaced_end_date, channel, recorded_by, recorded_via, recorded_on, recorded_at)
                        values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(serial, c.personNo(), c.slot(), c.fixmedinsCode(), begin, c.endDate(), change,
                        replaced.map(Replaced::id).orElse(null), replaced.map(Replaced::endDate).orElse(null), c.channel(),
                        c.actor(), c.via(), today, Timestamp.from(clock.instant()))
                .update();
        return new DesignatedInstitution(serial, c.personNo(), c.slot(), c.fixmedinsCode(), chosen.name(), begin, c.endDate(), c.channel());
    }

    private record Replaced(long id, LocalDate endDate) {}

    /** R-INS-2: changes per calendar year, from the insured region's policy of this year. */
    private void checkYearlyLimit(Person person, LocalDate today) {
        RegionPolicy policy = policies.policyOn(person.insuredAdmdvs(), today)
                .orElseThrow(() -> new FilingRefused(null, "参保地 " + person.insuredAdmdvs() + " 没有 " + today.getYear()
                        + " 年的医保政策，暂不能变更定点医疗机构"));
        if (policy.designationChangesUnlimited()) {
            return;
        }
        int limit = policy.designationChangesPerYear();
        long made = jdbc.sql("select count(*) from designated_institution where psn_no = ? and counts_as_change and cancelled_at is null "
                        + "and recorded_on between ? and ?")
                .params(person.personNo(), today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear())).query(Long.class).single();
        if (made >= limit) {
            throw new FilingRefused("fixmedins_code", "本年度（" + today.getYear() + " 年）已变更定点医疗机构 " + made + " 次，参保地 "
                    + policy.admdvs() + " 每个自然年最多变更 " + limit + " 次；" + today.plusYears(1).withDayOfYear(1)
                    + " 起可再变更");
        }
    }

    /**
     * Cancels a choice (撤销定点备案). Through an institution ({@code via} not null) only a choice that
     * institution filed can be cancelled; any other serial is answered as unknown.
     */
    @Transactional
    public DesignatedInstitution cancel(String personNo, String serial, String channel, String actor, String via, String memo) {
        requireChannel(channel);
        jdbc.sql("select pg_advisory_xact_lock(hashtext('designated_institution'), hashtext(?))").param(personNo)
                .query((rs, n) -> 1).list();
        record Row(long id, Long replacesId, LocalDate replacedEnd, String recordedVia, java.time.Instant cancelledAt) {}
        Row row = jdbc.sql("select id, replaces_id, replaced_end_date, recorded_via, cancelled_at from designated_institution "
                        + "where trt_dcla_detl_sn = ? and psn_no = ? for update").params(serial, personNo)
                .query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional()
                .filter(r -> via == null || via.equals(r.recordedVia()))
                .orElseThrow(() -> new FilingRefused("trt_dcla_detl_sn", "定点备案 " + serial + " 不存在（或不是本机构办理的该人员的备案）"));
        if (row.cancelledAt() != null) {
            throw new FilingRefused("trt_dcla_detl_sn", "定点备案 " + serial + " 已于 " + row.cancelledAt().atZone(clock.getZone()).toLocalDate()
                    + " 撤销，无需再撤销");
        }
        Optional<String> successor = jdbc.sql("select trt_dcla_detl_sn from designated_institution where replaces_id = ? and cancelled_at is null")
                .param(row.id()).query(String.class).optional();
        if (successor.isPresent()) {
            throw new FilingRefused("trt_dcla_detl_sn", "定点备案 " + serial + " 已被后来的定点备案 " + successor.get()
                    + " 替换，请先撤销后来的备案");
        }
        jdbc.sql("update designated_institution set cancelled_at = ?, cancelled_by = ?, cancel_memo = ? where id = ?")
                .params(Timestamp.from(clock.instant()), actor, memo, row.id()).update();
        if (row.replacesId() != null) {
            // The replaced choice applies again as it did before.
            jdbc.sql("update designated_institution set end_date = ? where id = ?").params(row.replacedEnd(), row.replacesId()).update();
        }
        return jdbc.sql("select " + COLUMNS + " from designated_institution d where d.id = ?").param(row.id()).query(ROW).single();
    }

    private static void requireChannel(String channel) {
        Filings.requireChannel(channel);
    }
}
