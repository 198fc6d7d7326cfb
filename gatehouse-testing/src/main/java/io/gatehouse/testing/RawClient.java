package io.gatehouse.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Exact bytes over a loopback socket, for testing a server the way a hostile or careless client
 * talks to it. Every read has a timeout, so a test never hangs on a silent server.
 *
 * {@snippet :
 * try (RawClient client = RawClient.connect(server.addresses().get(0))) {
 *     client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
 *     RawResponse response = client.readResponse();
 *     assertEquals("""
 *         HTTP/1.1 200 OK\r
 *         Date: <masked>\r
 *         ...""", RawClient.maskDate(response.text()));
 *     assertTrue(client.closedByPeer());
 * }
 * }
 */
public final class RawClient implements AutoCloseable {

    private static final Pattern DATE = Pattern.compile("(?<=\r\n)Date: [^\r\n]*\r\n");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * @param address where the server listens
     * @return a connected client with a 5-second read timeout
     * @throws IOException when the connection fails
     */
    public static RawClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        return new RawClient(socket);
    }

    /** @param timeout the read timeout for every later call @return this */
    public RawClient timeout(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** @param text sent as ISO-8859-1, byte for char @return this */
    public RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** @param bytes sent as they are @return this */
    public RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Closes the sending side only (half-close), as a client that is done sending does. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** @return the next response to a request other than HEAD */
    public RawResponse readResponse() throws IOException {
        return readResponse(false);
    }

    /**
     * Reads one response: status line, fields, and the body framed by Content-Length, chunked
     * coding or the end of the connection (RFC 9112, section 6.3).
     *
     * @param toHead whether the request was HEAD (no body follows)
     * @return the response
     * @throws SocketTimeoutException when the server says nothing within the timeout
     */
    public RawResponse readResponse(boolean toHead) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String statusLine = line(raw);
        List<String[]> fields = new ArrayList<>();
        String field;
        while (!(field = line(raw)).isEmpty()) {
            int colon = field.indexOf(':');
            fields.add(new String[] {field.substring(0, colon), field.substring(colon + 1).strip()});
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = value(fields, "Content-Length");
        String coding = value(fields, "Transfer-Encoding");
        if (toHead || status < 200 || status == 204 || status == 304) {
            // no body
        } else if (coding != null && coding.toLowerCase().endsWith("chunked")) {
            chunked(raw, body);
        } else if (length != null) {
            byte[] bytes = in.readNBytes(Integer.parseInt(length));
            raw.writeBytes(bytes);
            body.writeBytes(bytes);
            if (bytes.length < Integer.parseInt(length)) {
                throw new EOFException("connection closed after " + bytes.length + " of " + length + " body bytes");
            }
        } else {
            byte[] bytes = in.readAllBytes();
            raw.writeBytes(bytes);
            body.writeBytes(bytes);
        }
        return new RawResponse(status, statusLine, List.copyOf(fields), body.toByteArray(),
            raw.toString(StandardCharsets.ISO_8859_1));
    }

    private void chunked(ByteArrayOutputStream raw, ByteArrayOutputStream body) throws IOException {
        while (true) {
            String sizeLine = line(raw);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                while (!line(raw).isEmpty()) {
                    // trailer fields are kept in raw only
                }
                return;
            }
            byte[] data = in.readNBytes(size);
            if (data.length < size) {
                throw new EOFException("connection closed inside a chunk");
            }
            raw.writeBytes(data);
            body.writeBytes(data);
            if (!line(raw).isEmpty()) {
                throw new IOException("chunk data not followed by CRLF");
            }
        }
    }

    private String line(ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            raw.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        throw new EOFException("connection closed; read so far: " + raw.toString(StandardCharsets.ISO_8859_1));
    }

    private static String value(List<String[]> fields, String name) {
        for (String[] field : fields) {
            if (field[0].equalsIgnoreCase(name)) {
                return field[1];
            }
        }
        return null;
    }

    /** @return everything the server sends until it closes, as ISO-8859-1 text */
    public String readUntilClose() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /**
     * @return whether the server closed the connection: the next read sees end of stream (or a
     *     reset) within the timeout, with no further bytes
     * @throws IOException when bytes arrive instead
     */
    public boolean closedByPeer() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                throw new IOException("expected the connection to be closed, but got byte " + b);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;   // reset by peer counts as closed
        }
    }

    /**
     * @param response a whole response as text
     * @return the same text with the Date value replaced by {@code <masked>}
     */
    public static String maskDate(String response) {
        return DATE.matcher(response).replaceAll("Date: <masked>\r\n");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * One response as read.
     *
     * @param status     the status code
     * @param statusLine the status line without CRLF
     * @param fields     the fields as {@code [name, value]}, in order
     * @param body       the body, decoded from its framing
     * @param text       every byte of the response as read, ISO-8859-1
     */
    public record RawResponse(int status, String statusLine, List<String[]> fields, byte[] body, String text) {

        /** @param name a field name @return its first value, or null */
        public String field(String name) {
            return value(fields, name);
        }

        /** @return the body as UTF-8 text */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** @return {@link #text()} with the Date value masked */
        public String masked() {
            return maskDate(text);
        }
    }
}
