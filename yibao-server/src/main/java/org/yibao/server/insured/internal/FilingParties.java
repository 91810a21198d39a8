package org.yibao.server.insured.internal;

import java.time.LocalDate;
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
 * refusal of the rules of the insured context answered as a refusal naming the field.
 */
@Component
class FilingParties {

    private final Persons persons;
    private final Institutions institutions;

    FilingParties(Persons persons, Institutions institutions) {
        this.persons = persons;
        this.institutions = institutions;
    }

    /** The person in force on {@code date}, in the envelope's insuplc_admdvs. */
    Person person(FsiCall call, String path, String psnNo, LocalDate date) {
        Person person = persons.find(psnNo, date)
                .orElseThrow(() -> FsiRefusal.field(path + ".psn_no", "人员 " + psnNo + " 不存在或在 " + date + " 未参保"));
        envelope(call, person);
        return person;
    }

    /** The envelope's insured region (insuplc_admdvs), when given, is the person's. */
    void envelope(FsiCall call, Person person) {
        if (call.insuplcAdmdvs() != null && !call.insuplcAdmdvs().equals(person.insuredAdmdvs())) {
            throw FsiRefusal.field("insuplc_admdvs", call.insuplcAdmdvs() + " 不是人员 " + person.personNo() + " 的参保地 " + person.insuredAdmdvs());
        }
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

    static FsiRefusal refusal(String path, FilingRefused refused) {
        return refused.field() == null ? new FsiRefusal(refused.getMessage()) : FsiRefusal.field(path + "." + refused.field(), refused.getMessage());
    }
}
