/**
 * The seed's raw-socket web server in Java: {@link examples.rawsocket.RawSocketServer}.
 *
 * {@snippet :
 * // shell: ./gatehouse run-example rawsocket 8000
 * }
 */
package examples.rawsocket;
