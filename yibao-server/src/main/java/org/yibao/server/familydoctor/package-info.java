/**
 * Family doctors (家庭医生签约, R-INS-4): contracts of a person with a community health centre, basic or
 * "1+1+1" (centre + district hospital + city hospital); the monthly blood-pressure follow-ups of
 * hypertension patients recorded by the centre; and the centre's hypertension standard-management rate
 * (规范管理率). Centres call it through the signed institution API ({@code /inst/api/family-doctor});
 * staff through {@code /api/admin/family-doctor} and the console. The free yearly health check is
 * settled by the benefit engine from the contract (see docs/family-doctor.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Family doctors")
package org.yibao.server.familydoctor;
