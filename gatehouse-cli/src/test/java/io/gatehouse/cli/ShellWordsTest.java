package io.gatehouse.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShellWordsTest {

    @Test
    void blanksSeparateWordsAndQuotesKeepThem() {
        assertEquals(List.of("--bind", "[::1]:8000", "-c", "my dir/app.jar", "a b", "x"),
            ShellWords.split("  --bind '[::1]:8000'\t-c \"my dir/app.jar\" a\\ b x\n"));
    }

    @Test
    void quotesJoinTheirNeighboursAndEscapesFollowShellRules() {
        assertEquals(List.of("ab c", "say \"hi\" \\n", "$HOME", ""),
            ShellWords.split("a'b c' \"say \\\"hi\\\" \\n\" '$HOME' ''"));
    }

    @Test
    void unclosedQuotesAndATrailingBackslashAreErrors() {
        assertEquals("a double quote is not closed",
            assertThrows(IllegalArgumentException.class, () -> ShellWords.split("\"abc")).getMessage());
        assertEquals("ends with a backslash",
            assertThrows(IllegalArgumentException.class, () -> ShellWords.split("abc\\")).getMessage());
    }
}
