package org.yibao.server.platform.security;

/** Staff roles; see {@code SecurityConfiguration} for what each may do. */
public enum StaffRole {
    /** 管理员 */
    ADMIN,
    /** 经办 */
    CLERK,
    /** 稽核 */
    AUDITOR,
    /** 只读 */
    READONLY
}
