/**
 * Hello servers for the benchmark harness ({@code bench/run}): Gatehouse and each Java peer on its
 * own public API, all serving the same three resources.
 *
 * <ul>
 *   <li>{@code /}: {@code Hello, World!\n}, {@code text/plain}, {@code Content-Length: 14};</li>
 *   <li>{@code /json}: {@code {"message":"Hello, World!"}} serialised per request with Jackson;</li>
 *   <li>{@code /64k}: a pre-built 65,536-byte body.</li>
 * </ul>
 *
 * <p>Every main takes the port as its first argument and binds 127.0.0.1 only:
 *
 * {@snippet :
 * // java -cp target/classes:target/lib/* io.gatehouse.bench.peers.JettyHello 19001
 * }
 */
package io.gatehouse.bench.peers;
