package examples.rawsocket;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The seed's web server from sockets, in Java: bind, listen, and for each connection read one
 * chunk of at most 1024 bytes, print it, send a fixed response and close. It does not parse HTTP at
 * all, which is the point: everything else in Gatehouse is what a real server adds to this loop.
 *
 * {@snippet :
 * // shell: ./gatehouse run-example rawsocket 8000     then: curl -v http://127.0.0.1:8000/
 * try (RawSocketServer server = RawSocketServer.bind(0, System.out)) {
 *     System.out.println(server.port());
 *     server.serveForever();
 * }
 * }
 *
 * <p>Unlike the seed, it listens on 127.0.0.1 rather than on every interface: an example should
 * not be reachable from the network by accident.
 */
public final class RawSocketServer implements Closeable {

    /** The fixed answer; the seed's, with the CRLF line ends HTTP requires (RFC 9112 section 2.1). */
    public static final byte[] RESPONSE =
        "HTTP/1.1 200 OK\r\n\r\nSample Response to be parsed!\n".getBytes(StandardCharsets.US_ASCII);

    /** How long a connected client may stay silent before it is dropped. */
    private static final int CLIENT_TIMEOUT_MILLIS = 10_000;

    /** The port the seed listens on. */
    public static final int DEFAULT_PORT = 8000;

    private final ServerSocket listenSocket;
    private final PrintStream log;

    private RawSocketServer(ServerSocket listenSocket, PrintStream log) {
        this.listenSocket = listenSocket;
        this.log = log;
    }

    /**
     * @param args optional port (default 8000; 0 picks a free one)
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: rawsocket [PORT]");
        }
        int port = args.length == 0 ? DEFAULT_PORT : parsePort(args[0]);
        try (RawSocketServer server = bind(port, System.out)) {
            System.out.println("Serving your very own HTTP on port " + server.port() + " ...");
            server.serveForever();
        }
    }

    /**
     * @param port the port on 127.0.0.1; 0 picks a free one
     * @param log  where each request's bytes are printed
     * @return the listening server
     * @throws IOException when the port cannot be bound
     */
    public static RawSocketServer bind(int port, PrintStream log) throws IOException {
        ServerSocket listenSocket = new ServerSocket();
        try {
            // SO_REUSEADDR: a restart may bind while old connections sit in TIME_WAIT.
            listenSocket.setReuseAddress(true);
            listenSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            listenSocket.close();
            throw e;
        }
        return new RawSocketServer(listenSocket, log);
    }

    /** @return the port listened on */
    public int port() {
        return listenSocket.getLocalPort();
    }

    /** Accepts and answers connections, one at a time, until {@link #close()}. @throws IOException on I/O failure */
    public void serveForever() throws IOException {
        while (true) {
            Socket client;
            try {
                client = listenSocket.accept();
            } catch (SocketException e) {
                if (listenSocket.isClosed()) {
                    return;
                }
                throw e;
            }
            // One client's failure (a reset, a silent peer) must not end the server.
            try (client) {
                client.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
                answer(client);
            } catch (IOException e) {
                log.println("rawsocket: " + e.getMessage());
            }
        }
    }

    private void answer(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        byte[] buffer = new byte[1024];
        int read = in.read(buffer);
        byte[] request = read <= 0 ? new byte[0] : Arrays.copyOf(buffer, read);
        log.println(new String(request, StandardCharsets.UTF_8));
        client.getOutputStream().write(RESPONSE);
        client.getOutputStream().flush();
    }

    /** Stops listening; a blocked {@link #serveForever()} returns. @throws IOException on close failure */
    @Override
    public void close() throws IOException {
        listenSocket.close();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the one error below
        }
        throw new IllegalArgumentException("rawsocket: '" + text + "' is not a port (0-65535)");
    }
}
