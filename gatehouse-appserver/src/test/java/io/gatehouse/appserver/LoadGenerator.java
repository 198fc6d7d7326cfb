package io.gatehouse.appserver;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Test load: client threads on raw sockets, half opening a new connection per request, half reusing
 * keep-alive connections. Every request must get a complete 200 response; anything else is an error,
 * kept with its message. The one tolerated event is the one RFC 9112 section 9.3.1 allows clients to
 * retry: a reused idle connection closed by the server (end-of-file or reset) before any byte of
 * the response; it is retried on a new connection and counted apart. On a new connection the same
 * event is an error.
 */
final class LoadGenerator implements AutoCloseable {

    private final int port;
    private final List<Thread> threads;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong idleCloseRetries = new AtomicLong();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    LoadGenerator(int port, int clients) {
        this.port = port;
        this.threads = IntStream.range(0, clients)
            .mapToObj(i -> Thread.ofPlatform().name("load-" + i).start(() -> run(i % 2 == 0))).toList();
    }

    long served() {
        return served.get();
    }

    long idleCloseRetries() {
        return idleCloseRetries.get();
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /** Something to do once no new request will be issued. */
    interface Action {
        void run() throws Exception;
    }

    /**
     * Stops issuing new requests, then runs {@code action} (a graceful stop, say) while those in
     * flight finish, and waits for them.
     */
    void closeAfter(Action action) throws Exception {
        running = false;
        action.run();
        close();
    }

    /** Stops issuing new requests and waits for those in flight to finish. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    private void run(boolean keepAlive) {
        Socket socket = null;
        int usedOnSocket = 0;
        while (running) {
            try {
                if (socket == null) {
                    socket = connect();
                    usedOnSocket = 0;
                }
                boolean reused = usedOnSocket > 0;
                usedOnSocket++;
                boolean close = !keepAlive || usedOnSocket == 100;
                try {
                    close |= exchange(socket, close);
                    served.incrementAndGet();
                } catch (EOFException e) {
                    if (!reused || !e.getMessage().equals("closed before any byte")) {
                        throw e;
                    }
                    idleCloseRetries.incrementAndGet();
                    close = true;
                }
                if (close) {
                    socket.close();
                    socket = null;
                }
                // A steady load, not a CPU-saturating one: new worker JVMs must still be able to boot.
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // When (as the master's log writes time) and where: which reload or stop it fell into.
                errors.add(java.time.Instant.now() + " " + Thread.currentThread().getName()
                    + ": " + e);
                closeQuietly(socket);
                socket = null;
            }
        }
        closeQuietly(socket);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** @return whether the server closes the connection after this response */
    private static boolean exchange(Socket socket, boolean close) throws IOException {
        InputStream in = socket.getInputStream();
        int first;
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /load HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            first = in.read();
            if (first < 0) {
                throw new EOFException("closed before any byte");
            }
        } catch (SocketException e) {
            // A reset before any byte of the response is the same event as end-of-file there.
            throw (EOFException) new EOFException("closed before any byte").initCause(e);
        }
        String head = readHead(in, first);
        if (!head.startsWith("HTTP/1.1 200 ")) {
            throw new IOException("unexpected response: " + head);
        }
        int length = contentLength(head);
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("body cut short: " + body.length + " of " + length);
        }
        return head.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n");
    }

    private static String readHead(InputStream in, int first) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(first);
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        throw new EOFException("closed inside the head");
    }

    private static int contentLength(String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        throw new IOException("no Content-Length in " + head);
    }

    private static void closeQuietly(Socket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // Nothing left to do with it.
        }
    }
}
