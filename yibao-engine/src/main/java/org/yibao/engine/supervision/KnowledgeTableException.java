package org.yibao.engine.supervision;

/** A malformed knowledge table, refused at load with the file, the line and the reason. */
public final class KnowledgeTableException extends IllegalArgumentException {

    private final String file;
    private final int line;
    private final String reason;

    public KnowledgeTableException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line number; 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
