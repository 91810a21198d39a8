package org.yibao.server.demo.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into one table with PostgreSQL {@code COPY … FROM STDIN} (text format), the fastest way
 * to write a hundred thousand rows. Runs on the caller's connection, hence inside its transaction.
 */
final class TableCopy implements AutoCloseable {

    private final Writer out;
    private final int columns;
    private long rows;

    TableCopy(CopyManager copy, String table, String... columns) throws SQLException {
        this.columns = columns.length;
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        this.out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy.copyIn(sql), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    /** One row; values in column order. null → NULL; booleans, dates, numbers and strings as text. */
    TableCopy row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                write(values[i]);
            }
            out.write('\n');
            rows++;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("COPY failed", e);
        }
    }

    private void write(Object value) throws IOException {
        if (value == null) {
            out.write("\\N");
        } else if (value instanceof Boolean b) {
            out.write(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            out.write(d.toPlainString());
        } else {
            String s = value.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(c);
                }
            }
        }
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY; the server checks every row now (types, constraints). */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("COPY failed", e);
        }
    }
}
