package io.gatehouse.http;

/**
 * A 256-entry table that classifies every byte once, so the parsers test a class with one array
 * load and a mask instead of a chain of comparisons.
 *
 * {@snippet :
 * if (!Tokens.isToken(b)) throw ...;   // RFC 9110, section 5.6.2
 * }
 */
public final class Tokens {

    /** {@code tchar} of RFC 9110, section 5.6.2: what field names and methods are made of. */
    static final int TOKEN = 1;
    /** A byte allowed in a field value: VCHAR, obs-text, SP and HTAB (RFC 9110, section 5.5). */
    static final int FIELD_VALUE = 2;
    /** A visible US-ASCII byte, what a request target is made of (RFC 9112, section 3.2). */
    static final int TARGET = 4;
    /** SP or HTAB: optional whitespace (RFC 9110, section 5.6.3). */
    static final int WHITESPACE = 8;
    /** A hexadecimal digit (chunk sizes, percent escapes). */
    static final int HEX = 16;

    private static final byte[] CLASSES = new byte[256];

    static {
        for (int b = 0x21; b <= 0x7E; b++) {
            CLASSES[b] |= FIELD_VALUE | TARGET;
        }
        for (int b = 0x80; b <= 0xFF; b++) {
            CLASSES[b] |= FIELD_VALUE;
        }
        CLASSES[' '] |= FIELD_VALUE | WHITESPACE;
        CLASSES['\t'] |= FIELD_VALUE | WHITESPACE;
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            CLASSES[c] |= TOKEN;
        }
        for (int b = '0'; b <= '9'; b++) {
            CLASSES[b] |= TOKEN | HEX;
        }
        for (int b = 'a'; b <= 'z'; b++) {
            CLASSES[b] |= TOKEN;
            CLASSES[b - 32] |= TOKEN;
        }
        for (int b = 'a'; b <= 'f'; b++) {
            CLASSES[b] |= HEX;
            CLASSES[b - 32] |= HEX;
        }
    }

    private Tokens() {
    }

    static boolean is(byte b, int kind) {
        return (CLASSES[b & 0xFF] & kind) != 0;
    }

    /** @param b a byte @return whether it is a {@code tchar} (RFC 9110, section 5.6.2) */
    public static boolean isToken(byte b) {
        return (CLASSES[b & 0xFF] & TOKEN) != 0;
    }

    /** @param c a char @return whether it is a {@code tchar} (RFC 9110, section 5.6.2) */
    public static boolean isToken(char c) {
        return c < 256 && (CLASSES[c] & TOKEN) != 0;
    }

    /** @param c a char @return whether it may appear in a field value: VCHAR, obs-text, SP, HTAB */
    public static boolean isFieldValue(char c) {
        return c < 256 && (CLASSES[c] & FIELD_VALUE) != 0;
    }

    /** @param b a byte @return the value of a hex digit, or -1 */
    public static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        int lower = b | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /**
     * Checks a name for a response or trailer field.
     *
     * @param name the name
     * @return whether it is a non-empty token
     */
    public static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isToken(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a value for a response field: no CR, LF, NUL or other control byte (response
     * splitting), nothing above U+00FF, no whitespace at either end (RFC 9110, section 5.5).
     *
     * @param value the value
     * @return whether it may be written as is
     */
    public static boolean isFieldValue(String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            if (!isFieldValue(value.charAt(i))) {
                return false;
            }
        }
        return n == 0 || (value.charAt(0) > ' ' && value.charAt(n - 1) > ' ');
    }
}
