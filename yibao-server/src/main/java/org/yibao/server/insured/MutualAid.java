package org.yibao.server.insured;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.db.FactsVersionLock;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.NotFoundException;

/**
 * 家庭共济 (R-INS-1): an employee with a personal account binds a spouse, parent or child, who then pays
 * outpatient, chronic and pharmacy costs from the binder's balance (settlement reads the active bindings
 * in binding order). Binding and unbinding are immediate and audited. Used by the insured portal and
 * by the staff's admin API.
 */
@Service
public class MutualAid {

    public static final String ENTITY = "mutual_aid_binding";
    /** What the member is to the binder: 配偶, 父母, 子女. */
    public static final Set<String> RELATIONS = Set.of("SPOUSE", "PARENT", "CHILD");

    /** An active binding with both persons' names. */
    public record Binding(@JsonProperty("id") long id, @JsonProperty("binder_psn_no") String binderPersonNo,
                          @JsonProperty("binder_name") String binderName, @JsonProperty("member_psn_no") String memberPersonNo,
                          @JsonProperty("member_name") String memberName, @JsonProperty("relation") String relation,
                          @JsonProperty("valid_from") LocalDate validFrom, @JsonProperty("valid_to") LocalDate validTo,
                          @JsonProperty("bound_at") Instant boundAt) {}

    /**
     * One payment from a binder's account for a member ("who used my account"): when, who and how much,
     * never what for (no diagnosis, no item). A reversal shows as a negative amount.
     */
    public record Usage(@JsonProperty("setl_id") String settlementId, @JsonProperty("setl_time") LocalDateTime settlementTime,
                        @JsonProperty("member_psn_no") String memberPersonNo, @JsonProperty("member_name") String memberName,
                        @JsonProperty("amount") BigDecimal amount) {}

    /** A person's side of mutual aid: whom they bound, to whom they are bound, and what was paid from their account. */
    public record Overview(@JsonProperty("bound_members") List<Binding> boundMembers,
                           @JsonProperty("bound_to") List<Binding> boundTo, @JsonProperty("usage") List<Usage> usage) {}

    private static final String ACTIVE = " b.unbound_at is null and (b.valid_to is null or b.valid_to >= ?)";
    private static final String SELECT = """
            select b.id, b.binder_psn_no, pb.name, b.member_psn_no, pm.name, b.relation, b.valid_from, b.valid_to, b.bound_at
            from mutual_aid_binding b
            left join person pb on pb.psn_no = b.binder_psn_no and pb.valid_to is null
            left join person pm on pm.psn_no = b.member_psn_no and pm.valid_to is null
            where""";
    private static final RowMapper<Binding> ROW = (rs, n) -> new Binding(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
            rs.getTimestamp(9).toInstant());
    /** Rows of "who used my account" shown at most (the latest first). */
    static final int USAGE_LIMIT = 200;

    private final JdbcClient jdbc;
    private final Persons persons;
    private final AuditTrail audit;
    private final Clock clock;

    MutualAid(JdbcClient jdbc, Persons persons, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /** Active bindings in which the person is the binder, in binding order. */
    public List<Binding> boundMembers(String binderPersonNo) {
        return jdbc.sql(SELECT + " b.binder_psn_no = ? and" + ACTIVE + " order by b.bound_at, b.id")
                .params(binderPersonNo, LocalDate.now(clock)).query(ROW).list();
    }

    /** Active bindings in which the person is the member, in binding order (the order settlement uses them). */
    public List<Binding> boundTo(String memberPersonNo) {
        return jdbc.sql(SELECT + " b.member_psn_no = ? and" + ACTIVE + " order by b.bound_at, b.id")
                .params(memberPersonNo, LocalDate.now(clock)).query(ROW).list();
    }

    /** What members paid from the binder's account, the latest first (at most {@value #USAGE_LIMIT} rows). */
    public List<Usage> usage(String binderPersonNo) {
        return jdbc.sql("""
                        select s.setl_id, s.setl_time, s.psn_no, p.name, m.amount
                        from settlement_mutual_aid m
                        join settlement s on s.setl_id = m.setl_id
                        left join person p on p.psn_no = s.psn_no and p.valid_to is null
                        where m.binder_psn_no = ? order by s.setl_time desc, s.setl_id desc limit ?""")
                .params(binderPersonNo, USAGE_LIMIT)
                .query((rs, n) -> new Usage(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5).setScale(2)))
                .list();
    }

