package io.gatehouse.spec;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The server's side of the environ (docs/spec.md, "The environ"): every required key is there with
 * the right type and form, and optional keys have the right type when present.
 */
final class EnvironRules {

    private EnvironRules() {
    }

    static void check(Environ environ) {
        if (environ == null) {
            throw GatewayViolation.byServer("the environ is null");
        }
        for (Map.Entry<String, Object> entry : environ.asMap().entrySet()) {
            String key = entry.getKey();
            if (key == null || entry.getValue() == null) {
                throw GatewayViolation.byServer("environ entry " + key + " is null; absent keys are left out");
            }
            if (key.indexOf('.') < 0 && !(entry.getValue() instanceof String)) {
                throw GatewayViolation.byServer("CGI variable " + key + " must be a String, not "
                    + entry.getValue().getClass().getName());
            }
        }
        String method = required(environ, Environ.REQUEST_METHOD);
        if (method.isEmpty() || !Tokens.isToken(method)) {
            throw GatewayViolation.byServer("REQUEST_METHOD \"" + method + "\" is not a token (RFC 9110, 9.1)");
        }
        String scriptName = required(environ, Environ.SCRIPT_NAME);
        if (!scriptName.isEmpty() && (!scriptName.startsWith("/") || scriptName.equals("/"))) {
            throw GatewayViolation.byServer("SCRIPT_NAME \"" + scriptName
                + "\" must be empty or start with '/', and is never \"/\" alone (the root is \"\")");
        }
        String pathInfo = required(environ, Environ.PATH_INFO);
        if (!pathInfo.isEmpty() && !pathInfo.startsWith("/")) {
            throw GatewayViolation.byServer("PATH_INFO \"" + pathInfo + "\" must be empty or start with '/'");
        }
        required(environ, Environ.QUERY_STRING);
        if (required(environ, Environ.SERVER_NAME).isEmpty()) {
            throw GatewayViolation.byServer("SERVER_NAME is empty");
        }
        digits(environ, Environ.SERVER_PORT, required(environ, Environ.SERVER_PORT));
        String protocol = required(environ, Environ.SERVER_PROTOCOL);
        if (!protocol.matches("HTTP/\\d\\.\\d")) {
            throw GatewayViolation.byServer("SERVER_PROTOCOL \"" + protocol + "\" is not HTTP/d.d (RFC 9112, 2.3)");
        }
        if (environ.get(Environ.CONTENT_LENGTH) instanceof String length) {
            digits(environ, Environ.CONTENT_LENGTH, length);
        }
        if (environ.get(Environ.REMOTE_PORT) instanceof String port) {
            digits(environ, Environ.REMOTE_PORT, port);
        }
        for (String prefixed : new String[] {"HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"}) {
            if (environ.containsKey(prefixed)) {
                throw GatewayViolation.byServer(prefixed + " must not be set: the field goes in "
                    + prefixed.substring(5) + " without the HTTP_ prefix");
            }
        }
        checkGatewayKeys(environ);
    }

    private static void checkGatewayKeys(Environ environ) {
        if (!Environ.VERSION.equals(environ.get(Environ.GATEWAY_VERSION))) {
            throw GatewayViolation.byServer("gateway.version must be the String \"" + Environ.VERSION + "\", not "
                + environ.get(Environ.GATEWAY_VERSION));
        }
        Object scheme = environ.get(Environ.GATEWAY_URL_SCHEME);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw GatewayViolation.byServer("gateway.url_scheme must be \"http\" or \"https\", not " + scheme);
        }
        typed(environ, Environ.GATEWAY_INPUT, InputStream.class, true);
        typed(environ, Environ.GATEWAY_ERRORS, PrintStream.class, true);
        typed(environ, Environ.GATEWAY_MULTITHREAD, Boolean.class, true);
        typed(environ, Environ.GATEWAY_MULTIPROCESS, Boolean.class, true);
        typed(environ, Environ.GATEWAY_RUN_ONCE, Boolean.class, true);
        typed(environ, Environ.GATEWAY_INPUT_TRAILERS, Trailers.class, false);
        typed(environ, Environ.GATEWAY_FILE_WRAPPER, FileWrapper.class, false);
        typed(environ, Environ.GATEWAY_EARLY_HINTS, EarlyHints.class, false);
    }

    private static String required(Environ environ, String key) {
        if (!environ.containsKey(key)) {
            throw GatewayViolation.byServer("required environ key " + key + " is missing");
        }
        return environ.getString(key);
    }

    private static void digits(Environ environ, String key, String value) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw GatewayViolation.byServer(key + " \"" + value + "\" must be decimal digits");
        }
    }

    private static void typed(Environ environ, String key, Class<?> type, boolean required) {
        Object value = environ.get(key);
        if (value == null) {
            if (required) {
                throw GatewayViolation.byServer("required environ key " + key + " is missing");
            }
            return;
        }
        if (!type.isInstance(value)) {
            throw GatewayViolation.byServer(key + " must be a " + type.getName() + ", not " + value.getClass().getName());
        }
    }
}
