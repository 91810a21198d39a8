package org.yibao.server.institution;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A medical alliance (医联体): a city group (城市医疗集团) or a county medical community (县域医共体),
 * led by one institution.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Alliance(String code, String name, String kind, String admdvs, String leadFixmedinsCode) {}
