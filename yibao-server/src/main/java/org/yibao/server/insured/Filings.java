package org.yibao.server.insured;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.platform.audit.AuditTrail;

/** What the filings of a person's rights (R-INS-2, R-INS-3, R-INS-5) check and record alike. */
final class Filings {

    /** Where a filing comes from: an institution's HIS, the insured portal or the staff console. */
    static final Set<String> CHANNELS = Set.of("FSI", "PORTAL", "CONSOLE");

    private Filings() {}

    static void requireChannel(String channel) {
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("channel " + channel + " is not one of " + CHANNELS);
        }
    }

    /** The person insured on {@code date}, of {@code insutype} when given. */
    static Person person(Persons persons, String psnNo, String insutype, LocalDate date) {
        Person person = persons.find(psnNo, date)
                .orElseThrow(() -> new FilingRefused("psn_no", "人员 " + psnNo + " 不存在或在 " + date + " 未参保"));
        if (insutype != null && !insutype.equals(person.insuranceType())) {
            throw new FilingRefused("insutype", "险种 " + insutype + " 与人员参保险种 " + person.insuranceType() + " 不一致");
        }
        return person;
    }

    /** A designated medical institution (not a pharmacy) in the role {@code role} (认定机构, 转出机构) of {@code what}. */
    static Institution medicalInstitution(Institutions institutions, String field, String role, String code, LocalDate date, String what) {
        if (code == null || code.isBlank()) {
            throw new FilingRefused(field, "请填写" + role + "（定点医疗机构编码）");
        }
        Institution institution = institutions.find(code, date).filter(Institution::designated)
                .orElseThrow(() -> new FilingRefused(field, role + " " + code + " 不存在或不是定点医疗机构"));
        if ("PHARMACY".equals(institution.kind())) {
            throw new FilingRefused(field, role + " " + code + " 是定点零售药店，" + what + "须由定点医疗机构办理");
        }
        return institution;
    }

    /** Filings of one kind for one person run one after the other (duplicate and count checks read under it). */
    static void lock(JdbcClient jdbc, String kind, String psnNo) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), hashtext(?))").params(kind, psnNo).query((rs, n) -> 1).list();
    }

    /**
     * Audits a change made from the console (R-REF-5). Calls of the national interface are kept, signed,
     * in the gateway's message log instead.
     */
    static void audit(AuditTrail audit, String channel, String actor, String action, String entity, String key, LocalDate effective,
                      Object before, Object after) {
        if ("CONSOLE".equals(channel)) {
            audit.recordAs(actor == null ? AuditTrail.currentActor() : actor, action, entity, key, effective, before, after);
        }
    }
}
