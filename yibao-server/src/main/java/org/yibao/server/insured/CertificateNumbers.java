package org.yibao.server.insured;

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
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private CertificateNumbers() {}

    /** Whether the value is 17 digits and the right check character (X upper-case). */
    public static boolean hasValidCheckDigit(String certno) {
        if (certno == null || certno.length() != 18 || !certno.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        return certno.charAt(17) == checkCharacter(certno.substring(0, 17));
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static Optional<LocalDate> birthDate(String certno) {
        try {
            return Optional.of(LocalDate.parse(certno.substring(6, 14), BASIC));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** gend encoded in the number: 1 (odd 17th digit, male) or 2 (even, female). */
    public static String sex(String certno) {
        return (certno.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }
}
