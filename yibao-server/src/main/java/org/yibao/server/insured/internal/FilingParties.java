package org.yibao.server.insured.internal;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.insured.FilingRefused;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.Persons;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiRefusal;

/**
 * What the filing transactions (2501–2506) check alike: the person is insured on the day and in the
 * envelope's insured region, the calling institution is a medical one (not a pharmacy), and a
 * serialisation lock per person.
 */
@Component
class FilingParties {

    private final Persons persons;
    private final Institutions institutions;
    private final JdbcClient jdbc;

    FilingParties(Persons persons, Institutions institutions, JdbcClient jdbc) {
        this.persons = persons;
        this.institutions = institutions;
        this.jdbc = jdbc;
    }

    /** The person in force on {@code date}, in the envelope's insuplc_admdvs and of {@code insutype} when given. */
    Person person(FsiCall call, String path, String psnNo, String insutype, LocalDate date) {
        Person person = persons.find(psnNo, date)
                .orElseThrow(() -> FsiRefusal.field(path + ".psn_no", "人员 " + psnNo + " 不存在或在 " + date + " 未参保"));
        if (call.insuplcAdmdvs() != null && !call.insuplcAdmdvs().equals(person.insuredAdmdvs())) {
            throw FsiRefusal.field("insuplc_admdvs", call.insuplcAdmdvs() + " 不是人员 " + psnNo + " 的参保地 " + person.insuredAdmdvs());
        }
        if (insutype != null && !insutype.equals(person.insuranceType())) {
            throw FsiRefusal.field(path + ".insutype", "险种 " + insutype + " 与人员参保险种 " + person.insuranceType() + " 不一致");
        }
        return person;
    }

    /** The calling institution; a pharmacy cannot file {@code what}. */
    Institution medicalCaller(FsiCall call, String what) {
        Institution caller = institutions.find(call.fixmedinsCode(), call.now().toLocalDate())
                .orElseThrow(() -> new FsiRefusal("机构 " + call.fixmedinsCode() + " 不是有效的定点医药机构"));
        if ("PHARMACY".equals(caller.kind())) {
            throw FsiRefusal.field("fixmedins_code", "定点零售药店不能办理" + what + "，须由定点医疗机构办理");
        }
        return caller;
    }

    /** Filings of one person run one after the other (duplicate and count checks read under it). */
    void lock(String kind, String psnNo) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), hashtext(?))").params(kind, psnNo).query((rs, n) -> 1).list();
    }

    static FsiRefusal refusal(String path, FilingRefused refused) {
        return refused.field() == null ? new FsiRefusal(refused.getMessage()) : FsiRefusal.field(path + "." + refused.field(), refused.getMessage());
    }
}
