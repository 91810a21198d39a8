package org.yibao.server.console.internal;

/** Turns what a user typed into LIKE patterns (wildcards typed by the user are matched literally). */
final class Search {

    /** Longest search text accepted; longer input is cut (no code or name is longer). */
    static final int MAX_LENGTH = 60;

    private Search() {}

    static String clean(String q) {
        if (q == null) {
            return null;
        }
        String trimmed = q.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code %text%}, or null when nothing was typed. */
    static String containsPattern(String q) {
        String text = clean(q);
        return text == null ? null : "%" + escape(text) + "%";
    }

    /** {@code text%}, or null when nothing was typed. */
    static String prefixPattern(String q) {
        String text = clean(q);
        return text == null ? null : escape(text) + "%";
    }
}
