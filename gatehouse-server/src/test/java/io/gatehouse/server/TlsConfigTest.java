package io.gatehouse.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reading the certificate and key: what is accepted, and one line naming the file for the rest. */
class TlsConfigTest {

    @TempDir
    Path dir;

    private String failure(Path certificate, Path key) {
        return assertThrows(IllegalArgumentException.class, () -> TlsConfig.fromPemFiles(certificate, key))
            .getMessage();
    }

    @Test
    void acceptsEcAndRsaAndAKeyInsideTheCertificateFile() throws IOException {
        TestCertificates ec = TestCertificates.ec();
        assertEquals(ec.certificate(), ec.config().certificateFile());
        TestCertificates rsa = TestCertificates.rsa();
        Path both = Files.writeString(dir.resolve("both.pem"), "subject=CN = localhost\n"
            + Files.readString(rsa.certificate()) + Files.readString(rsa.key()));
        assertEquals(both, TlsConfig.fromPemFiles(both, both).keyFile());
    }

    @Test
    void offersTls13And12WithForwardSecretAeadSuitesOnly() {
        TlsConfig config = TestCertificates.ec().config();
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), config.protocols());
        assertEquals(List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"), config.cipherSuites());
    }

    @Test
    void namesAMissingFile() {
        Path missing = dir.resolve("missing.pem");
        assertEquals("certificate file " + missing + " does not exist",
            failure(missing, TestCertificates.ec().key()));
        assertEquals("key file " + missing + " does not exist", failure(TestCertificates.ec().certificate(), missing));
    }

    @Test
    void namesAFileThatIsNotPem() throws IOException {
        Path der = Files.write(dir.resolve("cert.der"), new byte[] {0x30, (byte) 0x82, 1, 2});
        assertEquals("certificate file " + der + " is not PEM (no '-----BEGIN' line)",
            failure(der, TestCertificates.ec().key()));
        Path cut = Files.writeString(dir.resolve("cut.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");
        assertEquals("certificate file " + cut + ": no '-----END CERTIFICATE-----' line",
            failure(cut, TestCertificates.ec().key()));
        Path garbled = Files.writeString(dir.resolve("garbled.pem"),
            "-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n");
        assertEquals("certificate file " + garbled + ": the CERTIFICATE block is not valid base64",
            failure(garbled, TestCertificates.ec().key()));
    }

    @Test
    void namesACertificateFileWithoutACertificate() throws IOException {
        Path keyOnly = TestCertificates.ec().key();
        assertEquals("certificate file " + keyOnly + " holds no CERTIFICATE block", failure(keyOnly, keyOnly));
        Path junk = Files.writeString(dir.resolve("junk.pem"), TestCertificates.pem("CERTIFICATE", new byte[] {1, 2, 3}));
        String message = failure(junk, keyOnly);
        assertEquals("certificate file " + junk + ": not a valid X.509 certificate (", message.substring(0,
            message.indexOf('(') + 1));
    }

    @Test
    void namesAKeyFileWithoutAKey() {
        Path certificate = TestCertificates.ec().certificate();
        assertEquals("key file " + certificate + " holds no PRIVATE KEY block", failure(certificate, certificate));
    }

    @Test
    void namesAKeyThatDoesNotMatchTheCertificate() throws IOException {
        TestCertificates ec = TestCertificates.ec();
        TestCertificates rsa = TestCertificates.rsa();
        assertEquals("key file " + rsa.key() + " does not hold a PKCS#8 EC key, the type of the certificate's key",
            failure(ec.certificate(), rsa.key()));
        Path otherRsa = Files.writeString(dir.resolve("other.pem"), TestCertificates.pem("PRIVATE KEY",
            otherRsaKey()));
        assertEquals("key file " + otherRsa + " does not hold the private key of the first certificate in "
            + rsa.certificate(), failure(rsa.certificate(), otherRsa));
    }

    @Test
    void namesEncryptedAndNonPkcs8Keys() throws IOException {
        Path certificate = TestCertificates.ec().certificate();
        Path encrypted = Files.writeString(dir.resolve("enc.pem"), TestCertificates.pem("ENCRYPTED PRIVATE KEY",
            new byte[] {1}));
        assertEquals("key file " + encrypted + " is encrypted; decrypt it with 'openssl pkey -in " + encrypted
            + " -out plain.pem'", failure(certificate, encrypted));
        Path legacy = Files.writeString(dir.resolve("legacy.pem"), "-----BEGIN RSA PRIVATE KEY-----\n"
            + "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertEquals("key file " + legacy + ": the RSA PRIVATE KEY block is encrypted; decrypt it with "
            + "'openssl pkey -in FILE -out FILE.plain'", failure(certificate, legacy));
        Path pkcs1 = Files.writeString(dir.resolve("pkcs1.pem"), TestCertificates.pem("EC PRIVATE KEY", new byte[] {1}));
        assertEquals("key file " + pkcs1 + " holds an 'EC PRIVATE KEY' block, not PKCS#8; convert it with "
            + "'openssl pkcs8 -topk8 -nocrypt -in " + pkcs1 + " -out key.pem'", failure(certificate, pkcs1));
    }

    private static byte[] otherRsaKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
