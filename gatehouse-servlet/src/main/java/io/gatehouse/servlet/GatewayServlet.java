package io.gatehouse.servlet;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs any gateway {@link Application} inside a Jakarta Servlet 6 container (Jetty, Tomcat,
 * Undertow...): the portability promise of the gateway interface.
 *
 * {@snippet :
 * ServletContextHandler context = new ServletContextHandler("/notes");      // Jetty 12, ee10
 * context.addServlet(new ServletHolder(new GatewayServlet(NotesApp.app)), "/*");
 * }
 *
 * <p>Or declare it in {@code web.xml} with the init parameter {@code gateway.application} naming a
 * class and a static field, {@code examples.notes.NotesApp:app} (the same syntax as
 * {@code gatehouse serve}).
 *
 * <p>Each request gets an environ built from the servlet request ({@code SCRIPT_NAME} is the
 * context path plus the servlet path, {@code gateway.input} the request's input stream), and the
 * body's chunks are written to the response as they come and flushed, so streamed bodies stream.
 * An exception before the response started becomes a plain 500 (logged); after, it aborts the
 * response, which the container turns into a reset connection.
 */
public class GatewayServlet extends HttpServlet {

    /** The init parameter that names the application, as {@code some.Class:field}. */
    public static final String APPLICATION_PARAMETER = "gateway.application";

    private transient Application application;

    /** For containers that create the servlet from {@code web.xml}; see {@link #APPLICATION_PARAMETER}. */
    public GatewayServlet() {
    }

    /** @param application the application to run */
    public GatewayServlet(Application application) {
        this.application = application;
    }

    @Override
    public void init() throws ServletException {
        if (application == null) {
            application = ApplicationReference.load(getInitParameter(APPLICATION_PARAMETER));
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintStream errors = new PrintStream(new ContextLog(), true, StandardCharsets.UTF_8);
        Environ environ = ServletEnviron.from(request, errors, getServletContext().getServerInfo());
        ServletExchange exchange = new ServletExchange(response);
        Body body;
        try {
            body = application.call(environ, exchange);
        } catch (Exception e) {
            log("gateway application failed for " + request.getMethod() + " " + request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(500);
            }
            return;
        }
        boolean head = "HEAD".equals(request.getMethod());
        try (body) {
            OutputStream out = null;
            for (byte[] chunk : body) {
                if (chunk.length == 0) {
                    continue;
                }
                exchange.commit();
                if (!head) {
                    out = out == null ? response.getOutputStream() : out;
                    out.write(chunk);
                    out.flush();
                }
            }
            exchange.commit();
        } catch (RuntimeException e) {
            log("gateway response failed for " + request.getMethod() + " " + request.getRequestURI(), e);
            if (exchange.committed()) {
                throw e;
            }
            response.reset();
            response.sendError(500);
        }
    }

    /** Sends each line written to {@code gateway.errors} to the servlet context's log. */
    private final class ContextLog extends OutputStream {
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            flushLine();
        }

        private void flushLine() {
            if (line.size() > 0) {
                getServletContext().log(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
