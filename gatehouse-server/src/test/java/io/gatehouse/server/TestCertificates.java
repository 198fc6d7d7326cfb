package io.gatehouse.server;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates for localhost and 127.0.0.1, made once per test JVM with the keytool of
 * the JDK running the tests, and written as the PEM files a user would give: {@code cert.pem}
 * and a PKCS#8 {@code key.pem}.
 *
 * @param certificate the PEM certificate
 * @param key         the PEM private key
 * @param store       the PKCS12 store keytool wrote (password {@value #PASSWORD})
 */
record TestCertificates(Path certificate, Path key, Path store) {

    static final String PASSWORD = "changeit";

    private static TestCertificates ec;
    private static TestCertificates rsa;
    private static TestCertificates ed25519;

    /** @return an EC (P-256) certificate and key */
    static synchronized TestCertificates ec() {
        if (ec == null) {
            ec = generate("ec", "-keyalg", "EC", "-groupname", "secp256r1");
        }
        return ec;
    }

    /** @return an RSA (2048 bits) certificate and key */
    static synchronized TestCertificates rsa() {
        if (rsa == null) {
            rsa = generate("rsa", "-keyalg", "RSA", "-keysize", "2048");
        }
        return rsa;
    }

    /** @return an Ed25519 certificate and key */
    static synchronized TestCertificates ed25519() {
        if (ed25519 == null) {
            ed25519 = generate("ed25519", "-keyalg", "Ed25519");
        }
        return ed25519;
    }

    /** @return a TLS configuration serving this certificate */
    TlsConfig config() {
        return TlsConfig.fromPemFiles(certificate, key);
    }

    /** @return a client context that trusts this certificate only */
    SSLContext clientContext() {
        return clientContext(null);
    }

    /**
     * @param identity the certificate and key the client presents, or null for none
     * @return a client context that trusts this certificate only
     */
    SSLContext clientContext(TestCertificates identity) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(store));
            KeyManagerFactory keys = null;
            if (identity != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(identity.store), PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            return keys;
        }
    }

    private static TestCertificates generate(String name, String... keyOptions) {
        try {
            Path dir = Files.createTempDirectory("gatehouse-tls-" + name);
            dir.toFile().deleteOnExit();
            Path store = dir.resolve(name + ".p12");
            ProcessBuilder keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "server", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true);
            keytool.command().addAll(java.util.List.of(keyOptions));
            Process process = keytool.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = load(store);
            Certificate certificate = keys.getCertificate("server");
            Key key = keys.getKey("server", PASSWORD.toCharArray());
            Path certFile = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
            Path keyFile = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            return new TestCertificates(certFile, keyFile, store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
