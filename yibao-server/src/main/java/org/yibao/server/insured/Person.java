package org.yibao.server.insured;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * One version of an insured person (参保人). JSON uses the national interface's field names; Java uses
 * plain names.
 *
 * @param personNo        人员编号 psn_no, 20 digits
 * @param certificateNo   证件号码 certno (居民身份证: 18 characters, GB 11643-1999 check digit)
 * @param certificateType 人员证件类型 psn_cert_type, 01 = 居民身份证
 * @param sex             性别 gend: 1 male, 2 female
 * @param birthDate       出生日期 brdy
 * @param ethnicity       民族 naty
 * @param insuranceType   险种类型 insutype: 310 职工基本医疗保险 (employees), 390 城乡居民基本医疗保险 (residents)
 * @param personType      人员类别 psn_type: 11xx 在职, 12xx 退休 (employees); 14xx/15xx residents
 * @param insuredAdmdvs   参保地 insuplc_admdvs (a pooling region)
 * @param residenceAdmdvs where the person lives (990121 inside 990100)
 * @param civilServant    公务员标志 cvlserv_flag, 0 or 1
 * @param insuredSince    参保日期 psn_insu_date
 * @param status          NORMAL, SUSPENDED (benefits suspended until statusUntil) or BLACKLISTED
 */
public record Person(
        @JsonProperty("psn_no") String personNo,
        @JsonProperty("certno") String certificateNo,
        @JsonProperty("psn_cert_type") String certificateType,
        @JsonProperty("psn_name") String name,
        @JsonProperty("gend") String sex,
        @JsonProperty("brdy") LocalDate birthDate,
        @JsonProperty("naty") String ethnicity,
        @JsonProperty("insutype") String insuranceType,
        @JsonProperty("psn_type") String personType,
        @JsonProperty("insuplc_admdvs") String insuredAdmdvs,
        @JsonProperty("residence_admdvs") String residenceAdmdvs,
        @JsonProperty("emp_name") String employerName,
        @JsonProperty("cvlserv_flag") String civilServant,
        @JsonProperty("psn_insu_date") LocalDate insuredSince,
        @JsonProperty("status") String status,
        @JsonProperty("status_until") LocalDate statusUntil,
        @JsonProperty("valid_from") LocalDate validFrom,
        @JsonProperty("valid_to") LocalDate validTo) {

    /** 职工 (employees' scheme, with a personal account). */
    public boolean isEmployee() {
        return "310".equals(insuranceType);
    }

    /** R-INS-8: benefits are paused on {@code date} (blacklisted, or suspended until a day not yet past). */
    public boolean benefitsPausedOn(LocalDate date) {
        return "BLACKLISTED".equals(status) || "SUSPENDED".equals(status) && (statusUntil == null || !date.isAfter(statusUntil));
    }
}
