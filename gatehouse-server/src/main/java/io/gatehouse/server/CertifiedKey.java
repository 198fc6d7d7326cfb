package io.gatehouse.server;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's certificate chain and the private key of its first certificate, read from PEM files
 * and checked to belong together, so that a wrong key fails at start-up with one line instead of
 * at every handshake.
 *
 * <p>Accepted: {@code CERTIFICATE} blocks (leaf first, then intermediates) and one unencrypted
 * PKCS#8 {@code PRIVATE KEY} block (RSA, EC or EdDSA). The key may sit in the certificate file.
 *
 * @param chain the certificates, leaf first
 * @param key   the leaf's private key
 */
record CertifiedKey(List<X509Certificate> chain, PrivateKey key) {

    private static final String CERTIFICATE_FILE = "certificate file";
    private static final String KEY_FILE = "key file";

    CertifiedKey {
        chain = List.copyOf(chain);
    }

    /**
     * @param certificateFile PEM certificates, leaf first
     * @param keyFile         the PEM private key; may be the certificate file itself
     * @return the checked pair
     * @throws IllegalArgumentException one line naming the file and what is wrong with it
     */
    static CertifiedKey load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certificateFile, CERTIFICATE_FILE);
        PrivateKey key = privateKey(keyFile, chain.getFirst().getPublicKey());
        if (!matches(key, chain.getFirst().getPublicKey())) {
            throw new IllegalArgumentException(KEY_FILE + " " + keyFile + " does not hold the private key of the "
                + "first certificate in " + certificateFile);
        }
        return new CertifiedKey(chain, key);
    }

    /**
     * @param file PEM certificates
     * @param role what the file is for, as the error line names it
     * @return the certificates in file order; at least one
     * @throws IllegalArgumentException one line naming the file
     */
    static List<X509Certificate> certificates(Path file, String role) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemFile.Block block : PemFile.read(file, role)) {
                if (block.label().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(role + " " + file + ": not a valid X.509 certificate ("
                + e.getMessage() + ")");
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(role + " " + file + " holds no CERTIFICATE block");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file, PublicKey certified) {
        PemFile.Block found = null;
        for (PemFile.Block block : PemFile.read(file, KEY_FILE)) {
            if (block.label().endsWith("PRIVATE KEY")) {
                if (found != null) {
                    throw new IllegalArgumentException(KEY_FILE + " " + file + " holds more than one private key");
                }
                found = block;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(KEY_FILE + " " + file + " holds no PRIVATE KEY block");
        }
        switch (found.label()) {
            case "PRIVATE KEY" -> { }
            case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(KEY_FILE + " " + file
                + " is encrypted; decrypt it with 'openssl pkey -in " + file + " -out plain.pem'");
            default -> throw new IllegalArgumentException(KEY_FILE + " " + file + " holds an '" + found.label()
                + "' block, not PKCS#8; convert it with 'openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem'");
        }
        String algorithm = certified.getAlgorithm();
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(found.der()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(KEY_FILE + " " + file + " does not hold a PKCS#8 " + algorithm
                + " key, the type of the certificate's key");
        }
    }

    /** Signs a message with the private key and verifies it with the certificate's public key. */
    private static boolean matches(PrivateKey key, PublicKey certified) {
        String algorithm = switch (certified.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> throw new IllegalArgumentException("certificate key type " + certified.getAlgorithm()
                + " is not supported (RSA, EC or EdDSA)");
        };
        byte[] message = "gatehouse key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
