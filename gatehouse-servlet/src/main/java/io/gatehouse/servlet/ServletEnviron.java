package io.gatehouse.servlet;

import io.gatehouse.spec.Environ;
import io.gatehouse.spec.FileWrapper;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.Trailers;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a gateway {@link Environ} from an {@link HttpServletRequest}, following the gateway spec's
 * table of keys: the CGI variables, one {@code HTTP_*} entry per header field, the body as
 * {@code gateway.input}, and {@code SCRIPT_NAME} as the context path plus the servlet path.
 */
final class ServletEnviron {

    private ServletEnviron() {
    }

    static Environ from(HttpServletRequest request, PrintStream errors, String serverSoftware) throws IOException {
        Environ environ = new Environ();
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        environ.put(Environ.REQUEST_METHOD, request.getMethod())
            // Servlet paths are decoded, as the gateway spec wants SCRIPT_NAME and PATH_INFO.
            .put(Environ.SCRIPT_NAME, request.getContextPath() + request.getServletPath())
            .put(Environ.PATH_INFO, request.getPathInfo() == null ? "" : request.getPathInfo())
            .put(Environ.QUERY_STRING, query)
            .put(Environ.REQUEST_URI, request.getRequestURI() + (query.isEmpty() ? "" : "?" + query))
            .put(Environ.SERVER_NAME, request.getServerName())
            .put(Environ.SERVER_PORT, String.valueOf(request.getServerPort()))
            .put(Environ.SERVER_PROTOCOL, request.getProtocol())
            .put(Environ.SERVER_SOFTWARE, serverSoftware)
            .put(Environ.GATEWAY_INTERFACE, "CGI/1.1")
            .put(Environ.REMOTE_ADDR, request.getRemoteAddr())
            .put(Environ.REMOTE_PORT, String.valueOf(request.getRemotePort()))
            .put(Environ.GATEWAY_VERSION, Environ.VERSION)
            .put(Environ.GATEWAY_URL_SCHEME, request.getScheme())
            .put(Environ.GATEWAY_INPUT, request.getInputStream())
            .put(Environ.GATEWAY_ERRORS, errors)
            .put(Environ.GATEWAY_MULTITHREAD, Boolean.TRUE)
            .put(Environ.GATEWAY_MULTIPROCESS, Boolean.FALSE)
            .put(Environ.GATEWAY_RUN_ONCE, Boolean.FALSE)
            .put(Environ.GATEWAY_FILE_WRAPPER, FileWrapper.DEFAULT)
            .put(Environ.GATEWAY_INPUT_TRAILERS, trailers(request));
        if (request.getContentType() != null) {
            environ.put(Environ.CONTENT_TYPE, request.getContentType());
        }
        if (request.getContentLengthLong() >= 0) {
            environ.put(Environ.CONTENT_LENGTH, String.valueOf(request.getContentLengthLong()));
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-type") || lower.equals("content-length") || name.indexOf('_') >= 0) {
                continue; // the first two have their own keys; '_' names are dropped (spec: "Request headers")
            }
            String separator = lower.equals("cookie") ? "; " : ", ";
            environ.put(Environ.headerKey(name), String.join(separator, Collections.list(request.getHeaders(name))));
        }
        return environ;
    }

    private static Trailers trailers(HttpServletRequest request) {
        return () -> {
            if (!request.isTrailerFieldsReady()) {
                return List.of();
            }
            List<Header> fields = new ArrayList<>();
            for (Map.Entry<String, String> field : request.getTrailerFields().entrySet()) {
                fields.add(Header.of(field.getKey(), field.getValue()));
            }
            return fields;
        };
    }
}
