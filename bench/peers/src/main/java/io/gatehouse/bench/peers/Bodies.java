package io.gatehouse.bench.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The response bodies every server sends, so that all of them do exactly the same work.
 *
 * {@snippet :
 * byte[] hello = Bodies.HELLO;     // 14 bytes, pre-built
 * byte[] json = Bodies.json();     // serialised now, a new array each call
 * }
 */
public final class Bodies {

    /** The plaintext body: {@code Hello, World!\n}. */
    public static final byte[] HELLO = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);

    /** The 64 KiB body: {@code 0123456789abcdef} repeated 4,096 times (nginx and Gunicorn send the same bytes). */
    public static final byte[] SIXTY_FOUR_KIB = sixtyFourKib();

    /** The one JSON library of the benchmark; thread-safe once configured. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    /**
     * The JSON body, serialised on every call as a real handler would.
     *
     * @param message the value of the {@code message} member
     */
    public record Message(String message) {
    }

    /** @return {@code {"message":"Hello, World!"}} as UTF-8, freshly serialised */
    public static byte[] json() {
        try {
            return JSON.writeValueAsBytes(new Message("Hello, World!"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sixtyFourKib() {
        byte[] pattern = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[64 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = pattern[i % pattern.length];
        }
        return body;
    }
}
