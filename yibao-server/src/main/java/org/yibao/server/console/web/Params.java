package org.yibao.server.console.web;

/**
 * Lenient reading of list parameters: a page or filter value that is not a number (a hand-edited
 * URL) means "no filter" / "first page" rather than an error page, since nothing is changed.
 */
final class Params {

    private Params() {}

    static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
