package org.yibao.server.console.instportal;

/** An institution-portal page for something its institution has not got (or another institution's): 404. */
class InstitutionPortalNotFoundException extends RuntimeException {

    InstitutionPortalNotFoundException(String what) {
        super(what + " not found");
    }
}
