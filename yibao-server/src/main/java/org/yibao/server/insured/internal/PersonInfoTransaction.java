package org.yibao.server.insured.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yibao.server.insured.DesignatedInstitution;
import org.yibao.server.insured.DesignatedInstitutions;
import org.yibao.server.insured.ElectronicCredentials;
import org.yibao.server.insured.Identity;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.PersonFile;
import org.yibao.server.insured.Persons;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * 1101 人员信息获取 (NATIONAL_INTERFACE §3; R-INS-6/7/8): a person by electronic credential (a token the
 * person took in the portal, see {@link ElectronicCredentials}), ID card or social-security card; the person's insurance,
 * account balance, status (a suspension or blacklisting shows as 暂停 with its end date) and identities;
 * the local extension {@code fixmedinsinfo[]} lists the designated institutions the person has chosen
 * (R-INS-2, 我的定点) in force on the day.
 */
@Component
class PersonInfoTransaction implements FsiTransaction {

    private static final Set<String> CERT_TYPES = Set.of("01", "02", "03");
    private static final Map<String, String> IDENTITY_MEMOS = Map.of("2101", "特困人员：住院押金减免，医疗救助 100%",
            "2102", "低保对象：住院押金减免，医疗救助 70%", "2103", "防返贫监测对象：医疗救助 60%");

    private final Persons persons;
    private final DesignatedInstitutions designated;
    private final ElectronicCredentials credentials;

    PersonInfoTransaction(Persons persons, DesignatedInstitutions designated, ElectronicCredentials credentials) {
        this.persons = persons;
        this.designated = designated;
        this.credentials = credentials;
    }

    @Override
    public List<String> infnos() {
        return List.of("1101");
    }

    @Override
    public Object handle(FsiCall call) {
        FsiNode data = call.input().object("data");
        String certType = data.optCode("mdtrt_cert_type", CERT_TYPES);
        String certNo = data.optText("mdtrt_cert_no", 100);
        String psnCertType = data.optText("psn_cert_type", 2);
        String certno = data.optText("certno", 18);
        String name = data.optText("psn_name", 50);
        LocalDate date = Optional.ofNullable(data.optTime("begntime")).map(t -> t.toLocalDate()).orElse(call.now().toLocalDate());
        Optional<Person> found;
        String shown;
        if (certType != null && certNo != null) {
            shown = "凭证 " + certType + "/" + certNo;
            // R-INS-7: the electronic credential is a portal token (or, for the demo, the psn_no or certno); cards carry the certno.
            found = "01".equals(certType) ? credentials.holder(certNo, call.receivedAt(), date) : persons.findByCertno(certNo);
        } else if (certno != null) {
            if (psnCertType != null && !"01".equals(psnCertType)) {
                throw FsiRefusal.field("data.psn_cert_type", "证件类型 " + psnCertType + " 不受理，仅支持 01 居民身份证");
            }
            shown = "证件号码 " + certno;
            found = persons.findByCertno(certno);
        } else {
            throw FsiRefusal.field("data.mdtrt_cert_no", "须提供就诊凭证（mdtrt_cert_type + mdtrt_cert_no）或证件号码（certno）");
        }
        Person person = found.orElseThrow(() -> FsiRefusal.field("data", "未找到" + shown + " 对应的参保人"));
        if (name != null && !name.equals(person.name())) {
            throw FsiRefusal.field("data.psn_name", "姓名与" + shown + " 的参保人不一致");
        }
        if (call.insuplcAdmdvs() != null && !call.insuplcAdmdvs().equals(person.insuredAdmdvs())) {
            throw FsiRefusal.field("insuplc_admdvs", call.insuplcAdmdvs() + " 不是该参保人的参保地 " + person.insuredAdmdvs());
        }
        PersonFile file = persons.file(person.personNo(), date).orElseThrow();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("psn_no", person.personNo());
        base.put("psn_cert_type", person.certificateType());
        base.put("certno", person.certificateNo());
        base.put("psn_name", person.name());
        base.put("gend", person.sex());
        base.put("naty", person.ethnicity());
        base.put("brdy", person.birthDate().toString());
        base.put("age", BigDecimal.valueOf(Period.between(person.birthDate(), date).getYears()));
        boolean paused = person.benefitsPausedOn(date);
        Map<String, Object> insu = new LinkedHashMap<>();
        insu.put("balc", (file.balance() == null ? BigDecimal.ZERO : file.balance()).setScale(2));
        insu.put("insutype", person.insuranceType());
        insu.put("psn_type", person.personType());
        insu.put("psn_insu_stas", paused ? "2" : "1");
        insu.put("psn_insu_date", person.insuredSince().toString());
        insu.put("paus_insu_date", paused && person.statusUntil() != null ? person.statusUntil().toString() : null);
        insu.put("cvlserv_flag", person.civilServant());
        insu.put("insuplc_admdvs", person.insuredAdmdvs());
        insu.put("emp_name", person.employerName());
        if (paused) {
            insu.put("memo", "BLACKLISTED".equals(person.status()) ? "列入医保失信黑名单，暂停医保待遇" : "医保待遇暂停");
        }
        List<Map<String, Object>> idet = new ArrayList<>();
        for (Identity i : file.identities()) {
            if (!i.beginDate().isAfter(date) && (i.endDate() == null || !i.endDate().isBefore(date))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("psn_idet_type", i.type());
                m.put("psn_type_lv", null);
                m.put("memo", IDENTITY_MEMOS.getOrDefault(i.type(), i.memo()));
                m.put("begntime", i.beginDate().toString());
                m.put("endtime", i.endDate() == null ? null : i.endDate().toString());
                idet.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baseinfo", base);
        out.put("insuinfo", List.of(insu));
        out.put("idetinfo", idet);
        List<Map<String, Object>> fixmedins = new ArrayList<>();
        for (DesignatedInstitution d : designated.current(person.personNo(), date)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fix_srt_no", String.valueOf(d.slot()));
            m.put("fixmedins_code", d.fixmedinsCode());
            m.put("fixmedins_name", d.fixmedinsName());
            m.put("begndate", d.beginDate().toString());
            m.put("enddate", d.endDate() == null ? null : d.endDate().toString());
            m.put("trt_dcla_detl_sn", d.serial());
            fixmedins.add(m);
        }
        out.put("fixmedinsinfo", fixmedins);
        return out;
    }
}
