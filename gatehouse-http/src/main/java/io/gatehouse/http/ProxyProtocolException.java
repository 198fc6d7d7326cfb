package io.gatehouse.http;

import java.io.IOException;

/**
 * A PROXY protocol header that breaks the spec; the message names the problem and the offending
 * byte offset or token.
 *
 * <p>There is no response to send: the spec (section 2) says a receiver that gets an invalid header
 * must close the connection, so this is an {@link IOException} that the connection code handles
 * like any broken connection, after logging the message.
 */
public final class ProxyProtocolException extends IOException {

    /**
     * @param message what is wrong, for example {@code "PROXY v2: version nibble is 0x1, expected 0x2"}
     */
    public ProxyProtocolException(String message) {
        super(message);
    }
}
