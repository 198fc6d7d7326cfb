package io.gatehouse.server;

import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.net.InetAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --proxy-protocol}: the header is read before the first request from trusted peers only,
 * its addresses reach the environ, and a trusted peer's connection without a valid one is closed.
 */
class ProxyProtocolTest {

    private static final UnaryOperator<ServerConfig> TRUST_LOOPBACK =
        c -> c.withProxyProtocol(ProxyProtocol.from(peer -> peer.equals("127.0.0.1")));
    private static final String REQUEST = "GET / HTTP/1.0\r\n\r\n";

    @TempDir
    Path dir;

    @Test
    void versionOneNamesTheClientAndTheAddressItReached() throws Exception {
        try (RunningServer running = new RunningServer(WhoApp.APP, TRUST_LOOPBACK);
             RawClient client = running.connect()) {
            String body = client.send("PROXY TCP4 203.0.113.7 192.0.2.10 4711 443\r\n" + REQUEST)
                .readResponse().bodyText();
            assertEquals("REMOTE_ADDR=203.0.113.7\nREMOTE_PORT=4711\nSERVER=192.0.2.10:443\nSCHEME=http\n", body);
        }
    }

    @Test
    void versionTwoWithIpv6IsDecodedAndWrittenInRfc5952Form() throws Exception {
        try (RunningServer running = new RunningServer(WhoApp.APP, TRUST_LOOPBACK);
             RawClient client = running.connect()) {
            byte[] header = v2(0x21, 0x21, concat(ip("2001:db8::1"), ip("2001:db8::2"), port(50000), port(8443)));
            String body = client.send(concat(header, REQUEST.getBytes(StandardCharsets.US_ASCII)))
                .readResponse().bodyText();
            assertEquals("REMOTE_ADDR=2001:db8::1\nREMOTE_PORT=50000\nSERVER=2001:db8::2:8443\nSCHEME=http\n", body);
        }
    }

    @Test
    void aHeaderArrivingOneByteAtATimeStillWorksAndTheRequestAfterItIsKept() throws Exception {
        try (RunningServer running = new RunningServer(WhoApp.APP, TRUST_LOOPBACK);
             RawClient client = running.connect()) {
            byte[] bytes = ("PROXY TCP4 198.51.100.1 192.0.2.10 1234 80\r\n" + REQUEST).getBytes(StandardCharsets.US_ASCII);
            for (byte b : bytes) {
                client.send(new byte[] {b});
            }
            assertTrue(client.readResponse().bodyText().startsWith("REMOTE_ADDR=198.51.100.1\nREMOTE_PORT=1234\n"));
        }
    }

    @Test
    void aLocalHeaderKeepsTheSocketsAddresses() throws Exception {
        try (RunningServer running = new RunningServer(WhoApp.APP, TRUST_LOOPBACK);
             RawClient client = running.connect()) {
            String body = client.send(concat(v2(0x20, 0x00, new byte[0]), REQUEST.getBytes(StandardCharsets.US_ASCII)))
                .readResponse().bodyText();
            assertTrue(body.startsWith("REMOTE_ADDR=127.0.0.1\nREMOTE_PORT="), body);
        }
    }

    @Test
    void aTrustedPeerWithoutAHeaderIsClosedWithoutAResponseAndALogLine() throws Exception {
        try (RunningServer running = new RunningServer(WhoApp.APP, TRUST_LOOPBACK);
             RawClient client = running.connect()) {
            assertEquals("", client.send(REQUEST).readUntilClose());
            running.server.stop();
            assertEquals("gatehouse: closing a connection from 127.0.0.1 without a valid PROXY protocol header: "
                + "not a PROXY protocol header: first byte 0x47 is neither 'P' (v1) nor 0x0d (v2)\n", running.errorLog());
        }
    }

    @Test
    void aMalformedHeaderIsClosedWithoutAResponseAndALogLine() throws Exception {
        try (RunningServer running = new RunningServer(WhoApp.APP, TRUST_LOOPBACK);
             RawClient client = running.connect()) {
            assertEquals("", client.send("PROXY TCP4 203.0.113.7\r\n" + REQUEST).readUntilClose());
            running.server.stop();
            assertTrue(running.errorLog().startsWith("gatehouse: closing a connection from 127.0.0.1 without a valid "
                + "PROXY protocol header: PROXY v1"), running.errorLog());
        }
    }

