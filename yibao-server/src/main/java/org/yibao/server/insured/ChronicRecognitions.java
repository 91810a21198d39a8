package org.yibao.server.insured;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.catalog.ChronicDisease;
import org.yibao.server.catalog.ChronicDiseases;
import org.yibao.server.catalog.Diseases;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.insured.internal.FilingSerials;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.platform.db.FactsVersionLock;
import org.yibao.server.policy.PolicyBook;

/**
 * R-INS-3 chronic and special disease recognitions (门诊慢特病认定): a designated medical institution (not
 * a pharmacy) recognises a disease of the insured region's chronic list (a diagnosis maps to its entry
 * by prefix, E11.900 → E11), valid at once and used by settlement (med_type 14). One valid recognition
 * per person and entry at a time. Used by 2503/2504 (the recognising institution's HIS, channel FSI)
 * and by staff (channel CONSOLE, the recognising institution chosen in the form, audited).
 *
 * <p>Through an institution only the recognising institution can cancel a recognition; staff can
 * cancel any, giving a reason.
 */
@Service
public class ChronicRecognitions {

    /** Without an end date a recognition is valid for one year. */
    public static final int DEFAULT_YEARS = 1;
    public static final String ENTITY = "chronic_recognition";

    /**
     * A recognition to record.
     *
     * @param insutype        险种, checked against the person's when given
     * @param diseaseCode     the diagnosis recognised (opsp_dise_code)
     * @param institutionCode the recognising institution (ide_fixmedins_no)
     * @param beginDate       from when (default today); endDate default one year
     * @param actor           who recorded it (the operator or a staff user)
     */
    public record Recognition(String personNo, String insutype, String diseaseCode, String institutionCode, LocalDate beginDate,
                              LocalDate endDate, String channel, String actor) {}

    /** A recorded recognition, with the national interface's names. */
    public record Recognised(@JsonProperty("id") long id, @JsonProperty("trt_dcla_detl_sn") String serial,
                             @JsonProperty("psn_no") String personNo, @JsonProperty("opsp_dise_code") String diseaseCode,
                             @JsonProperty("dise_key") String diseaseKey, @JsonProperty("ide_fixmedins_no") String institutionCode,
                             @JsonProperty("begndate") LocalDate beginDate, @JsonProperty("enddate") LocalDate endDate,
                             @JsonProperty("channel") String channel, @JsonProperty("recorded_at") Instant recordedAt,
                             @JsonProperty("cancelled_at") Instant cancelledAt, @JsonProperty("memo") String cancelMemo) {}

