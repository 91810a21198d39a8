package org.yibao.server.policy;

/**
 * One reason a policy file is refused: the file (e.g. {@code 990100/2026.yaml}), the 1-based line,
 * the key path inside the file, the rule broken and what to do.
 */
public record PolicyProblem(String file, int line, String path, String rule, String message) {

    /** "990100/2026.yaml:12". */
    public String location() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return location() + " " + (path == null || path.isEmpty() ? "" : path + ": ") + message + " [" + rule + "]";
    }
}
