package io.gatehouse.spec;

import java.io.IOException;
import java.util.List;

/**
 * The optional {@code gateway.early_hints} key: sends a {@code 103 Early Hints} interim response
 * (RFC 8297) before the final one.
 *
 * {@snippet :
 * if (environ.earlyHints() instanceof EarlyHints hints) {
 *     hints.send(List.of(Header.of("Link", "</app.css>; rel=preload; as=style")));
 * }
 * }
 *
 * <p>It may be called any number of times before the final response starts; after that it does
 * nothing. Servers talking to HTTP/1.0 clients, which cannot receive interim responses, leave the
 * key out.
 */
@FunctionalInterface
public interface EarlyHints {

    /**
     * Sends one 103 response with the given fields (usually {@code Link}).
     *
     * @param headers the fields of the interim response
     * @throws IOException when the connection fails
     */
    void send(List<Header> headers) throws IOException;
}
