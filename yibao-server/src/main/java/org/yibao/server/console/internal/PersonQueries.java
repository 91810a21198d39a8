package org.yibao.server.console.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Insured persons (参保人), R-REF-2, and everything attached to them, as the console shows them.
 * Lists carry the certificate number masked; only {@link #find} returns it in full.
 */
@Component
public class PersonQueries {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+[0-9Xx]?");

    /** A line of the person list (certno already masked). */
    public record PersonRow(String psnNo, String name, String maskedCertno, String gend, LocalDate brdy,
                            String insutype, String psnType, String insuredAdmdvs, String regionName,
                            String status) {}

    /** The version of a person in force (or the latest), with the full certificate number. */
    public record Person(String psnNo, String certno, String psnCertType, String name, String gend, LocalDate brdy,
                         String naty, String insutype, String psnType, String insuredAdmdvs, String insuredRegionName,
                         String residenceAdmdvs, String residenceRegionName, String empName, String cvlservFlag,
                         LocalDate insuDate, String status, LocalDate statusUntil, LocalDate validFrom,
                         LocalDate validTo, Instant recordedAt, String recordedBy) {}

    /** 人员身份: 特困 2101, 低保 2102, 防返贫监测 2103 … */
    public record Identity(String type, LocalDate beginDate, LocalDate endDate, String memo) {}

    /** A family mutual-aid binding (家庭共济) seen from this person: the other side and its name. */
    public record Binding(long id, String role, String otherPsnNo, String otherName, String relation, LocalDate validFrom,
                          LocalDate validTo, Instant unboundAt) {}

    /** 门诊慢特病认定. */
    public record ChronicRecognition(long id, String serial, String diseKey, String diseCodg, String diseName, String fixmedinsCode,
                                     LocalDate beginDate, LocalDate endDate, Instant cancelledAt) {}

    /** 家庭医生签约. */
    public record FamilyDoctorContract(long id, String kind, String communityCode, String communityName, String districtCode,
                                       String cityCode, LocalDate beginDate, LocalDate endDate, Instant cancelledAt) {}

    /** 异地就医备案. */
    public record Filing(long id, String category, String insuredAdmdvs, String treatmentAdmdvs, String treatmentRegionName,
                         LocalDate beginDate, LocalDate endDate, String channel, Instant cancelledAt) {}

    /** Everything the person page shows; {@code versions} newest first (R-REF-5). {@code accountBalance} is null when there is no personal account. */
    public record PersonFile(Person person, BigDecimal accountBalance, List<Identity> identities,
                             List<Binding> bindings, List<ChronicRecognition> chronicRecognitions,
                             List<FamilyDoctorContract> contracts, List<Filing> filings, List<Person> versions) {}

    private final JdbcClient jdbc;

    PersonQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Search by psn_no or certificate number (prefix, when digits were typed) or by name (prefix,
     * which includes the exact name). Each branch uses a pattern index of the current rows
     * (V40__console_person_search.sql); paging probes one row ahead instead of counting.
     */
    public Slice<PersonRow> search(String q, Paging paging) {
        String text = Search.clean(q);
        String where;
        if (text == null) {
            where = "true";
        } else if (NUMBER.matcher(text).matches()) {
            where = "(p.psn_no like :prefix or p.certno like :prefix)";
        } else {
            where = "p.name like :prefix";
        }
        var spec = jdbc.sql("""
                select p.psn_no, p.name, p.certno, p.gend, p.brdy, p.insutype, p.psn_type, p.insured_admdvs,
                       r.name, p.status
                from person p
                left join region r on r.admdvs = p.insured_admdvs and r.valid_to is null
                where p.valid_to is null and """ + " " + where + """
                 order by p.psn_no limit :limit offset :offset
                """)
                .param("limit", paging.probeLimit())
                .param("offset", paging.offset());
        if (text != null) {
            boolean number = NUMBER.matcher(text).matches();
            // Certificate numbers end in an upper-case X when the check digit is 10.
            spec = spec.param("prefix", Search.escape(number ? text.toUpperCase() : text) + "%");
        }
        List<PersonRow> rows = spec.query((rs, n) -> new PersonRow(rs.getString(1), rs.getString(2),
                        Privacy.maskCertno(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
        return Slice.of(rows, paging);
    }

    public Optional<PersonFile> find(String psnNo) {
        List<Person> versions = jdbc.sql("""
                select p.psn_no, p.certno, p.psn_cert_type, p.name, p.gend, p.brdy, p.naty, p.insutype, p.psn_type,
                       p.insured_admdvs, ri.name, p.residence_admdvs, rr.name, p.emp_name, p.cvlserv_flag, p.insu_date,
                       p.status, p.status_until, p.valid_from, p.valid_to, p.recorded_at, p.recorded_by
                from person p
                left join region ri on ri.admdvs = p.insured_admdvs and ri.valid_to is null
                left join region rr on rr.admdvs = p.residence_admdvs and rr.valid_to is null
                where p.psn_no = ? order by (p.valid_to is null) desc, p.valid_from desc
                """)
                .param(psnNo)
                .query((rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getString(14), rs.getString(15), rs.getObject(16, LocalDate.class), rs.getString(17),
                        rs.getObject(18, LocalDate.class), rs.getObject(19, LocalDate.class),
                        rs.getObject(20, LocalDate.class), instant(rs.getTimestamp(21)), rs.getString(22)))
                .list();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal balance = jdbc.sql("select balance from personal_account where psn_no = ?")
                .param(psnNo).query(BigDecimal.class).optional().orElse(null);
        List<Identity> identities = jdbc.sql("""
                select psn_idet_type, begin_date, end_date, memo from person_identity where psn_no = ?
                order by begin_date desc, id
                """)
                .param(psnNo)
                .query((rs, n) -> new Identity(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
        List<Binding> bindings = jdbc.sql("""
                select b.id, case when b.binder_psn_no = :psn then 'BINDER' else 'MEMBER' end,
                       case when b.binder_psn_no = :psn then b.member_psn_no else b.binder_psn_no end as other,
                       (select o.name from person o where o.valid_to is null
                          and o.psn_no = case when b.binder_psn_no = :psn then b.member_psn_no else b.binder_psn_no end),
                       b.relation, b.valid_from, b.valid_to, b.unbound_at
                from mutual_aid_binding b
                where b.binder_psn_no = :psn or b.member_psn_no = :psn
                order by b.bound_at, b.id
                """)
                .param("psn", psnNo)
                .query((rs, n) -> new Binding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), instant(rs.getTimestamp(8))))
                .list();
        List<ChronicRecognition> chronic = jdbc.sql("""
                select c.id, c.trt_dcla_detl_sn, c.dise_key, c.dise_codg, d.name, c.fixmedins_code, c.begin_date, c.end_date, c.cancelled_at
                from chronic_recognition c left join disease d on d.code = c.dise_codg
                where c.psn_no = ? order by c.begin_date desc, c.id
                """)
                .param(psnNo)
                .query((rs, n) -> new ChronicRecognition(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                        instant(rs.getTimestamp(9))))
                .list();
        List<FamilyDoctorContract> contracts = jdbc.sql("""
                select f.id, f.kind, f.community_code,
                       (select i.name from institution i where i.fixmedins_code = f.community_code and i.valid_to is null),
                       f.district_code, f.city_code, f.begin_date, f.end_date, f.cancelled_at
                from family_doctor_contract f where f.psn_no = ? order by f.begin_date desc, f.id
                """)
                .param(psnNo)
                .query((rs, n) -> new FamilyDoctorContract(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), instant(rs.getTimestamp(9))))
                .list();
        List<Filing> filings = jdbc.sql("""
                select x.id, x.category, x.insured_admdvs, x.treatment_admdvs, r.name, x.begin_date, x.end_date, x.channel,
                       x.cancelled_at
                from xr_filing x left join region r on r.admdvs = x.treatment_admdvs and r.valid_to is null
                where x.psn_no = ? order by x.begin_date desc, x.id
                """)
                .param(psnNo)
                .query((rs, n) -> new Filing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                        instant(rs.getTimestamp(9))))
                .list();
        return Optional.of(new PersonFile(versions.get(0), balance, identities, bindings, chronic, contracts, filings,
                versions));
    }

    private static Instant instant(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
