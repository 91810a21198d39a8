package org.yibao.server.platform.fsi;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * The national interface's fixed-width times and numbers (NATIONAL_INTERFACE §2), read and written by hand:
 * every call carries several of them, and {@code DateTimeFormatter} and {@code String.format} were 4 % of a
 * request thread's CPU under settlement load (bench/gateway-cpu.sh with async-profiler). The rules are the
 * strict formatter's: {@code yyyy-MM-dd HH:mm:ss} and {@code yyyy-MM-dd} with real dates only.
 */
public final class FsiTimes {

    private FsiTimes() {}

    /** {@code yyyy-MM-dd HH:mm:ss}, a real date and time. */
    public static LocalDateTime parseTime(String text) {
        if (text.length() != 19 || text.charAt(10) != ' ' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            throw new DateTimeParseException("not yyyy-MM-dd HH:mm:ss", text, 0);
        }
        LocalDate date = parseDate(text.substring(0, 10));
        try {
            return date.atTime(digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2));
        } catch (DateTimeException e) {
            throw new DateTimeParseException(e.getMessage(), text, 11);
        }
    }

    /** {@code yyyy-MM-dd}, a real date (no 30 February). */
    public static LocalDate parseDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new DateTimeParseException("not yyyy-MM-dd", text, 0);
        }
        try {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
        } catch (DateTimeException e) {
            throw new DateTimeParseException(e.getMessage(), text, 0);
        }
    }

    /** {@code yyyyMMddHHmmss}, with {@code SSS} milliseconds appended when {@code millis}. */
    public static String compact(LocalDateTime t, boolean millis) {
        StringBuilder s = new StringBuilder(17);
        pad(s, t.getYear(), 4);
        pad(s, t.getMonthValue(), 2);
        pad(s, t.getDayOfMonth(), 2);
        pad(s, t.getHour(), 2);
        pad(s, t.getMinute(), 2);
        pad(s, t.getSecond(), 2);
        if (millis) {
            pad(s, t.getNano() / 1_000_000, 3);
        }
        return s.toString();
    }

    /** {@code n} (≥ 0) in {@code width} digits, zero-padded on the left, as {@code %0<width>d}. */
    public static String zeroPadded(long n, int width) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        return pad(new StringBuilder(width), n, width).toString();
    }

    /** Whether {@code text} is exactly {@code length} ASCII digits. */
    public static boolean isDigits(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static StringBuilder pad(StringBuilder s, long n, int width) {
        String digits = Long.toString(n);
        for (int i = digits.length(); i < width; i++) {
            s.append('0');
        }
        return s.append(digits);
    }

    private static int digits(String text, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("not a digit", text, i);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
