/**
 * The I/O-free HTTP/1.1 codec: {@link io.gatehouse.http.RequestParser} (a push parser over
 * {@code ByteBuffer}s), {@link io.gatehouse.http.ChunkedDecoder} and
 * {@link io.gatehouse.http.ChunkedEncoder}, {@link io.gatehouse.http.ResponseHeadWriter}, and the
 * {@link io.gatehouse.http.Violation}s a request can commit. Shared by the server and the proxy.
 */
package io.gatehouse.http;
