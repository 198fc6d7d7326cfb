/**
 * The gateway interface (the Java counterpart of PEP 3333).
 *
 * <p>An {@link io.gatehouse.spec.Application} is called once per request with an
 * {@link io.gatehouse.spec.Environ} and a {@link io.gatehouse.spec.StartResponse} callback, and
 * returns its body as a {@link io.gatehouse.spec.Body}, an iterable of byte chunks that the server
 * closes when it is done:
 *
 * {@snippet :
 * Application app = (environ, startResponse) -> {
 *     byte[] data = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);
 *     startResponse.start("200 OK", List.of(
 *         Header.of("Content-Type", "text/plain"),
 *         Header.of("Content-Length", String.valueOf(data.length))
 *     ));
 *     return Body.of(data);
 * };
 * }
 *
 * <p>The normative text is {@code docs/spec.md}; the types here are its vocabulary.
 */
package io.gatehouse.spec;
