package io.gatehouse.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays every corpus request whole, byte by byte, line by line and split at every offset: the
 * parser must give the same result however the bytes arrive.
 */
class CorpusTest {

    static Stream<Corpus.Case> valid() {
        return Corpus.cases("valid");
    }

    static Stream<Corpus.Case> invalid() {
        return Corpus.cases("invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validRequestParsesTheSameWhateverTheSplit(Corpus.Case request) {
        assertTrue(!request.expected().startsWith("violation"), "a valid case expects a parse");
        replay(request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidRequestFailsWithItsViolationWhateverTheSplit(Corpus.Case request) {
        assertTrue(request.expected().startsWith("violation "), "an invalid case expects a violation");
        Violation.valueOf(request.expected().substring(10).strip());   // names a real violation
        replay(request);
    }

    private static void replay(Corpus.Case request) {
        List<List<byte[]>> ways = Corpus.splits(request.request());
        for (int i = 0; i < ways.size(); i++) {
            String mode = switch (i) {
                case 0 -> "whole";
                case 1 -> "byte by byte";
                case 2 -> "line by line";
                default -> "split at " + (i - 2);
            };
            assertEquals(request.expected(), Corpus.transcript(ways.get(i), request.limits()), request + ", " + mode);
        }
    }
}
