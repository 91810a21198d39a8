package org.yibao.server.familydoctor;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/** A blood-pressure follow-up (高血压随访) of a hypertension patient by the contracted centre. */
public record FollowUp(@JsonProperty("follow_up_id") long id, @JsonProperty("psn_no") String personNo,
                       @JsonProperty("contract_id") long contractId, @JsonProperty("fixmedins_code") String fixmedinsCode,
                       @JsonProperty("follow_up_date") LocalDate date, @JsonProperty("systolic") int systolic,
                       @JsonProperty("diastolic") int diastolic, @JsonProperty("doctor_name") String doctorName,
                       @JsonProperty("recorded_at") Instant recordedAt) {}
