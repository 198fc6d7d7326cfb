package io.gatehouse.server;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * TLS for every address of a server: the certificate chain and key from PEM files, and the
 * protocol settings, all fixed at construction. With it in {@link ServerConfig#tls()}, every
 * connection speaks TLS first and the environ says {@code https}.
 *
 * {@snippet :
 * TlsConfig tls = TlsConfig.fromPemFiles(Path.of("cert.pem"), Path.of("key.pem"));
 * Server server = new Server(ServerConfig.defaults().withTls(tls), app);
 * }
 *
 * <p>Defaults, in line with current guidance for servers (RFC 9325): TLS 1.3 and 1.2 only; of the
 * JDK's enabled cipher suites only the AEAD ones with forward secrecy (TLS 1.3's, and ECDHE or DHE
 * with AES-GCM or ChaCha20-Poly1305 for 1.2), in the JDK's order, which the server's choice follows;
 * ALPN offers {@code http/1.1} only, so a client never expects HTTP/2 here (RFC 7301). Client
 * certificates are not asked for unless {@link #withClientCertificates} says so.
 */
public final class TlsConfig {

    /** Whether clients are asked for a certificate (Gunicorn's {@code cert_reqs}). */
    public enum ClientAuth {
        /** Not asked for. */
        NONE,
        /** Asked for; a client may send none, but one it sends must verify. */
        OPTIONAL,
        /** Required: a client without a certificate that verifies fails the handshake. */
        REQUIRED
    }

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final char[] STORE_PASSWORD = "gatehouse".toCharArray();
    /** Free buffers kept for reuse (about 8 MiB); connections busy at once may hold more. */
    private static final int POOLED_BUFFERS = 512;

    private final Path certificateFile;
    private final Path keyFile;
    private final KeyManager[] keyManagers;
    private final ClientAuth clientAuth;
    private final Path clientCaFile;
    private final SSLContext context;
    private final List<String> cipherSuites;
    /** Record-sized buffers for every connection of the servers using this configuration. */
    private final BufferPool buffers;
    private final int bufferSize;

    private TlsConfig(Path certificateFile, Path keyFile, KeyManager[] keyManagers, ClientAuth clientAuth,
                      Path clientCaFile, TrustManager[] trustManagers) {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.keyManagers = keyManagers;
        this.clientAuth = clientAuth;
        this.clientCaFile = clientCaFile;
        try {
            this.context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS: " + e.getMessage(), e);
        }
        this.cipherSuites = Arrays.stream(context.getDefaultSSLParameters().getCipherSuites())
            .filter(TlsConfig::strong)
            .toList();
        SSLSession sizes = context.createSSLEngine().getSession();
        this.bufferSize = Math.max(sizes.getPacketBufferSize(), sizes.getApplicationBufferSize());
        this.buffers = new BufferPool(bufferSize, POOLED_BUFFERS);
    }

    /**
     * Reads and checks the files once; a server built with the result never fails a handshake
     * for a reason these files hold.
     *
     * @param certificateFile PEM certificates, the server's first, then intermediates
     * @param keyFile         the PEM (PKCS#8, unencrypted) private key of the first certificate; may
     *                        be the certificate file when it holds the key too
     * @return the configuration
     * @throws IllegalArgumentException one line naming the file and what is wrong with it: missing,
     *                                  not PEM, no certificate, an encrypted or non-PKCS#8 key, a key
     *                                  that does not match the certificate
     */
    public static TlsConfig fromPemFiles(Path certificateFile, Path keyFile) {
        Objects.requireNonNull(certificateFile, "certificateFile");
        Objects.requireNonNull(keyFile, "keyFile");
        CertifiedKey identity = CertifiedKey.load(certificateFile, keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", identity.key(), STORE_PASSWORD, identity.chain().toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            return new TlsConfig(certificateFile, keyFile, keys.getKeyManagers(), ClientAuth.NONE, null, null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use certificate " + certificateFile + " with key " + keyFile
                + ": " + e.getMessage());
        }
    }

    /**
     * Asks clients for certificates issued by the given authorities (RFC 8446 section 4.3.2).
     *
     * @param caFile PEM certificates of the authorities whose client certificates are accepted
     * @param mode   {@link ClientAuth#OPTIONAL} or {@link ClientAuth#REQUIRED}; {@code NONE} turns
     *               the request off again (then {@code caFile} may be null)
     * @return a copy with that setting
     * @throws IllegalArgumentException one line naming the file when it holds no usable certificate
     */
    public TlsConfig withClientCertificates(Path caFile, ClientAuth mode) {
        Objects.requireNonNull(mode, "mode");
        if (mode == ClientAuth.NONE) {
            return new TlsConfig(certificateFile, keyFile, keyManagers, mode, null, null);
        }
        Objects.requireNonNull(caFile, "caFile");
        List<X509Certificate> authorities = CertifiedKey.certificates(caFile, "CA certificates file");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return new TlsConfig(certificateFile, keyFile, keyManagers, mode, caFile, trust.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use CA certificates file " + caFile + ": " + e.getMessage());
        }
    }

    /** TLS 1.3 suites, and TLS 1.2 suites with (EC)DHE key exchange and an AEAD cipher. */
    private static boolean strong(String suite) {
        if (suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")) {
            return true;
        }
        boolean forwardSecret = suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_RSA_");
        return forwardSecret && (suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_"));
    }

    /** @return the certificate file this was read from */
    public Path certificateFile() {
        return certificateFile;
    }

    /** @return the key file this was read from */
    public Path keyFile() {
        return keyFile;
    }

    /** @return whether clients are asked for certificates */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** @return the file of authorities client certificates must come from, or null */
    public Path clientCaFile() {
        return clientCaFile;
    }

    /** @return the protocol versions offered, newest first */
    public List<String> protocols() {
        return PROTOCOLS;
    }

    /** @return the cipher suites offered, in the server's order of preference */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** @param socket an accepted connection @return TLS over it, with these settings */
    TlsChannel over(SocketChannel socket) {
        return new TlsChannel(socket, newEngine(), buffers, bufferSize);
    }

    private SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        parameters.setCipherSuites(cipherSuites.toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        if (clientAuth == ClientAuth.REQUIRED) {
            parameters.setNeedClientAuth(true);
        } else if (clientAuth == ClientAuth.OPTIONAL) {
            parameters.setWantClientAuth(true);
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    @Override
    public String toString() {
        return "TlsConfig[" + certificateFile + ", " + keyFile + "]";
    }
}
