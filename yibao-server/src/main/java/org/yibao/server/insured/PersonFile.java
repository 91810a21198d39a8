package org.yibao.server.insured;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person as staff look them up: the version in force, the personal-account balance (employees only),
 * identities, and read-only lists of what other contexts record about them.
 */
public record PersonFile(
        @JsonUnwrapped Person person,
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("identities") List<Identity> identities,
        @JsonProperty("mutual_aid_bindings") List<MutualAidBinding> mutualAidBindings,
        @JsonProperty("chronic_recognitions") List<ChronicRecognition> chronicRecognitions,
        @JsonProperty("family_doctor_contracts") List<FamilyDoctorContract> familyDoctorContracts,
        @JsonProperty("xr_filings") List<CrossRegionFiling> crossRegionFilings) {

    public PersonFile {
        identities = List.copyOf(identities);
        mutualAidBindings = List.copyOf(mutualAidBindings);
        chronicRecognitions = List.copyOf(chronicRecognitions);
        familyDoctorContracts = List.copyOf(familyDoctorContracts);
        crossRegionFilings = List.copyOf(crossRegionFilings);
    }

    /** 家庭共济 binding: the member uses the binder's personal account. */
    public record MutualAidBinding(@JsonProperty("id") long id, @JsonProperty("binder_psn_no") String binderPersonNo,
                                   @JsonProperty("member_psn_no") String memberPersonNo, @JsonProperty("relation") String relation,
                                   @JsonProperty("valid_from") LocalDate validFrom, @JsonProperty("valid_to") LocalDate validTo,
                                   @JsonProperty("bound_at") Instant boundAt, @JsonProperty("unbound_at") Instant unboundAt) {}

    /** 门诊慢特病认定. */
    public record ChronicRecognition(@JsonProperty("id") long id, @JsonProperty("dise_key") String diseaseKey,
                                     @JsonProperty("dise_codg") String diagnosisCode, @JsonProperty("fixmedins_code") String institutionCode,
                                     @JsonProperty("begin_date") LocalDate beginDate, @JsonProperty("end_date") LocalDate endDate,
                                     @JsonProperty("cancelled_at") Instant cancelledAt) {}

    /** 家庭医生签约: BASIC or TRIPLE (1+1+1). */
    public record FamilyDoctorContract(@JsonProperty("id") long id, @JsonProperty("kind") String kind,
                                       @JsonProperty("community_code") String communityCode, @JsonProperty("district_code") String districtCode,
                                       @JsonProperty("city_code") String cityCode, @JsonProperty("begin_date") LocalDate beginDate,
                                       @JsonProperty("end_date") LocalDate endDate, @JsonProperty("cancelled_at") Instant cancelledAt) {}

    /** 异地就医备案. */
    public record CrossRegionFiling(@JsonProperty("id") long id, @JsonProperty("category") String category,
                                    @JsonProperty("insured_admdvs") String insuredAdmdvs, @JsonProperty("treatment_admdvs") String treatmentAdmdvs,
                                    @JsonProperty("begin_date") LocalDate beginDate, @JsonProperty("end_date") LocalDate endDate,
                                    @JsonProperty("channel") String channel, @JsonProperty("cancelled_at") Instant cancelledAt) {}
}