    private static final String COLUMNS =
            "id, trt_dcla_detl_sn, psn_no, dise_codg, dise_key, fixmedins_code, begin_date, end_date, channel, recorded_at, cancelled_at, cancel_memo";
    private static final RowMapper<Recognised> ROW = (rs, n) -> new Recognised(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
            rs.getString(9), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), rs.getString(12));

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Institutions institutions;
    private final Diseases diseases;
    private final ChronicDiseases chronicDiseases;
    private final PolicyBook policies;
    private final FilingSerials serials;
    private final AuditTrail audit;
    private final Clock clock;

    ChronicRecognitions(JdbcClient jdbc, Persons persons, Institutions institutions, Diseases diseases, ChronicDiseases chronicDiseases,
                        PolicyBook policies, FilingSerials serials, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.institutions = institutions;
        this.diseases = diseases;
        this.chronicDiseases = chronicDiseases;
        this.policies = policies;
        this.serials = serials;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person's recognitions, newest first, cancelled ones included. */
    public List<Recognised> list(String personNo) {
        return jdbc.sql("select " + COLUMNS + " from chronic_recognition where psn_no = ? order by begin_date desc, id desc")
                .param(personNo).query(ROW).list();
    }

    /** Records a recognition now. */
    @Transactional
    public Recognised recognise(Recognition r) {
        return recognise(r, clock.instant(), person -> {});
    }

    /**
     * Records a recognition received at {@code at}; {@code personCheck} adds the caller's own checks of
     * the person found (the national interface's envelope), run before anything is written.
     */
    @Transactional
    public Recognised recognise(Recognition r, Instant at, Consumer<Person> personCheck) {
        Filings.requireChannel(r.channel());
        LocalDate today = LocalDate.ofInstant(at, clock.getZone());
        String code = r.diseaseCode();
        LocalDate begin = Objects.requireNonNullElse(r.beginDate(), today);
        LocalDate end = Objects.requireNonNullElse(r.endDate(), begin.plusYears(DEFAULT_YEARS).minusDays(1));
        if (begin.isBefore(today.minusYears(1)) || begin.isAfter(today.plusYears(1))) {
            throw new FilingRefused("begndate", "开始日期 " + begin + " 应在 " + today.minusYears(1) + " 至 " + today.plusYears(1) + " 之间");
        }
        if (end.isBefore(begin)) {
            throw new FilingRefused("enddate", "结束日期 " + end + " 早于开始日期 " + begin + "；不填则默认有效一年");
        }
        Filings.medicalInstitution(institutions, "ide_fixmedins_no", "认定机构", r.institutionCode(), today, "门诊慢特病认定");
        if (code == null || diseases.disease(code).isEmpty()) {
            throw new FilingRefused("opsp_dise_code", "病种编码 " + code + " 不在医保版 ICD-10 疾病分类中");
        }
        Person person = Filings.person(persons, r.personNo(), r.insutype(), begin);
        personCheck.accept(person);
        String pooling = policies.poolingRegionOn(person.insuredAdmdvs(), begin);
        ChronicDisease entry = chronicDiseases.entryFor(pooling, code, begin).orElseThrow(() -> new FilingRefused("opsp_dise_code",
                "病种编码 " + code + " 不属于参保地 " + pooling + " 的门诊慢特病病种；可认定：" + chronicList(pooling, begin)));
        Filings.lock(jdbc, ENTITY, r.personNo());
        record Held(String from, String to) {}
        jdbc.sql("""
                        select begin_date::text, end_date::text from chronic_recognition
                        where psn_no = ? and dise_key = ? and cancelled_at is null and begin_date <= ? and end_date >= ?
                        order by begin_date limit 1""")
                .params(r.personNo(), entry.diseKey(), end, begin).query((rs, n) -> new Held(rs.getString(1), rs.getString(2))).optional()
                .ifPresent(h -> {
                    throw new FilingRefused("opsp_dise_code", "人员 " + r.personNo() + " 已有有效的 " + entry.diseKey() + " " + entry.name()
                            + " 门诊慢特病认定（" + h.from() + " 至 " + h.to() + "），不能重复认定；如需更改请由认定机构先撤销（2504）");
                });
        String serial = serials.next(FilingSerials.Kind.CHRONIC_RECOGNITION, person.insuredAdmdvs(), today);
        long id = jdbc.sql("""
                        insert into chronic_recognition (psn_no, dise_key, dise_codg, fixmedins_code, begin_date, end_date, recorded_at,
                            trt_dcla_detl_sn, channel)
                        values (?,?,?,?,?,?,?,?,?) returning id""")
                .params(r.personNo(), entry.diseKey(), code, r.institutionCode(), begin, end, Timestamp.from(at), serial, r.channel())
                .query(Long.class).single();
        Recognised created = find(id).orElseThrow();
        Filings.audit(audit, r.channel(), r.actor(), "CREATE", ENTITY, serial, begin, null, created);
        return created;
    }

    private String chronicList(String pooling, LocalDate date) {
        List<ChronicDisease> entries = chronicDiseases.search(pooling, null, date, 0, 100).items();
        return entries.isEmpty() ? "（无）" : entries.stream().map(e -> e.diseKey() + " " + e.name()).collect(Collectors.joining("、"));
    }

    /**
     * Cancels a recognition named by its serial. Through an institution ({@code via} not null) only a
     * recognition that institution made can be cancelled; another institution's is answered as unknown.
     */
    @Transactional
    public Recognised cancel(String personNo, String serial, String channel, String actor, String via, String memo, Instant at) {
        Filings.requireChannel(channel);
        FactsVersionLock.takeFirst(jdbc);
        Optional<Recognised> row = jdbc.sql("select " + COLUMNS + " from chronic_recognition where trt_dcla_detl_sn = ? and psn_no = ? "
                        + "and (cast(? as varchar) is null or fixmedins_code = ?) for update").params(serial, personNo, via, via)
                .query(ROW).optional();
        return cancel(row.orElseThrow(() -> new FilingRefused("trt_dcla_detl_sn", "慢特病备案 " + serial + " 不存在"
                + (via != null ? "（本机构没有为该人员办理此备案）" : "（或不是该人员的备案）"))), serial, channel, actor, memo, at);
    }

    /** Staff cancel any recognition of the person (by id: the demo world's rows have no serial), giving a reason. */
    @Transactional
    public Recognised cancel(String personNo, long id, String actor, String memo) {
        if (memo == null || memo.isBlank()) {
            throw new FilingRefused("memo", "请填写撤销原因");
        }
        FactsVersionLock.takeFirst(jdbc);
        Recognised row = jdbc.sql("select " + COLUMNS + " from chronic_recognition where id = ? and psn_no = ? for update")
                .params(id, personNo).query(ROW).optional()
                .orElseThrow(() -> new FilingRefused("id", "慢特病认定 " + id + " 不存在（或不是人员 " + personNo + " 的认定）"));
        return cancel(row, row.serial() == null ? String.valueOf(id) : row.serial(), "CONSOLE", actor, memo.strip(), clock.instant());
    }

    private Recognised cancel(Recognised before, String name, String channel, String actor, String memo, Instant at) {
        if (memo != null && memo.length() > 200) {
            throw new FilingRefused("memo", "撤销原因最长 200 字");
        }
        if (before.cancelledAt() != null) {
            throw new FilingRefused("trt_dcla_detl_sn", "慢特病备案 " + name + " 已撤销，无需再撤销");
        }
        jdbc.sql("update chronic_recognition set cancelled_at = ?, cancel_memo = ? where id = ?")
                .params(Timestamp.from(at), memo, before.id()).update();
        Recognised after = find(before.id()).orElseThrow();
        Filings.audit(audit, channel, actor, "CANCEL", ENTITY, name, null, before, after);
        return after;
    }

    private Optional<Recognised> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from chronic_recognition where id = ?").param(id).query(ROW).optional();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
