package org.yibao.server.familydoctor;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/** A family-doctor contract (家庭医生签约): BASIC with one community centre, or TRIPLE "1+1+1". */
public record Contract(@JsonProperty("contract_id") long id, @JsonProperty("psn_no") String personNo,
                       @JsonProperty("kind") String kind, @JsonProperty("community_code") String communityCode,
                       @JsonProperty("district_code") String districtCode, @JsonProperty("city_code") String cityCode,
                       @JsonProperty("begin_date") LocalDate beginDate, @JsonProperty("end_date") LocalDate endDate,
                       @JsonProperty("recorded_at") Instant recordedAt, @JsonProperty("cancelled_at") Instant cancelledAt,
                       @JsonProperty("cancel_reason") String cancelReason) {

    public static final String BASIC = "BASIC";
    public static final String TRIPLE = "TRIPLE";

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
