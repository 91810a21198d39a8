package org.yibao.server.console.web;

import jakarta.servlet.http.HttpServletRequest;

/** Chooses between a whole page and the fragment htmx asked for. */
final class Views {

    private Views() {}

    /**
     * The list fragment for an htmx request (search-as-you-type, paging), the whole page otherwise,
     * including when htmx restores a page missing from its history cache.
     */
    static String pageOrFragment(HttpServletRequest request, String template, String fragment) {
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        boolean historyRestore = "true".equals(request.getHeader("HX-History-Restore-Request"));
        return htmx && !historyRestore ? template + " :: " + fragment : template;
    }
}
