package io.gatehouse.server;

import io.gatehouse.server.TlsConfig.ClientAuth;
import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client certificates: the server (EC certificate) accepts clients whose certificate the CA file
 * vouches for; the RSA test certificate, self-signed, is both the client's and its own authority.
 */
class ClientCertificateTest {

    /** Answers with the client-certificate variables, one a line. */
    static final Application CLIENT = (environ, start) -> {
        start.start("200 OK", List.of(Header.of("Content-Type", "text/plain")));
        return Body.of(environ.get("SSL_CLIENT_VERIFY") + "\n" + environ.get("SSL_CLIENT_S_DN") + "\n"
            + environ.get("SSL_CLIENT_I_DN") + "\n");
    };

    private static RunningServer server(ClientAuth mode) throws IOException {
        TlsConfig tls = TestCertificates.ec().config().withClientCertificates(TestCertificates.rsa().certificate(), mode);
        return new RunningServer(CLIENT, config -> config.withTls(tls));
    }

    /** @return the body of GET / (the response ends the connection) */
    private static String get(RunningServer running, TestCertificates identity) throws IOException {
        try (SSLSocket socket = TlsTest.connect(running, TestCertificates.ec().clientContext(identity))) {
            TlsTest.send(socket, "GET / HTTP/1.0\r\n\r\n");
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    void aRequiredCertificateReachesTheApplication() throws Exception {
        try (RunningServer running = server(ClientAuth.REQUIRED)) {
            assertEquals("SUCCESS\nCN=localhost\nCN=localhost\n", get(running, TestCertificates.rsa()));
        }
    }

    /**
     * In TLS 1.3 the client's handshake ends before the server has checked its certificate, so
     * the refusal (an alert, or a reset when the request crosses it) shows on the first read.
     */
    @Test
    void aClientWithoutTheRequiredCertificateFailsTheHandshake() throws Exception {
        try (RunningServer running = server(ClientAuth.REQUIRED)) {
            assertThrows(IOException.class, () -> get(running, null));
            assertThrows(IOException.class, () -> get(running, TestCertificates.ed25519()), "not from the CA");
            assertEquals(0, running.server.stats().requests());
        }
    }

    @Test
    void anOptionalCertificateMayBeLeftOutButNotWrong() throws Exception {
        try (RunningServer running = server(ClientAuth.OPTIONAL)) {
            assertEquals("NONE\nnull\nnull\n", get(running, null));
            assertEquals("SUCCESS\nCN=localhost\nCN=localhost\n", get(running, TestCertificates.rsa()));
            assertThrows(IOException.class, () -> get(running, TestCertificates.ed25519()), "not from the CA");
            assertEquals(2, running.server.stats().requests());
        }
    }

    @Test
    void withoutClientAuthenticationNoClientVariableIsSet() throws Exception {
        try (RunningServer running = new RunningServer(CLIENT, config -> config.withTls(TestCertificates.ec().config()))) {
            assertEquals("null\nnull\nnull\n", get(running, TestCertificates.rsa()));
        }
    }

    @Test
    void anUnusableCaFileIsOneLineNamingIt() {
        TlsConfig tls = TestCertificates.ec().config();
        java.nio.file.Path key = TestCertificates.rsa().key();
        String message = assertThrows(IllegalArgumentException.class,
            () -> tls.withClientCertificates(key, ClientAuth.REQUIRED)).getMessage();
        assertEquals("CA certificates file " + key + " holds no CERTIFICATE block", message);
        assertTrue(tls.withClientCertificates(null, ClientAuth.NONE).clientAuth() == ClientAuth.NONE);
    }
}
