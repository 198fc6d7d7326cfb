/**
 * The HTTP/1.1 server written from sockets: {@link io.gatehouse.server.Server} listens on every
 * address in a {@link io.gatehouse.server.ServerConfig}, serves each connection on its own virtual
 * thread, and calls an {@code io.gatehouse.spec.Application} per request as docs/spec.md says.
 * {@link io.gatehouse.server.ServerStats} counts what happened; with a
 * {@link io.gatehouse.server.TlsConfig} every connection speaks TLS (HTTPS).
 */
package io.gatehouse.server;