    @Test
    void aHeaderThatNeverEndsIsClosedAtTheHeadTimeout() throws Exception {
        try (RunningServer running = new RunningServer(WhoApp.APP, c -> TRUST_LOOPBACK.apply(c)
                .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));
             RawClient client = running.connect()) {
            assertEquals("", client.send("PROXY TCP4 203.").readUntilClose());
            running.server.stop();
            assertEquals("gatehouse: closing a connection from 127.0.0.1: no PROXY protocol header in time\n",
                running.errorLog());
        }
    }

    @Test
    void fromAnUntrustedPeerNoHeaderIsReadSoItCannotClaimAnAddress() throws Exception {
        UnaryOperator<ServerConfig> trustNobody = c -> c.withProxyProtocol(ProxyProtocol.from(peer -> false));
        try (RunningServer running = new RunningServer(WhoApp.APP, trustNobody)) {
            try (RawClient client = running.connect()) {
                assertTrue(client.send(REQUEST).readResponse().bodyText().startsWith("REMOTE_ADDR=127.0.0.1\n"));
            }
            try (RawClient client = running.connect()) {
                assertEquals(400, client.send("PROXY TCP4 203.0.113.7 192.0.2.10 4711 443\r\n" + REQUEST)
                    .readResponse().status());
            }
        }
    }

    @Test
    void aUnixSocketPeerIsTrustedWhenTheEmptyAddressIs() throws Exception {
        Path socket = dir.resolve("proxy.sock");
        try (RunningServer running = new RunningServer(WhoApp.APP, c -> c
                .withBinds(List.of(UnixDomainSocketAddress.of(socket)))
                .withProxyProtocol(ProxyProtocol.from(String::isEmpty)))) {
            String response = UnixClient.exchange(socket, "PROXY TCP6 2001:db8::7 ::1 4711 80\r\n" + REQUEST);
            assertTrue(response.endsWith("\r\n\r\nREMOTE_ADDR=2001:db8::7\nREMOTE_PORT=4711\nSERVER=::1:80\nSCHEME=http\n"),
                response);
        }
    }

    /** A v2 header: signature, version/command byte, family/transport byte, length, then the block. */
    /**
     * nginx's {@code listen ... ssl proxy_protocol} upstream, or a TCP proxy in front of a TLS
     * port: the header comes in clear before the handshake, here in the same write as the
     * ClientHello, so the first read holds both and TLS must start from the bytes after the header.
     */
    @Test
    void overTlsTheHeaderPrecedesTheHandshakeEvenInTheSameSegment() throws Exception {
        TestCertificates certificates = TestCertificates.ec();
        byte[] header = "PROXY TCP4 203.0.113.7 192.0.2.10 4711 443\r\n".getBytes(StandardCharsets.US_ASCII);
        try (RunningServer running = new RunningServer(WhoApp.APP,
                c -> TRUST_LOOPBACK.apply(c).withTls(certificates.config()));
             Socket plain = new Socket() {
                 private boolean sent;

                 @Override
                 public OutputStream getOutputStream() throws IOException {
                     return new FilterOutputStream(super.getOutputStream()) {
                         @Override
                         public void write(byte[] b, int off, int len) throws IOException {
                             byte[] bytes = sent ? Arrays.copyOfRange(b, off, off + len)
                                 : concat(header, Arrays.copyOfRange(b, off, off + len));
                             sent = true;
                             out.write(bytes);
                         }
                     };
                 }
             }) {
            plain.connect(running.address(), 5000);
            plain.setSoTimeout(5000);
            SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket(plain, "localhost", running.port(), true);
            TlsTest.send(socket, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.endsWith(
                "\r\n\r\nREMOTE_ADDR=203.0.113.7\nREMOTE_PORT=4711\nSERVER=localhost:443\nSCHEME=https\n"), response);
        }
    }

    private static byte[] v2(int versionCommand, int familyTransport, byte[] block) {
        byte[] fixed = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A,
            (byte) versionCommand, (byte) familyTransport, (byte) (block.length >> 8), (byte) block.length};
        return concat(fixed, block);
    }

    private static byte[] ip(String literal) {
        return InetAddress.ofLiteral(literal).getAddress();
    }

    private static byte[] port(int port) {
        return new byte[] {(byte) (port >> 8), (byte) port};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
