package io.gatehouse.spec;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The request as the gateway interface hands it to an application: a mutable map from names to
 * values, holding the CGI variables, one {@code HTTP_*} entry per request header, and the
 * {@code gateway.*} keys.
 *
 * <p>The key constants below list what a server sets; {@code docs/spec.md} says which are required
 * and what each holds. The typed getters read the same map, so middleware that changes an entry
 * (say {@code SCRIPT_NAME} and {@code PATH_INFO} when mounting an application) changes what the
 * wrapped application sees.
 *
 * {@snippet :
 * String who = environ.header("X-User");          // the HTTP_X_USER entry, or null
 * if ("POST".equals(environ.requestMethod())) {
 *     byte[] form = environ.input().readAllBytes();
 * }
 * }
 *
 * <p>An environ belongs to one request and is not safe for use by several threads at once.
 */
public final class Environ {

    // CGI variables (RFC 3875, section 4.1).
    /** The request method, such as {@code GET}; always present. */
    public static final String REQUEST_METHOD = "REQUEST_METHOD";
    /** The mount point of the application, percent-decoded; empty or starting with '/'. */
    public static final String SCRIPT_NAME = "SCRIPT_NAME";
    /** The rest of the path after {@code SCRIPT_NAME}, percent-decoded; empty or starting with '/'. */
    public static final String PATH_INFO = "PATH_INFO";
    /** The query after '?', as sent (not decoded); empty when there is none. */
    public static final String QUERY_STRING = "QUERY_STRING";
    /** The {@code Content-Type} request header; absent when the request has none. */
    public static final String CONTENT_TYPE = "CONTENT_TYPE";
    /** The {@code Content-Length} request header as decimal digits; absent when there is none. */
    public static final String CONTENT_LENGTH = "CONTENT_LENGTH";
    /** The host name the request was addressed to (from Host, else the bound address). */
    public static final String SERVER_NAME = "SERVER_NAME";
    /** The port the request was addressed to, as decimal digits. */
    public static final String SERVER_PORT = "SERVER_PORT";
    /** The protocol of the request, such as {@code HTTP/1.1}. */
    public static final String SERVER_PROTOCOL = "SERVER_PROTOCOL";
    /** The server's name and version, such as {@code Gatehouse/0.1}. */
    public static final String SERVER_SOFTWARE = "SERVER_SOFTWARE";
    /** Always {@code CGI/1.1}. */
    public static final String GATEWAY_INTERFACE = "GATEWAY_INTERFACE";
    /** The peer's IP address in textual form. */
    public static final String REMOTE_ADDR = "REMOTE_ADDR";
    /** The peer's port, as decimal digits. */
    public static final String REMOTE_PORT = "REMOTE_PORT";
    /** The request target exactly as sent (path and query, not decoded); a Gatehouse extension. */
    public static final String REQUEST_URI = "REQUEST_URI";

    // Gateway keys.
    /** The version of this interface, the string {@code "1.0"}. */
    public static final String GATEWAY_VERSION = "gateway.version";
    /** {@code "http"} or {@code "https"}. */
    public static final String GATEWAY_URL_SCHEME = "gateway.url_scheme";
    /** An {@link InputStream} of the request body that ends where the body ends. */
    public static final String GATEWAY_INPUT = "gateway.input";
    /** A {@link Trailers} of the request body's trailer fields. */
    public static final String GATEWAY_INPUT_TRAILERS = "gateway.input_trailers";
    /** A {@link PrintStream} for error output, usually the server's error log. */
    public static final String GATEWAY_ERRORS = "gateway.errors";
    /** A {@link Boolean}: the application may be called from several threads at once. */
    public static final String GATEWAY_MULTITHREAD = "gateway.multithread";
    /** A {@link Boolean}: the application may run in several processes at once. */
    public static final String GATEWAY_MULTIPROCESS = "gateway.multiprocess";
    /** A {@link Boolean}: the application is called once in the life of its process (CGI). */
    public static final String GATEWAY_RUN_ONCE = "gateway.run_once";
    /** An optional {@link FileWrapper} for zero-copy file bodies. */
    public static final String GATEWAY_FILE_WRAPPER = "gateway.file_wrapper";
    /** An optional {@link EarlyHints} for 103 responses. */
    public static final String GATEWAY_EARLY_HINTS = "gateway.early_hints";

    /** The version string that servers put in {@link #GATEWAY_VERSION}. */
    public static final String VERSION = "1.0";

    private final Map<String, Object> entries;

    /** Makes an empty environ. */
    public Environ() {
        this.entries = new HashMap<>(48);
    }

    /**
     * Makes an environ holding a copy of the given entries.
     *
     * @param entries the initial entries
     */
    public Environ(Map<String, ?> entries) {
        this.entries = new HashMap<>(entries);
    }

