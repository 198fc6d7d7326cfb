package io.gatehouse.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request target split the way a server splits it: scheme, host and port (from an absolute URL,
 * else the defaults), the raw path and query, and the percent-decoded path.
 */
record RequestTarget(String scheme, String host, int port, boolean explicitPort, String rawPath, String query) {

    static RequestTarget parse(String target) {
        String rest = target;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash); // fragments never travel in a request (RFC 9110, 4.2.5)
        }
        String scheme = "http";
        String host = "localhost";
        int port = 80;
        boolean explicitPort = false;
        int schemeEnd = rest.indexOf("://");
        if (schemeEnd > 0) {
            scheme = rest.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("request target must be http or https: " + target);
            }
            port = scheme.equals("https") ? 443 : 80;
            int authorityEnd = rest.indexOf('/', schemeEnd + 3);
            int queryStart = rest.indexOf('?', schemeEnd + 3);
            if (authorityEnd < 0 || (queryStart >= 0 && queryStart < authorityEnd)) {
                authorityEnd = queryStart < 0 ? rest.length() : queryStart;
            }
            String authority = rest.substring(schemeEnd + 3, authorityEnd);
            int colon = authority.lastIndexOf(':');
            if (colon > 0 && !authority.endsWith("]")) {
                host = authority.substring(0, colon);
                port = Integer.parseInt(authority.substring(colon + 1));
                explicitPort = true;
            } else {
                host = authority;
            }
            rest = rest.substring(authorityEnd);
            if (rest.isEmpty() || rest.startsWith("?")) {
                rest = "/" + rest;
            }
        }
        if (!rest.startsWith("/")) {
            throw new IllegalArgumentException("request target must start with '/' or be an absolute URL: " + target);
        }
        int question = rest.indexOf('?');
        String rawPath = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        return new RequestTarget(scheme, host, port, explicitPort, rawPath, query);
    }

    /** @return path and query as they go on the request line */
    String requestUri() {
        return query.isEmpty() ? rawPath : rawPath + "?" + query;
    }

    /** @return the Host header value for this target */
    String hostHeader() {
        return explicitPort ? host + ":" + port : host;
    }

    /**
     * The path percent-decoded and read as UTF-8, as the spec asks of servers for PATH_INFO.
     *
     * @throws IllegalArgumentException for a bad escape or bytes that are not UTF-8 (a server answers 400)
     */
    String decodedPath() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    throw new IllegalArgumentException("bad percent-escape in path: " + rawPath);
                }
                int high = Character.digit(rawPath.charAt(i + 1), 16);
                int low = Character.digit(rawPath.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad percent-escape in path: " + rawPath);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                int codePoint = rawPath.codePointAt(i);
                byte[] encoded = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("path is not UTF-8 once decoded: " + rawPath, e);
        }
    }
}