    public Overview overview(String personNo) {
        return new Overview(boundMembers(personNo), boundTo(personNo), usage(personNo));
    }

    /**
     * Binds the person holding {@code memberCertno} (whose name must be {@code memberName}) to the
     * binder's account from today. Refused, changing nothing, when the relation is not spouse, parent or
     * child, the binder is not an employee with a personal account, certno and name do not match one
     * person, the member is the binder, or the member is already bound to this binder.
     */
    @Transactional
    public Binding bind(String binderPersonNo, String memberCertno, String memberName, String relation) {
        if (relation == null || !RELATIONS.contains(relation)) {
            throw new InvalidInputException("relation", "one_of",
                    "关系只能是配偶、父母或子女 / the relation is SPOUSE, PARENT or CHILD");
        }
        LocalDate today = LocalDate.now(clock);
        Person binder = persons.find(binderPersonNo, today).orElseThrow(() -> new NotFoundException(Persons.ENTITY, binderPersonNo));
        FactsVersionLock.takeFirst(jdbc);
        // Serialises the binder's changes: two binds of the same member at once cannot both pass the check below.
        boolean hasAccount = jdbc.sql("select psn_no from personal_account where psn_no = ? for update").param(binderPersonNo)
                .query(String.class).optional().isPresent();
        if (!binder.isEmployee() || !hasAccount) {
            throw new InvalidInputException("binder", "employee_account_holder",
                    "只有有个人账户的职工医保参保人才能绑定家庭共济 / only an employee (310) with a personal account can bind family members");
        }
        String certno = memberCertno == null ? "" : memberCertno.strip().toUpperCase();
        String name = memberName == null ? "" : memberName.strip();
        Person member = persons.findByCertno(certno).filter(p -> p.name().equals(name))
                .orElseThrow(() -> new InvalidInputException("certno", "mismatch",
                        "证件号码与姓名不匹配任何参保人 / the certificate number and name do not match an insured person"));
        if (member.personNo().equals(binderPersonNo)) {
            throw new InvalidInputException("certno", "self", "不能绑定本人 / you cannot bind yourself");
        }
        boolean bound = jdbc.sql("select count(*) from mutual_aid_binding b where b.binder_psn_no = ? and b.member_psn_no = ? and" + ACTIVE)
                .params(binderPersonNo, member.personNo(), today).query(Long.class).single() > 0;
        if (bound) {
            throw new ConflictException("certno", "already_bound", "已绑定 " + member.name()
                    + "，无需重复绑定 / " + member.name() + " is already bound to this account");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into mutual_aid_binding (binder_psn_no, member_psn_no, relation, bound_at, valid_from)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(binderPersonNo, member.personNo(), relation, Timestamp.from(now), today).query(Long.class).single();
        Binding binding = new Binding(id, binderPersonNo, binder.name(), member.personNo(), member.name(), relation, today, null, now);
        audit.record("BIND", ENTITY, Long.toString(id), today, null, auditState(binding));
        return binding;
    }

    /** Ends an active binding now; {@code personNo} must be its binder or its member. */
    @Transactional
    public void unbind(String personNo, long bindingId) {
        LocalDate today = LocalDate.now(clock);
        FactsVersionLock.takeFirst(jdbc);
        Binding binding = jdbc.sql(SELECT + " b.id = ? and (b.binder_psn_no = ? or b.member_psn_no = ?) and" + ACTIVE + " for update of b")
                .params(bindingId, personNo, personNo, today).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException(ENTITY, Long.toString(bindingId)));
        jdbc.sql("update mutual_aid_binding set unbound_at = ? where id = ?").params(Timestamp.from(clock.instant()), bindingId).update();
        audit.record("UNBIND", ENTITY, Long.toString(bindingId), today, auditState(binding), null);
    }

    private static Map<String, Object> auditState(Binding b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("binder_psn_no", b.binderPersonNo());
        m.put("member_psn_no", b.memberPersonNo());
        m.put("relation", b.relation());
        m.put("valid_from", b.validFrom().toString());
        return m;
    }
}
