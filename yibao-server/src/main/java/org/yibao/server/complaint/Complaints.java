package org.yibao.server.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.calendar.WorkingCalendar;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.Persons;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.reference.Page;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;

/**
 * Complaints (R-CMP). Every change writes a {@code complaint_transition} row (who, when, from, to, why)
 * and an audit row in the same transaction; a refused request writes nothing. A reply is due
 * {@link #WORKING_DAYS_TO_REPLY} working days after the day of receipt.
 */
@Service
public class Complaints {

    /** R-CMP: a reply is due within 15 working days. */
    public static final int WORKING_DAYS_TO_REPLY = 15;
    /** Reason of an automatic escalation. */
    public static final String OVERDUE_REASON = "逾期未答复";
    static final String ENTITY = "complaint";
    static final int MAX_TEXT = 2000;
    /** A hotline complaint may be entered up to a year after it was received, never before. */
    static final int MAX_DAYS_ENTERED_LATE = 366;
    /** Complaints escalated by one run of the job at most; the next run takes the rest. */
    static final int ESCALATION_BATCH = 1000;
    private static final Set<String> OPEN_FOR_ESCALATION = Set.of(Complaint.RECEIVED, Complaint.ASSIGNED, Complaint.INVESTIGATING);

    /** A complaint entered by staff (hotline, web) or filed by a person in the portal. */
    public record NewComplaint(String channel, String complainantPsnNo, String complainantName, String complainantPhone,
                               String subjectKind, String subjectCode, String subjectName, String category, String text,
                               LocalDate receivedOn) {}

    /** Search of the console and API: state, only overdue ones, channel (nulls match all). */
    public record Filter(String state, boolean overdueOnly, String channel) {}

    /** Complaints by state and age in working days (answered ones: their age when answered). */
    public record AgeChart(List<String> states, List<String> buckets, Map<String, List<Integer>> countsByBucket) {}

    private static final String COLUMNS = """
            id, channel, complainant_psn_no, complainant_name, complainant_phone, subject_kind, subject_code, subject_name,
            category, text, received_at, received_date, due_date, state, assignee, reply, answered_at, answered_by,
            escalated_at, escalation_reason, supervision_case_id""";

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final Institutions institutions;
    private final Persons persons;
    private final AuditTrail audit;
    private final Clock clock;

