package org.yibao.server.insured;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * An identity of a person with its own dates: 2101 特困人员, 2102 低保对象, 2103 防返贫监测对象, …
 *
 * @param type      psn_idet_type, 4 digits
 * @param beginDate begntime (inclusive)
 * @param endDate   endtime (exclusive), null while open
 */
public record Identity(@JsonProperty("psn_idet_type") String type,
                       @JsonProperty("begntime") LocalDate beginDate,
                       @JsonProperty("endtime") LocalDate endDate,
                       @JsonProperty("memo") String memo) {}
