package org.yibao.engine.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * 居民身份证号码 rules (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence whose
 * last digit is odd for men and even for women, and a check character by ISO 7064 MOD 11-2.
 */
public final class CertificateNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private CertificateNumbers() {}

    /** The check character of the first 17 digits (more characters are ignored). */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() < 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at position " + (i + 1) + ": " + c);
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** True for 17 digits followed by the right check character (an upper-case X for ten). */
    public static boolean isValid(String certno) {
        if (certno == null || certno.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (certno.charAt(i) < '0' || certno.charAt(i) > '9') {
                return false;
            }
        }
        return certno.charAt(17) == checkCharacter(certno);
    }

    /** The number with its check character appended. */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }

    /** The birth date encoded in the number, if it is a real date. */
    public static Optional<LocalDate> birthDate(String certno) {
        try {
            return Optional.of(LocalDate.parse(certno.substring(6, 14), BASIC));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** gend encoded in the number: "1" (odd 17th digit, male) or "2" (even, female). */
    public static String sex(String certno) {
        return (certno.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }
}
