package io.gatehouse.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string into words the way a POSIX shell splits a simple command, without any
 * expansion: blanks separate words; single quotes keep everything literally; double quotes keep
 * blanks, and a backslash in them escapes only {@code " \ $ `}; a backslash outside quotes escapes
 * the next character.
 *
 * {@snippet :
 * ShellWords.split("--bind '[::1]:8000' --classpath \"my dir/app.jar\"");
 * // [--bind, [::1]:8000, --classpath, my dir/app.jar]
 * }
 */
final class ShellWords {

    private ShellWords() {
    }

    /**
     * @param text the words
     * @return each word, quotes removed
     * @throws IllegalArgumentException when a quote is not closed or the text ends in a backslash
     */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a single quote is not closed");
                }
                word.append(text, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(text, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 == text.length()) {
                    throw new IllegalArgumentException("ends with a backslash");
                }
                word.append(text.charAt(++i));
                inWord = true;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends a double-quoted part that starts at {@code from}; returns the index of its closing quote. */
    private static int doubleQuoted(String text, int from, StringBuilder word) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                c = text.charAt(++i);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("a double quote is not closed");
    }
}
