package io.gatehouse.spec;

/** Character classes of RFC 9110 that the {@link Validator} checks names and values against. */
final class Tokens {

    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    private Tokens() {
    }

    /** RFC 9110, 5.6.2: token = 1*tchar. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alnum = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!alnum && TCHAR_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9110, 5.5: field values hold visible characters, SP and HTAB, but no other control. */
    static int firstBadValueChar(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                return i;
            }
        }
        return -1;
    }
}
