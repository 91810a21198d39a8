package org.yibao.server.demo;

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence (odd for
 * men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
public final class CertificateNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private CertificateNumbers() {}

    /** The check character of the first 17 digits. */
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

    /** True for an 18-character number whose check character is right. */
    public static boolean isValid(String certno) {
        if (certno == null || certno.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(certno.charAt(i))) {
                return false;
            }
        }
        return Character.toUpperCase(certno.charAt(17)) == checkCharacter(certno);
    }

    /** The number with its check character appended. */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }
}
