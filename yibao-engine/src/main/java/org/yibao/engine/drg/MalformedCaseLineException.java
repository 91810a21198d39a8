package org.yibao.engine.drg;

/**
 * A line of a case file that cannot be read as a case (README §1), with what an HIS coder or the
 * author of an export needs to fix it: the line, the column (1-based field number and name), the value
 * and what was expected. The upstream Java grouper crashes on such lines; we refuse them clearly.
 */
public final class MalformedCaseLineException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final int column;
    private final String field;
    private final String value;
    private final String expected;

    MalformedCaseLineException(long lineNumber, int column, String field, String value, String expected) {
        super("line " + lineNumber + (column > 0 ? ", column " + column + " (" + field + ")" : "")
                + (value == null ? "" : ": got \"" + value + "\"") + "; expected " + expected);
        this.lineNumber = lineNumber;
        this.column = column;
        this.field = field;
        this.value = value;
        this.expected = expected;
    }

    public long lineNumber() {
        return lineNumber;
    }

    /** 1-based field number, or 0 when the line as a whole is wrong (too few fields). */
    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}
