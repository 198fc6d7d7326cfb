package io.gatehouse.server;

import io.gatehouse.spec.Environ;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * The environ variables of a request that came over TLS (docs/spec.md, 4.1 "Over TLS"), with the
 * names Apache's mod_ssl gives them, so CGI scripts and ported applications find them where they
 * look: {@code HTTPS}, {@code SSL_PROTOCOL}, {@code SSL_CIPHER}, and the {@code SSL_CLIENT_*} ones
 * when client certificates are asked for.
 */
final class TlsVariables {

    private TlsVariables() {
    }

    /** @param environ the request's environ @param engine the connection's engine, after its handshake */
    static void addTo(Environ environ, SSLEngine engine) {
        SSLSession session = engine.getSession();
        environ.put("HTTPS", "on");
        environ.put("SSL_PROTOCOL", session.getProtocol());
        environ.put("SSL_CIPHER", session.getCipherSuite());
        if (engine.getNeedClientAuth() || engine.getWantClientAuth()) {
            clientCertificate(environ, session);
        }
    }

    /** A verified client certificate's subject and issuer, RFC 2253 form, and serial number. */
    private static void clientCertificate(Environ environ, SSLSession session) {
        try {
            if (session.getPeerCertificates()[0] instanceof X509Certificate client) {
                environ.put("SSL_CLIENT_VERIFY", "SUCCESS");   // the engine refused any other
                environ.put("SSL_CLIENT_S_DN", client.getSubjectX500Principal().getName());
                environ.put("SSL_CLIENT_I_DN", client.getIssuerX500Principal().getName());
                environ.put("SSL_CLIENT_M_SERIAL", client.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
                return;
            }
        } catch (SSLPeerUnverifiedException e) {
            // no certificate was sent (optional)
        }
        environ.put("SSL_CLIENT_VERIFY", "NONE");
    }
}
