package io.gatehouse.cgi;

import io.gatehouse.spec.Environ;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment a CGI script runs with: the meta-variables of RFC 3875, 4.1, one
 * {@code HTTP_*} variable per request header (4.1.18), and a fixed {@code PATH}; nothing is
 * inherited from the server's own environment.
 *
 * {@snippet :
 * Map<String, String> env = MetaVariables.of(environ, location, documentRoot, false);
 * }
 *
 * <ul>
 *   <li>{@code Proxy} is never passed as {@code HTTP_PROXY} (httpoxy, CVE-2016-5385: many HTTP
 *       libraries read {@code HTTP_PROXY} as their outgoing proxy).</li>
 *   <li>{@code Authorization} is not passed unless asked for: RFC 3875, 4.1.18 lets a server leave
 *       out credentials, and servers conventionally do so scripts do not see passwords.</li>
 *   <li>{@code AUTH_TYPE}, {@code REMOTE_USER} and {@code REMOTE_IDENT} are set only when the
 *       environ has them (an authenticating middleware put them there); {@code REMOTE_HOST} is
 *       the address, since the server does no reverse lookups (4.1.9 allows that).</li>
 * </ul>
 */
final class MetaVariables {

    /** The PATH scripts get: enough to find an interpreter, nothing from the server's environment. */
    static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    private static final Set<String> NEVER_PASSED = Set.of("HTTP_PROXY", "HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH");

    private MetaVariables() {
    }

    /**
     * @param environ           the request
     * @param location          the script and the path split around it
     * @param documentRoot      the directory PATH_TRANSLATED maps PATH_INFO into
     * @param passAuthorization whether {@code Authorization} is passed as {@code HTTP_AUTHORIZATION}
     * @return the variables, in RFC order
     */
    static Map<String, String> of(Environ environ, ScriptLocation location, java.nio.file.Path documentRoot,
                                  boolean passAuthorization) {
        Map<String, String> env = new LinkedHashMap<>();
        copy(environ, "AUTH_TYPE", env);
        if (environ.contentLength() >= 0) {
            env.put("CONTENT_LENGTH", Long.toString(environ.contentLength()));
        }
        copy(environ, Environ.CONTENT_TYPE, env);
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("PATH_INFO", location.pathInfo());
        if (!location.pathInfo().isEmpty()) {
            // RFC 3875, 4.1.6: PATH_INFO mapped to a file, as if it were a document path.
            env.put("PATH_TRANSLATED", documentRoot.resolve(location.pathInfo().substring(1)).toString());
        }
        env.put("QUERY_STRING", environ.queryString());
        String address = environ.remoteAddr() == null ? "" : environ.remoteAddr();
        env.put("REMOTE_ADDR", address);
        env.put("REMOTE_HOST", address);
        copy(environ, "REMOTE_IDENT", env);
        copy(environ, "REMOTE_USER", env);
        env.put("REQUEST_METHOD", environ.requestMethod());
        env.put("SCRIPT_NAME", environ.scriptName() + location.scriptPath());
        env.put("SERVER_NAME", environ.serverName());
        env.put("SERVER_PORT", environ.serverPort());
        env.put("SERVER_PROTOCOL", environ.serverProtocol());
        copy(environ, Environ.SERVER_SOFTWARE, env);
        copy(environ, Environ.REMOTE_PORT, env);
        copy(environ, Environ.REQUEST_URI, env);
        if ("https".equals(environ.urlScheme())) {
            env.put("HTTPS", "on");
        }
        env.put("SCRIPT_FILENAME", location.script().toString());
        for (String key : environ.keys()) {
            if (key.startsWith("HTTP_") && !NEVER_PASSED.contains(key)
                    && (passAuthorization || !key.equals("HTTP_AUTHORIZATION"))
                    && environ.get(key) instanceof String value) {
                env.put(key, value);
            }
        }
        env.put("PATH", PATH);
        return env;
    }

    private static void copy(Environ environ, String key, Map<String, String> env) {
        if (environ.get(key) instanceof String value) {
            env.put(key, value);
        }
    }
}