    /**
     * The {@code HTTP_*} key under which a request header is stored: upper case, '-' as '_'.
     *
     * @param fieldName a header field name, such as {@code "Accept-Language"}
     * @return the key, such as {@code "HTTP_ACCEPT_LANGUAGE"}
     */
    public static String headerKey(String fieldName) {
        return "HTTP_" + fieldName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * @param key a key
     * @return the value, or {@code null} when absent
     */
    public Object get(String key) {
        return entries.get(key);
    }

    /**
     * @param key a key whose value is a string
     * @return the value, or {@code null} when absent
     * @throws ClassCastException when the value is not a string
     */
    public String getString(String key) {
        return (String) entries.get(key);
    }

    /**
     * Sets an entry.
     *
     * @param key   the key
     * @param value the value, not {@code null} (use {@link #remove} to delete)
     * @return this environ
     */
    public Environ put(String key, Object value) {
        entries.put(key, Objects.requireNonNull(value, key));
        return this;
    }

    /**
     * Removes an entry.
     *
     * @param key the key
     * @return the removed value, or {@code null}
     */
    public Object remove(String key) {
        return entries.remove(key);
    }

    /**
     * @param key a key
     * @return whether the environ has it
     */
    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    /** @return the keys, a live view */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** @return the entries as a live, mutable map */
    public Map<String, Object> asMap() {
        return entries;
    }

    /** @return a shallow copy, for middleware that calls an application with a changed environ */
    public Environ copy() {
        return new Environ(entries);
    }

    /**
     * A request header by field name: the value of its {@code HTTP_*} entry. A field that came
     * several times is one value, joined with {@code ", "} ({@code "; "} for Cookie).
     *
     * @param fieldName the field name, in any case
     * @return the value, or {@code null} when the request has no such field
     */
    public String header(String fieldName) {
        if (fieldName.equalsIgnoreCase("Content-Type")) {
            return getString(CONTENT_TYPE);
        }
        if (fieldName.equalsIgnoreCase("Content-Length")) {
            return getString(CONTENT_LENGTH);
        }
        return getString(headerKey(fieldName));
    }

    /** @return {@code REQUEST_METHOD} */
    public String requestMethod() {
        return getString(REQUEST_METHOD);
    }

    /** @return {@code SCRIPT_NAME}, empty when absent */
    public String scriptName() {
        return orEmpty(SCRIPT_NAME);
    }

    /** @return {@code PATH_INFO}, empty when absent */
    public String pathInfo() {
        return orEmpty(PATH_INFO);
    }

    /** @return {@code QUERY_STRING}, empty when absent */
    public String queryString() {
        return orEmpty(QUERY_STRING);
    }

    /** @return {@code CONTENT_TYPE}, or {@code null} when the request has none */
    public String contentType() {
        return getString(CONTENT_TYPE);
    }

    /** @return {@code CONTENT_LENGTH} as a number, or {@code -1} when absent (as for chunked bodies) */
    public long contentLength() {
        String value = getString(CONTENT_LENGTH);
        return value == null || value.isEmpty() ? -1 : Long.parseLong(value);
    }

    /** @return {@code SERVER_NAME} */
    public String serverName() {
        return getString(SERVER_NAME);
    }

    /** @return {@code SERVER_PORT} */
    public String serverPort() {
        return getString(SERVER_PORT);
    }

    /** @return {@code SERVER_PROTOCOL} */
    public String serverProtocol() {
        return getString(SERVER_PROTOCOL);
    }

    /** @return {@code REMOTE_ADDR}, or {@code null} */
    public String remoteAddr() {
        return getString(REMOTE_ADDR);
    }

    /** @return {@code gateway.url_scheme} */
    public String urlScheme() {
        return getString(GATEWAY_URL_SCHEME);
    }

    /** @return {@code gateway.input}, the request body */
    public InputStream input() {
        return (InputStream) get(GATEWAY_INPUT);
    }

    /** @return {@code gateway.input_trailers}, or {@link Trailers#NONE} when absent */
    public Trailers inputTrailers() {
        Object value = get(GATEWAY_INPUT_TRAILERS);
        return value == null ? Trailers.NONE : (Trailers) value;
    }

    /** @return {@code gateway.errors} */
    public PrintStream errors() {
        return (PrintStream) get(GATEWAY_ERRORS);
    }

    /** @return {@code gateway.multithread} */
    public boolean multithread() {
        return Boolean.TRUE.equals(get(GATEWAY_MULTITHREAD));
    }

    /** @return {@code gateway.multiprocess} */
    public boolean multiprocess() {
        return Boolean.TRUE.equals(get(GATEWAY_MULTIPROCESS));
    }

    /** @return {@code gateway.run_once} */
    public boolean runOnce() {
        return Boolean.TRUE.equals(get(GATEWAY_RUN_ONCE));
    }

    /** @return {@code gateway.file_wrapper}, or {@link FileWrapper#DEFAULT} when the server gave none */
    public FileWrapper fileWrapper() {
        Object value = get(GATEWAY_FILE_WRAPPER);
        return value == null ? FileWrapper.DEFAULT : (FileWrapper) value;
    }

    /** @return {@code gateway.early_hints}, or {@code null} when the server cannot send them */
    public EarlyHints earlyHints() {
        return (EarlyHints) get(GATEWAY_EARLY_HINTS);
    }

    private String orEmpty(String key) {
        String value = getString(key);
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "Environ" + entries;
    }
}
