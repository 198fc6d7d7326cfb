package io.gatehouse.spec;

import java.util.List;

/**
 * The {@code gateway.input_trailers} key: the trailer fields that followed a chunked request body.
 *
 * <p>Trailers arrive after the last chunk, so {@link #fields()} is empty until
 * {@code gateway.input} has returned end of stream; for a body sent with {@code Content-Length} it
 * stays empty.
 */
@FunctionalInterface
public interface Trailers {

    /** Trailers of a request that has none. */
    Trailers NONE = List::of;

    /**
     * The trailer fields received so far.
     *
     * @return the fields in arrival order; empty until the request body has been read to its end
     */
    List<Header> fields();
}
