package io.gatehouse.server;

import io.gatehouse.http.Violation;
import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server over TLS, with a raw TLS socket: exact bytes in, exact responses out. */
class TlsTest {

    /** Answers with what the environ says about the scheme and TLS. */
    static final Application TLS_ENVIRON = (environ, start) -> {
        start.start("200 OK", List.of(Header.of("Content-Type", "text/plain")));
        return Body.of(environ.urlScheme() + " " + environ.get("HTTPS") + " " + environ.serverPort() + " "
            + environ.get("SSL_PROTOCOL") + " " + environ.get("SSL_CIPHER") + "\n");
    };

    static RunningServer tlsServer(Application app, TestCertificates certificates) throws IOException {
        return new RunningServer(app, config -> config.withTls(certificates.config()));
    }

    /** A TLS client socket that trusts the test certificate, with a read timeout. */
    static SSLSocket connect(RunningServer running, SSLContext context, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(running.address(), 5000);
        socket.setSoTimeout(5000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName("localhost")));
        if (protocols.length > 0) {
            parameters.setProtocols(protocols);
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    static void send(SSLSocket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Reads as many bytes as the expected text has (the Date field has a fixed length), masked. */
    static String read(SSLSocket socket, String expected) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(expected.length());
        return RawClient.maskDate(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    static final String HELLO = """
        HTTP/1.1 200 OK\r
        Date: Wed, 25 Nov 2026 10:00:00 GMT\r
        Server: Gatehouse/0.1\r
        Content-Type: text/plain\r
        Content-Length: 14\r
        \r
        Hello, World!
        """;

    @Test
    void servesOverTls13WithAlpnHttp11() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        try (RunningServer running = tlsServer(Apps.HELLO, certificates);
             SSLSocket socket = connect(running, certificates.clientContext())) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            assertEquals("http/1.1", socket.getApplicationProtocol(), "ALPN never picks h2");
            send(socket, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertEquals(RawClient.maskDate(HELLO), read(socket, HELLO));
        }
    }

    @Test
    void keepsTheConnectionForPipelinedAndChunkedRequests() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        try (RunningServer running = tlsServer(Apps.ECHO, certificates);
             SSLSocket socket = connect(running, certificates.clientContext())) {
            send(socket, "POST /a HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\nX-Sum: 11\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc");
            String first = """
                HTTP/1.1 200 OK\r
                Date: Wed, 25 Nov 2026 10:00:00 GMT\r
                Server: Gatehouse/0.1\r
                Content-Type: text/plain\r
                X-Trailers: X-Sum=11;\r
                Content-Length: 11\r
                \r
                hello world""";
            assertEquals(RawClient.maskDate(first), read(socket, first));
            String second = """
                HTTP/1.1 200 OK\r
                Date: Wed, 25 Nov 2026 10:00:00 GMT\r
                Server: Gatehouse/0.1\r
                Content-Type: text/plain\r
                X-Trailers: -\r
                Content-Length: 3\r
                \r
                abc""";
            assertEquals(RawClient.maskDate(second), read(socket, second));
            send(socket, "GET /c HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String third = """
                HTTP/1.1 200 OK\r
                Date: Wed, 25 Nov 2026 10:00:00 GMT\r
                Server: Gatehouse/0.1\r
                Content-Type: text/plain\r
                X-Trailers: -\r
                Content-Length: 0\r
                Connection: close\r
                \r
                """;
            assertEquals(RawClient.maskDate(third), read(socket, third));
            // The JDK's client reads the server's close_notify as the end of the stream.
            assertEquals(-1, socket.getInputStream().read());
            assertEquals(1, running.server.stats().connectionsAccepted());
            running.validator.assertAllClosed();
        }
    }

    @Test
    void endsWithCloseNotify() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (RunningServer running = tlsServer(Apps.HELLO, certificates);
             Socket recording = new Socket() {
                 @Override
                 public InputStream getInputStream() throws IOException {
                     return new FilterInputStream(super.getInputStream()) {
                         @Override
                         public int read(byte[] b, int off, int len) throws IOException {
                             int n = super.read(b, off, len);
                             wire.write(b, off, Math.max(n, 0));
                             return n;
                         }
                     };
                 }
             }) {
            recording.connect(running.address(), 5000);
            recording.setSoTimeout(5000);
            SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket(recording, "localhost", running.port(), false);
            send(socket, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n") && response.endsWith("\r\n\r\nHello, World!\n"),
                response);
        }
        // RFC 8446 section 6.1: after the response comes the close_notify alert, encrypted, so it
        // travels as a short application-data record (23): a few bytes of alert (the JDK pads it)
        // and a 16-byte tag. Without it the last record would be the response's.
        byte[] bytes = wire.toByteArray();
        int last = 0;
        for (int i = 0; i + 5 <= bytes.length; i += 5 + ((bytes[i + 3] & 0xFF) << 8 | bytes[i + 4] & 0xFF)) {
            last = i;
        }
        int length = (bytes[last + 3] & 0xFF) << 8 | bytes[last + 4] & 0xFF;
        assertEquals(23, bytes[last]);
        assertTrue(length - 16 < 32, "the last record holds " + (length - 16) + " bytes, more than an alert");
        assertEquals(bytes.length, last + 5 + length);
    }

    @Test
    void reassemblesRecordsThatArriveByteByByte() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        try (RunningServer running = tlsServer(Apps.ECHO, certificates);
             Socket dribbling = new Socket() {
                 @Override
                 public OutputStream getOutputStream() throws IOException {
                     OutputStream socket = super.getOutputStream();
                     return new OutputStream() {
                         @Override
                         public void write(int b) throws IOException {
                             socket.write(b);
                             socket.flush();
                         }
                     };
                 }
             }) {
            dribbling.setTcpNoDelay(true);   // every byte its own segment: records arrive in pieces
            dribbling.connect(running.address(), 5000);
            dribbling.setSoTimeout(5000);
            SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket(dribbling, "localhost", running.port(), true);
            send(socket, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nbytes");
            String expected = """
                HTTP/1.1 200 OK\r
                Date: Wed, 25 Nov 2026 10:00:00 GMT\r
                Server: Gatehouse/0.1\r
                Content-Type: text/plain\r
                X-Trailers: -\r
                Content-Length: 5\r
                \r
                bytes""";
            assertEquals(RawClient.maskDate(expected), read(socket, expected));
        }
    }

    @Test
    void streamsAChunkedResponseLargerThanATlsRecord() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        byte[] part = "0123456789abcdef".repeat(1024).getBytes(StandardCharsets.US_ASCII);   // 16 KiB
        Application big = (environ, start) -> {
            start.start("200 OK", List.of(Header.of("Content-Type", "text/plain")));
            return Body.of(List.of(part, part, part, part)::iterator, () -> { });
        };
        try (RunningServer running = tlsServer(big, certificates);
             SSLSocket socket = connect(running, certificates.clientContext())) {
            send(socket, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            InputStream in = socket.getInputStream();
            String head = head(in);
            assertTrue(head.contains("Transfer-Encoding: chunked\r\n"), head);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int i = 0; i < 4; i++) {
                assertEquals("4000\r\n", new String(in.readNBytes(6), StandardCharsets.US_ASCII));
                body.write(in.readNBytes(part.length));
                assertEquals("\r\n", new String(in.readNBytes(2), StandardCharsets.US_ASCII));
            }
            assertEquals("0\r\n\r\n", new String(in.readNBytes(5), StandardCharsets.US_ASCII));
            assertEquals(4 * part.length, body.size());
        }
    }

    /** @return the response head, read up to and including its empty line */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(seen.toString(StandardCharsets.ISO_8859_1));
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void environSaysHttpsAndTheTlsParameters() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        try (RunningServer running = tlsServer(TLS_ENVIRON, certificates);
             SSLSocket socket = connect(running, certificates.clientContext())) {
            send(socket, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: localhost:" + running.port() + "\r\n\r\n");
            String prefix = "HTTP/1.1 200 OK\r\nDate: Wed, 25 Nov 2026 10:00:00 GMT\r\nServer: Gatehouse/0.1\r\n"
                + "Content-Type: text/plain\r\n";
            String first = "https on 443 TLSv1.3 TLS_AES_256_GCM_SHA384\n";
            String expected = prefix + "Content-Length: " + first.length() + "\r\n\r\n" + first;
            assertEquals(RawClient.maskDate(expected), read(socket, expected));
            String second = "https on " + running.port() + " TLSv1.3 TLS_AES_256_GCM_SHA384\n";
            expected = prefix + "Content-Length: " + second.length() + "\r\n\r\n" + second;
            assertEquals(RawClient.maskDate(expected), read(socket, expected));
        }
    }

    @Test
    void speaksTls12WithAnRsaCertificateAndAForwardSecretAeadSuite() throws Exception {
        TestCertificates certificates = TestCertificates.rsa();
        try (RunningServer running = tlsServer(TLS_ENVIRON, certificates);
             SSLSocket socket = connect(running, certificates.clientContext(), "TLSv1.2")) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertEquals("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", socket.getSession().getCipherSuite());
            send(socket, "GET / HTTP/1.0\r\n\r\n");
            String body = "https on " + running.port() + " TLSv1.2 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n";
            String expected = "HTTP/1.0 200 OK\r\nDate: Wed, 25 Nov 2026 10:00:00 GMT\r\nServer: Gatehouse/0.1\r\n"
                + "Content-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            assertEquals(RawClient.maskDate(expected), read(socket, expected));
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void servesAnEd25519Certificate() throws Exception {
        TestCertificates certificates = TestCertificates.ed25519();
        try (RunningServer running = tlsServer(Apps.HELLO, certificates);
             SSLSocket socket = connect(running, certificates.clientContext())) {
            assertEquals("EdDSA", socket.getSession().getPeerCertificates()[0].getPublicKey().getAlgorithm());
            send(socket, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertEquals(RawClient.maskDate(HELLO), read(socket, HELLO));
        }
    }

    @Test
    void refusesTls11WithAProtocolVersionAlert() throws Exception {
        try (RunningServer running = tlsServer(Apps.HELLO, TestCertificates.ec());
             RawClient client = RawClient.connect(running.address())) {
            client.send(tls11ClientHello());
            byte[] answer = client.readUntilClose().getBytes(StandardCharsets.ISO_8859_1);
            // RFC 8446 section 6.2: a fatal (2) protocol_version (70) alert record (21), then the close.
            assertEquals(7, answer.length, "one alert record");
            assertEquals(21, answer[0]);
            assertEquals(2, answer[5]);
            assertEquals(70, answer[6]);
        }
    }

    @Test
    void answersPlainHttpOnTheTlsPortWith400() throws Exception {
        try (RunningServer running = tlsServer(Apps.HELLO, TestCertificates.ec());
             RawClient client = RawClient.connect(running.address())) {
            // A body behind the head is read away before the close (lingering close, as nginx does);
            // over a real network, closing with unread bytes would reset the connection.
            client.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 50000\r\n\r\n" + "x".repeat(50_000));
            assertEquals("""
                HTTP/1.1 400 Bad Request\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Length: 78\r
                Connection: close\r
                \r
                400 Bad Request: a plain HTTP request was sent to an HTTPS port; use https://
                """, client.readUntilClose());
            assertEquals(0, running.server.stats().requests());
        }
    }

    @Test
    void closesAHandshakeThatStallsPastTheHeadTimeout() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO, config -> config.withTls(TestCertificates.ec()
                 .config()).withTimeouts(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5),
                 Duration.ofSeconds(5)));
             RawClient client = RawClient.connect(running.address())) {
            byte[] hello = tls11ClientHello();
            client.send(Arrays.copyOf(hello, 10));   // the start of a record, never finished
            byte[] answer = client.readUntilClose().getBytes(StandardCharsets.ISO_8859_1);
            // RFC 8446 section 6.1: the handshake is given up with user_canceled (90) and
            // close_notify (0) alerts, both warnings (1), then the connection closes.
            assertEquals(List.of(21, 1, 90, 21, 1, 0), List.of((int) answer[0], (int) answer[5], (int) answer[6],
                (int) answer[7], (int) answer[12], (int) answer[13]));
            assertEquals(14, answer.length);
        }
    }

    @Test
    void answersASlowHeadWith408OverTls() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        try (RunningServer running = new RunningServer(Apps.HELLO, config -> config.withTls(certificates.config())
                 .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));
             SSLSocket socket = connect(running, certificates.clientContext())) {
            send(socket, "GET / HTTP/1.1\r\nHost: loc");
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
            assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
            assertTrue(answer.endsWith("HEAD_TIMEOUT (" + Violation.HEAD_TIMEOUT.rfc() + ")\n"), answer);
        }
    }

    /**
     * A TLS 1.1 ClientHello (RFC 4346 section 7.4.1.2): legacy version 3.2, no supported_versions
     * extension, one cipher suite (TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA), null compression.
     */
    static byte[] tls11ClientHello() {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.writeBytes(new byte[] {3, 2});             // client_version TLS 1.1
        hello.writeBytes(new byte[32]);                  // random
        hello.write(0);                                  // session_id, empty
        hello.writeBytes(new byte[] {0, 2, (byte) 0xC0, 0x13});
        hello.writeBytes(new byte[] {1, 0});             // compression: null
        byte[] body = hello.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        int handshakeLength = body.length + 4;
        record.writeBytes(new byte[] {22, 3, 1, (byte) (handshakeLength >> 8), (byte) handshakeLength});
        record.writeBytes(new byte[] {1, 0, (byte) (body.length >> 8), (byte) body.length});
        record.writeBytes(body);
        return record.toByteArray();
    }
}
