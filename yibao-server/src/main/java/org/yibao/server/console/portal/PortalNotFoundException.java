package org.yibao.server.console.portal;

/** A portal page for something the signed-in person has not got (or that is someone else's): 404. */
class PortalNotFoundException extends RuntimeException {

    PortalNotFoundException(String what) {
        super(what + " not found");
    }
}
