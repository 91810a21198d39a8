package org.yibao.server.institution;

/** Roles of institution users in the institution portal (R-INST-5). */
public enum InstitutionRole {
    /** 机构管理员: everything its institution's portal shows, and the users of its institution. */
    INST_ADMIN,
    /** 机构经办: reads its institution's portal. */
    INST_STAFF
}
