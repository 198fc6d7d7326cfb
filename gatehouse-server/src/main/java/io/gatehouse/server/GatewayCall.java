package io.gatehouse.server;

import io.gatehouse.http.HttpViolationException;
import io.gatehouse.http.RequestHead;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.FileWrapper;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the environ for one request exactly as docs/spec.md section 4 says: the CGI variables,
 * {@code HTTP_*} keys (repeats joined with ", ", Cookie with "; ", names with '_' dropped,
 * Content-Type and Content-Length unprefixed) and the {@code gateway.*} keys.
 */
final class GatewayCall {

    /** Environ keys of field names seen before; bounded so hostile names cannot grow it forever. */
    private static final ConcurrentHashMap<String, String> HEADER_KEYS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_KEYS = 1024;

    private GatewayCall() {
    }

    /**
     * SERVER_NAME and SERVER_PORT of the last Host value seen on a connection: a client sends the
     * same Host on every request, so it is split once per connection rather than once per request.
     */
    static final class LastHost {
        private String host;
        private String name;
        private String port;
    }

    static Environ environ(ConnectionInfo info, RequestHead head, RequestBodyInput input, LastHost last)
        throws HttpViolationException {
        Environ environ = new Environ();
        String target = head.target();
        String authority = null;
        String rawPath;
        int query;
        if (target.charAt(0) == '/') {
            query = target.indexOf('?');
            rawPath = query < 0 ? target : target.substring(0, query);
        } else if (target.equals("*")) {
            query = -1;
            rawPath = "";
        } else {
            // absolute-form, RFC 9112 section 3.2.2: the authority in the target wins over Host.
            int start = target.indexOf("://") + 3;
            int end = start;
            while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
                end++;
            }
            authority = target.substring(start, end);
            int at = authority.lastIndexOf('@');
            authority = at >= 0 ? authority.substring(at + 1) : authority;
            query = target.indexOf('?', end);
            rawPath = query < 0 ? target.substring(end) : target.substring(end, query);
            if (rawPath.isEmpty()) {
                rawPath = "/";
            }
        }
        environ.put(Environ.REQUEST_METHOD, head.method());
        environ.put(Environ.SCRIPT_NAME, "");
        environ.put(Environ.PATH_INFO, PathDecoder.decode(rawPath));
        environ.put(Environ.QUERY_STRING, query < 0 ? "" : target.substring(query + 1));
        environ.put(Environ.REQUEST_URI, target);
        environ.put(Environ.SERVER_PROTOCOL, head.version());
        environ.put(Environ.SERVER_SOFTWARE, info.serverSoftware());
        environ.put(Environ.GATEWAY_INTERFACE, "CGI/1.1");
        environ.put(Environ.REMOTE_ADDR, info.remoteAddr());
        if (info.remotePort() != null) {
            environ.put(Environ.REMOTE_PORT, info.remotePort());   // none for a Unix socket peer
        }
        serverNameAndPort(environ, authority != null ? authority : head.host(), info, last);
        headers(environ, head);
        if (head.chunked()) {
            environ.remove(Environ.CONTENT_LENGTH);
        } else if (environ.containsKey(Environ.CONTENT_LENGTH)) {
            environ.put(Environ.CONTENT_LENGTH, Long.toString(head.contentLength()));   // "5, 5" -> "5"
        }
        environ.put(Environ.GATEWAY_VERSION, Environ.VERSION);
        environ.put(Environ.GATEWAY_URL_SCHEME, info.urlScheme());
        environ.put(Environ.GATEWAY_INPUT, input);
        environ.put(Environ.GATEWAY_INPUT_TRAILERS, input);
        environ.put(Environ.GATEWAY_ERRORS, info.errorLog());
        environ.put(Environ.GATEWAY_MULTITHREAD, Boolean.TRUE);
        environ.put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE);
        environ.put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE);
        environ.put(Environ.GATEWAY_FILE_WRAPPER, FileWrapper.DEFAULT);
        return environ;
    }

    /** docs/spec.md 4.1: from Host when given (default port of the scheme if it has none), else local. */
    private static void serverNameAndPort(Environ environ, String host, ConnectionInfo info, LastHost last) {
        if (host == null || host.isEmpty()) {
            environ.put(Environ.SERVER_NAME, info.localAddr());
            environ.put(Environ.SERVER_PORT, info.localPort());
            return;
        }
        if (!host.equals(last.host)) {
            int colon = host.lastIndexOf(':');
            if (colon > 0 && !host.endsWith("]")) {
                last.name = host.substring(0, colon);
                String port = host.substring(colon + 1);
                last.port = port.isEmpty() ? defaultPort(info) : port;
            } else {
                last.name = host;
                last.port = defaultPort(info);
            }
            last.host = host;
        }
        environ.put(Environ.SERVER_NAME, last.name);
        environ.put(Environ.SERVER_PORT, last.port);
    }

    /** RFC 9110 sections 4.2.1 and 4.2.2: 80 for http, 443 for https. */
    private static String defaultPort(ConnectionInfo info) {
        return info.urlScheme().equals("https") ? "443" : "80";
    }

    private static void headers(Environ environ, RequestHead head) {
        for (int i = 0; i < head.fieldCount(); i++) {
            String name = head.name(i);
            String key = keyFor(name);
            if (key == null) {
                continue;
            }
            Object previous = environ.get(key);
            if (previous == null) {
                environ.put(key, head.value(i));
            } else {
                String separator = key.equals("HTTP_COOKIE") ? "; " : ", ";   // RFC 6265 5.4; RFC 9110 5.3
                environ.put(key, previous + separator + head.value(i));
            }
        }
    }

    /** @return the environ key of a field name, or null for a name with '_' (docs/spec.md 4.2) */
    static String keyFor(String name) {
        String key = HEADER_KEYS.get(name);
        if (key != null) {
            return key.isEmpty() ? null : key;
        }
        if (name.indexOf('_') >= 0) {
            key = "";
        } else if (name.equalsIgnoreCase("Content-Type")) {
            key = Environ.CONTENT_TYPE;
        } else if (name.equalsIgnoreCase("Content-Length")) {
            key = Environ.CONTENT_LENGTH;
        } else {
            key = "HTTP_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }
        if (HEADER_KEYS.size() < MAX_CACHED_KEYS) {
            HEADER_KEYS.put(name, key);
        }
        return key.isEmpty() ? null : key;
    }
}
