/**
 * Platform: what every context stands on — configuration, the database (embedded or external
 * PostgreSQL), security and staff users, the audit trail, and the problem+json error model.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.yibao.server.platform;
