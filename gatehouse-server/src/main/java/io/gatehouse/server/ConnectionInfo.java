package io.gatehouse.server;

import java.io.PrintStream;

/**
 * What the environ needs to know about a connection, computed once when it is accepted.
 *
 * @param remoteAddr     the peer's address as text
 * @param remotePort     the peer's port
 * @param localAddr      the local address as text (SERVER_NAME when there is no Host)
 * @param localPort      the local port
 * @param urlScheme      gateway.url_scheme: {@code http}, or {@code https} over TLS
 * @param serverSoftware SERVER_SOFTWARE
 * @param errorLog       gateway.errors
 */
record ConnectionInfo(String remoteAddr, String remotePort, String localAddr, String localPort, String urlScheme,
                      String serverSoftware, PrintStream errorLog) {
}