    Complaints(JdbcClient jdbc, WorkingCalendar calendar, Institutions institutions, Persons persons, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.institutions = institutions;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /** Staff intake (12393 hotline, web): the complainant by name, optionally as an insured person. */
    @Transactional
    public Complaint receive(NewComplaint c) {
        String channel = upper(c.channel());
        if (channel == null || channel.equals("PORTAL") || !Complaint.CHANNELS.contains(channel)) {
            throw new InvalidInputException("channel", "complaint.channel", "来源渠道应为 HOTLINE（12393 热线）或 WEB（网站），收到 " + show(c.channel()));
        }
        return insert(channel, c, AuditTrail.currentActor());
    }

    /** Intake from the insured portal: the complainant is the signed-in person; received now. */
    @Transactional
    public Complaint fileByPerson(String psnNo, String subjectKind, String subjectCode, String subjectName, String category, String text) {
        NewComplaint c = new NewComplaint("PORTAL", psnNo, null, null, subjectKind, subjectCode, subjectName, category, text, null);
        return insert("PORTAL", c, psnNo);
    }

    private Complaint insert(String channel, NewComplaint c, String actor) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String text = trim(c.text());
        if (text == null) {
            errors.add(error("text", "请填写投诉内容"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(error("text", "投诉内容最长 " + MAX_TEXT + " 个字，收到 " + text.length() + " 个字"));
        }
        String category = upper(c.category());
        if (category == null || Complaint.CATEGORIES.stream().noneMatch(k -> k.code().equals(category))) {
            errors.add(error("category", "投诉类别应为 " + Complaint.CATEGORIES.stream().map(k -> k.code() + "（" + k.label() + "）")
                    .reduce((a, b) -> a + "、" + b).orElseThrow() + " 之一，收到 " + show(c.category())));
        }
        String subjectKind = upper(c.subjectKind());
        String subjectCode = null;
        String subjectName = trim(c.subjectName());
        if ("INSTITUTION".equals(subjectKind)) {
            subjectCode = upper(c.subjectCode());
            Optional<Institution> inst = subjectCode == null ? Optional.empty() : institutions.find(subjectCode, today);
            if (subjectCode == null) {
                errors.add(error("subject_code", "请填写被投诉的定点机构编码"));
            } else if (inst.isEmpty()) {
                errors.add(error("subject_code", "没有编码为 " + subjectCode + " 的定点机构"));
            } else {
                subjectName = inst.get().name();
            }
        } else if ("PERSON".equals(subjectKind)) {
            if (subjectName == null) {
                errors.add(error("subject_name", "请填写被投诉人的姓名"));
            } else if (subjectName.length() > 100) {
                errors.add(error("subject_name", "被投诉人姓名最长 100 个字"));
            }
        } else {
            errors.add(error("subject_kind", "被投诉对象应为 INSTITUTION（定点机构）或 PERSON（个人），收到 " + show(c.subjectKind())));
        }
        String psnNo = trim(c.complainantPsnNo());
        String name = trim(c.complainantName());
        if (psnNo != null) {
            Optional<Person> person = persons.find(psnNo);
            if (person.isEmpty()) {
                errors.add(error("complainant_psn_no", "没有人员编号为 " + psnNo + " 的参保人"));
            } else if (name == null) {
                name = person.get().name();
            }
        }
        if (name == null) {
            errors.add(error("complainant_name", "请填写投诉人姓名"));
        } else if (name.length() > 50) {
            errors.add(error("complainant_name", "投诉人姓名最长 50 个字"));
        }
        String phone = trim(c.complainantPhone());
        if (phone != null && !phone.matches("[0-9+\\- ]{3,20}")) {
            errors.add(error("complainant_phone", "联系电话只能是数字（可含 + 和 -），最长 20 位"));
        }
        LocalDate receivedDate = today;
        Instant receivedAt = now;
        if (c.receivedOn() != null && !c.receivedOn().equals(today)) {
            if (c.receivedOn().isAfter(today)) {
                errors.add(error("received_on", "受理日期 " + c.receivedOn() + " 晚于今天 " + today));
            } else if (c.receivedOn().isBefore(today.minusDays(MAX_DAYS_ENTERED_LATE))) {
                errors.add(error("received_on", "受理日期不能早于一年前（" + today.minusDays(MAX_DAYS_ENTERED_LATE) + "）"));
            } else {
                receivedDate = c.receivedOn();
                receivedAt = receivedDate.atStartOfDay(clock.getZone()).toInstant();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate due = calendar.addWorkingDays(receivedDate, WORKING_DAYS_TO_REPLY);
        long id = jdbc.sql("""
                insert into complaint (channel, complainant_psn_no, complainant_name, complainant_phone, subject_kind, subject_code,
                    subject_name, category, text, received_at, received_date, due_date, state, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?) returning id""")
                .params(channel, psnNo, name, phone, subjectKind, subjectCode, subjectName, category, text,
                        Timestamp.from(receivedAt), receivedDate, due, actor)
                .query(Long.class).single();
        transition(id, null, Complaint.RECEIVED, actor, null);
        Complaint created = find(id).orElseThrow();
        audit.recordAs(actor, "CREATE", ENTITY, String.valueOf(id), null, null, created);
        return created;
    }

    /** Assigns a received (or escalated) complaint to a staff member. */
    @Transactional
    public Complaint assign(long id, String assignee, String note) {
        Complaint before = lock(id);
        String who = trim(assignee);
        if (who == null || who.length() > 64) {
            throw new InvalidInputException("assignee", "complaint.assignee", "请填写经办人（最长 64 个字）");
        }
        expectState(before, "分派", Complaint.RECEIVED, Complaint.ESCALATED);
        jdbc.sql("update complaint set state = 'ASSIGNED', assignee = ? where id = ?").params(who, id).update();
        return changed(before, Complaint.ASSIGNED, "UPDATE", note(note, "分派给 " + who));
    }

    /** Starts the investigation of an assigned complaint. */
    @Transactional
    public Complaint investigate(long id, String note) {
        Complaint before = lock(id);
        expectState(before, "开始调查", Complaint.ASSIGNED);
        jdbc.sql("update complaint set state = 'INVESTIGATING' where id = ?").param(id).update();
        return changed(before, Complaint.INVESTIGATING, "UPDATE", note(note, null));
    }

    /** Answers (and so closes) a complaint; the complainant sees the reply in the portal. */
    @Transactional
    public Complaint answer(long id, String reply) {
        Complaint before = lock(id);
        String text = trim(reply);
        if (before.isClosed()) {
            throw new ConflictException("state", "complaint.closed", "投诉 " + id + " 已于 " + before.answeredAt().atZone(clock.getZone()).toLocalDate()
                    + " 答复办结，不能再次答复");
        }
        if (text == null || text.length() > MAX_TEXT) {
            throw new InvalidInputException("reply", "complaint.reply", "请填写答复内容（最长 " + MAX_TEXT + " 个字）");
        }
        expectState(before, "答复", Complaint.ASSIGNED, Complaint.INVESTIGATING, Complaint.ESCALATED);
        jdbc.sql("update complaint set state = 'ANSWERED', reply = ?, answered_at = ?, answered_by = ? where id = ?")
                .params(text, Timestamp.from(clock.instant()), AuditTrail.currentActor(), id).update();
        return changed(before, Complaint.ANSWERED, "CLOSE", null);
    }

    /** Escalates an open complaint to the next level, with the reason. */
    @Transactional
    public Complaint escalate(long id, String reason) {
        Complaint before = lock(id);
        String why = trim(reason);
        if (why == null || why.length() > 200) {
            throw new InvalidInputException("reason", "complaint.reason", "请填写升级原因（最长 200 个字）");
        }
        expectState(before, "升级", Complaint.RECEIVED, Complaint.ASSIGNED, Complaint.INVESTIGATING);
        return escalateLocked(before, why, AuditTrail.currentActor());
    }

    /** Links the complaint to a supervision case (an id; supervision arrives with issue 7). */
    @Transactional
    public Complaint linkCase(long id, String caseId) {
        Complaint before = lock(id);
        String c = trim(caseId);
        if (c == null || !c.matches("[A-Za-z0-9_\\-]{1,40}")) {
            throw new InvalidInputException("supervision_case_id", "complaint.case", "稽核案件编号应为 1–40 位字母、数字、- 或 _");
        }
        jdbc.sql("update complaint set supervision_case_id = ? where id = ?").params(c, id).update();
        return changed(before, before.state(), "UPDATE", "关联稽核案件 " + c);
    }

    /**
     * The job's work (R-CMP): every complaint not answered nor escalated whose due date has passed is
     * escalated with the reason {@value #OVERDUE_REASON}, by the platform. Returns their ids.
     */
    @Transactional
    public List<Long> escalateOverdue() {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = jdbc.sql("""
                select id from complaint where state in ('RECEIVED', 'ASSIGNED', 'INVESTIGATING') and due_date < ?
                order by due_date, id limit ? for update skip locked""")
                .params(today, ESCALATION_BATCH).query(Long.class).list();
        for (long id : ids) {
            Complaint before = find(id).orElseThrow();
            escalateLocked(before, OVERDUE_REASON, AuditTrail.SYSTEM);
        }
        return ids;
    }

    /** Overdue complaints (not answered, due date passed), oldest due first. */
    public List<Complaint> overdue() {
        return jdbc.sql("select " + COLUMNS + " from complaint where state <> 'ANSWERED' and due_date < ? order by due_date, id limit 500")
                .param(LocalDate.now(clock)).query(this::map).list();
    }

    public Optional<Complaint> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from complaint where id = ?").param(id).query(this::map).optional();
    }

    /** A complaint of this person's (another person's answers like one that does not exist). */
    public Optional<Complaint> findForPerson(String psnNo, long id) {
        return find(id).filter(c -> psnNo.equals(c.complainantPsnNo()));
    }

    /** The person's own complaints, newest first. */
    public List<Complaint> forPerson(String psnNo) {
        return jdbc.sql("select " + COLUMNS + " from complaint where complainant_psn_no = ? order by received_at desc, id desc limit 200")
                .param(psnNo).query(this::map).list();
    }

    /**
     * The complaints about the institution (R-INST-5), newest first, as the institution may read them:
     * without the complainant's person number, name and phone, and without the staff names.
     */
    public List<Complaint> aboutInstitution(String fixmedinsCode) {
        return jdbc.sql("select " + COLUMNS + " from complaint where subject_kind = 'INSTITUTION' and subject_code = ? "
                        + "order by received_at desc, id desc limit 200")
                .param(fixmedinsCode).query(this::map).list().stream().map(Complaint::forSubjectInstitution).toList();
    }

    /** A complaint about the institution, as {@link #aboutInstitution} shows it (about another one: empty, like none). */
    public Optional<Complaint> findAboutInstitution(String fixmedinsCode, long id) {
        return find(id).filter(c -> "INSTITUTION".equals(c.subjectKind()) && fixmedinsCode.equals(c.subjectCode()))
                .map(Complaint::forSubjectInstitution);
    }

    public List<Complaint.Transition> transitions(long id) {
        return jdbc.sql("select from_state, to_state, actor, occurred_at, note from complaint_transition where complaint_id = ? order by id")
                .param(id)
                .query((rs, i) -> new Complaint.Transition(rs.getString("from_state"), rs.getString("to_state"), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("note")))
                .list();
    }

    /** A page (from 0) of complaints, newest first. */
    public Page<Complaint> search(Filter f, int page, int size) {
        if (size < 1 || size > Page.MAX_SIZE || page < 0) {
            throw new InvalidInputException("size", "page.size", "每页 1–" + Page.MAX_SIZE + " 条，页码从 0 开始");
        }
        String state = upper(f.state());
        if (state != null && !Complaint.STATES.contains(state)) {
            throw new InvalidInputException("state", "complaint.state", "状态应为 " + String.join("、", Complaint.STATES) + " 之一，收到 " + f.state());
        }
        String channel = upper(f.channel());
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            where.append(" and state = ?");
            params.add(state);
        }
        if (channel != null) {
            where.append(" and channel = ?");
            params.add(channel);
        }
        if (f.overdueOnly()) {
            where.append(" and state <> 'ANSWERED' and due_date < ?");
            params.add(LocalDate.now(clock));
        }
        long total = jdbc.sql("select count(*) from complaint" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add(Page.offset(page, size));
        List<Complaint> items = jdbc.sql("select " + COLUMNS + " from complaint" + where + " order by received_at desc, id desc limit ? offset ?")
                .params(pageParams).query(this::map).list();
        return new Page<>(items, page, size, total);
    }

    /** Counts by state and age in working days since receipt (up to the answer for answered ones). */
    public AgeChart ageChart() {
        List<String> buckets = List.of("0-5", "6-10", "11-15", "16+");
        Map<String, List<Integer>> counts = new LinkedHashMap<>();
        buckets.forEach(b -> counts.put(b, new ArrayList<>(java.util.Collections.nCopies(Complaint.STATES.size(), 0))));
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                select state, received_date, (answered_at at time zone ?)::date as answered_on, count(*) as n
                from complaint group by 1, 2, 3""")
                .param(clock.getZone().getId())
                .query(rs -> {
                    LocalDate end = rs.getObject("answered_on", LocalDate.class);
                    int age = calendar.workingDaysBetween(rs.getObject("received_date", LocalDate.class), end == null ? today : end);
                    String bucket = age <= 5 ? "0-5" : age <= 10 ? "6-10" : age <= 15 ? "11-15" : "16+";
                    int s = Complaint.STATES.indexOf(rs.getString("state"));
                    counts.get(bucket).set(s, counts.get(bucket).get(s) + rs.getInt("n"));
                });
        return new AgeChart(Complaint.STATES, buckets, counts);
    }

    private Complaint escalateLocked(Complaint before, String reason, String actor) {
        jdbc.sql("update complaint set state = 'ESCALATED', escalated_at = ?, escalation_reason = ? where id = ?")
                .params(Timestamp.from(clock.instant()), reason, before.id()).update();
        transition(before.id(), before.state(), Complaint.ESCALATED, actor, reason);
        Complaint after = find(before.id()).orElseThrow();
        audit.recordAs(actor, "ESCALATE", ENTITY, String.valueOf(before.id()), null, before, after);
        return after;
    }

    private Complaint changed(Complaint before, String to, String action, String note) {
        String actor = AuditTrail.currentActor();
        transition(before.id(), before.state(), to, actor, note);
        Complaint after = find(before.id()).orElseThrow();
        audit.record(action, ENTITY, String.valueOf(before.id()), null, before, after);
        return after;
    }

    private void transition(long id, String from, String to, String actor, String note) {
        jdbc.sql("insert into complaint_transition (complaint_id, from_state, to_state, actor, occurred_at, note) values (?, ?, ?, ?, ?, ?)")
                .params(id, from, to, actor, Timestamp.from(clock.instant()), note).update();
    }

    private Complaint lock(long id) {
        jdbc.sql("select id from complaint where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
        return find(id).orElseThrow();
    }

    private static void expectState(Complaint c, String what, String... allowed) {
        if (!List.of(allowed).contains(c.state())) {
            String hint = c.isClosed() ? "投诉已答复办结" : Complaint.RECEIVED.equals(c.state()) ? "请先分派经办人" : "";
            throw new ConflictException("state", "complaint.transition", "投诉 " + c.id() + " 当前状态为 " + c.state() + "，不能" + what
                    + "（仅 " + String.join("、", allowed) + " 可以）" + (hint.isEmpty() ? "" : "：" + hint));
        }
    }

    private Complaint map(ResultSet rs, int row) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        String state = rs.getString("state");
        return new Complaint(rs.getLong("id"), rs.getString("channel"), rs.getString("complainant_psn_no"), rs.getString("complainant_name"),
                rs.getString("complainant_phone"), rs.getString("subject_kind"), rs.getString("subject_code"), rs.getString("subject_name"),
                rs.getString("category"), rs.getString("text"), instant(rs, "received_at"), rs.getObject("received_date", LocalDate.class),
                due, state, rs.getString("assignee"), rs.getString("reply"), instant(rs, "answered_at"), rs.getString("answered_by"),
                instant(rs, "escalated_at"), rs.getString("escalation_reason"), rs.getString("supervision_case_id"),
                !Complaint.ANSWERED.equals(state) && due.isBefore(LocalDate.now(clock)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static InvalidInputException.FieldError error(String field, String message) {
        return new InvalidInputException.FieldError(field, "complaint." + field, message);
    }

    private static String note(String note, String fallback) {
        String n = trim(note);
        return n == null ? fallback : n.length() > MAX_TEXT ? n.substring(0, MAX_TEXT) : n;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        String t = trim(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }

    private static String show(String s) {
        return s == null || s.isBlank() ? "空" : s;
    }
}
