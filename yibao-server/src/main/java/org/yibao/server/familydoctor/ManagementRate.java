package org.yibao.server.familydoctor;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A centre's hypertension standard-management rate (高血压规范管理率) for a calendar year (R-INS-4):
 * {@code registered} = persons with an I10 recognition and a contract with the centre, both in force on
 * some day of the year (cancelled ones never count); {@code managed} = those of them with at least 4
 * follow-ups by the centre in the year and at least one in each quarter; {@code rate} = managed ÷
 * registered with 4 decimals (half up), null when nobody is registered.
 */
public record ManagementRate(@JsonProperty("fixmedins_code") String centreCode, @JsonProperty("year") int year,
                             @JsonProperty("contracts") int contracts, @JsonProperty("registered") int registered,
                             @JsonProperty("managed") int managed, @JsonProperty("rate") BigDecimal rate) {}
