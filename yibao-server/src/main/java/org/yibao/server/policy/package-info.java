/**
 * Policy (医保待遇政策): per pooling region and year, the numbers of the benefit calculation, kept in
 * YAML files a person reads and edits (R-REF-4). Files are validated on load with the file, line and
 * reason of every error; valid ones are stored verbatim as versions, and the active version of each
 * region and year is served to the other contexts as the engine's {@link org.yibao.engine.policy.RegionPolicy}
 * through {@link org.yibao.server.policy.PolicyBook}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy")
package org.yibao.server.policy;
