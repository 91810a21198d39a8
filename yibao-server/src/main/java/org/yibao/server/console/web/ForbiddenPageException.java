package org.yibao.server.console.web;

/** A signed-in staff member opened a page their role may not use: answered with the console's 403 page. */
class ForbiddenPageException extends RuntimeException {

    ForbiddenPageException() {
        super("forbidden for this role");
    }
}
