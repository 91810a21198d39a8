package org.yibao.engine.policy;

import java.util.Collection;

/** Code patterns of policy files: "1101" matches itself; a trailing run of 'x' matches any characters ("14xx", "99xx"). */
final class Codes {

    private Codes() {}

    static boolean matches(String pattern, String code) {
        if (pattern == null || code == null || pattern.length() != code.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            if (p != 'x' && p != code.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean anyMatches(Collection<String> patterns, String code) {
        for (String pattern : patterns) {
            if (matches(pattern, code)) {
                return true;
            }
        }
        return false;
    }

    /** Whether two patterns can match one same code. */
    static boolean overlap(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != 'x' && y != 'x' && x != y) {
                return false;
            }
        }
        return true;
    }
}
