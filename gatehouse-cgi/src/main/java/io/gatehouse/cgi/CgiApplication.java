package io.gatehouse.cgi;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs CGI scripts (RFC 3875) from a directory: the gateway side of CGI, as a Gatehouse
 * application that can be mounted under any path.
 *
 * {@snippet :
 * Application cgi = new CgiApplication(Path.of("cgi-bin"));
 * Application site = Mount.of(Map.of("/cgi-bin", cgi));   // /cgi-bin/hello.py/x -> SCRIPT_NAME /cgi-bin/hello.py
 * }
 *
 * <p>Per request:
 * <ol>
 *   <li>{@link ScriptLocation} finds the script the path names; none is 404, one that is not
 *       executable is 403.</li>
 *   <li>The script starts with the {@link MetaVariables}, the request body streamed to its stdin
 *       and its stderr going to {@code gateway.errors}.</li>
 *   <li>Its header block is read ({@link ScriptResponseHead}): a broken one is 502; a script
 *       killed by the time limit before answering is 504.</li>
 *   <li>A local redirect ({@code Location: /path}) is served again from this application as a GET
 *       (RFC 3875, 6.2.2), up to {@link #MAX_LOCAL_REDIRECTS} times; a client redirect is 302.</li>
 *   <li>Otherwise the rest of stdout streams out as the body; closing the body kills the script.</li>
 * </ol>
 * Scripts whose name starts with {@code nph-} write their own status line; see {@code docs/cgi.md}
 * for what "non-parsed" can and cannot mean under a gateway interface.
 */
public final class CgiApplication implements Application {

    /** How many local redirects one request may follow before the gateway gives up with 502. */
    public static final int MAX_LOCAL_REDIRECTS = 10;

    private static final String REDIRECTS = "gatehouse.cgi.redirects";

    private final Path directory;
    private final CgiOptions options;

    /** @param directory the script directory, with {@link CgiOptions#defaults()} */
    public CgiApplication(Path directory) {
        this(directory, CgiOptions.defaults());
    }

    /**
     * @param directory the script directory
     * @param options   how scripts are run
     * @throws IllegalArgumentException when the directory does not exist
     */
    public CgiApplication(Path directory, CgiOptions options) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("CGI directory " + directory + " is not a directory");
        }
        try {
            this.directory = directory.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("CGI directory " + directory + " cannot be read: " + e.getMessage());
        }
        this.options = options;
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws IOException {
        Optional<ScriptLocation> found = ScriptLocation.find(directory, environ.pathInfo());
        if (found.isEmpty()) {
            return text(startResponse, "404 Not Found");
        }
        ScriptLocation location = found.get();
        if (!Files.isExecutable(location.script())) {
            return text(startResponse, "403 Forbidden");
        }
        Path documentRoot = options.documentRoot() == null ? directory : options.documentRoot();
        Map<String, String> env = MetaVariables.of(environ, location, documentRoot, options.passAuthorization());
        ScriptProcess script;
        try {
            script = ScriptProcess.start(location.script(), env, environ.input(), environ.errors(), options.timeLimit());
        } catch (IOException e) {
            environ.errors().println("cgi " + location.scriptPath() + ": cannot start: " + e.getMessage());
            return text(startResponse, "502 Bad Gateway");
        }
        boolean nph = location.script().getFileName().toString().startsWith("nph-");
        ScriptResponseHead head;
        try {
            head = ScriptResponseHead.read(script.stdout(), nph);
        } catch (IOException e) {
            script.close();
            if (script.timedOut()) {
                return text(startResponse, "504 Gateway Timeout");
            }
            environ.errors().println("cgi " + location.scriptPath() + ": " + e.getMessage());
            return text(startResponse, "502 Bad Gateway");
        }
        if (!nph && head.isLocalRedirect()) {
            script.close();
            return redirectLocally(environ, startResponse, head.location());
        }
        startResponse.start(head.status(), head.headers());
        return new ScriptOutputBody(script);
    }

    // RFC 3875, 6.2.2: the server answers a local redirect as if the client had asked for the new
    // path with GET. The path is served by this application when it lies under its mount point.
    private Body redirectLocally(Environ environ, StartResponse startResponse, String location) throws IOException {
        int depth = environ.get(REDIRECTS) instanceof Integer n ? n : 0;
        int question = location.indexOf('?');
        String path = question < 0 ? location : location.substring(0, question);
        String mount = environ.scriptName();
        if (depth >= MAX_LOCAL_REDIRECTS || !(path.startsWith(mount + "/"))) {
            environ.errors().println("cgi: local redirect to " + location + " cannot be followed "
                + (depth >= MAX_LOCAL_REDIRECTS ? "(too many redirects)" : "(outside " + mount + "/)"));
            return text(startResponse, "502 Bad Gateway");
        }
        Environ again = environ.copy()
            .put(REDIRECTS, depth + 1)
            .put(Environ.REQUEST_METHOD, "GET")
            .put(Environ.PATH_INFO, java.net.URLDecoder.decode(path.substring(mount.length()).replace("+", "%2B"),
                StandardCharsets.UTF_8))
            .put(Environ.QUERY_STRING, question < 0 ? "" : location.substring(question + 1))
            .put(Environ.GATEWAY_INPUT, new ByteArrayInputStream(new byte[0]));
        again.remove(Environ.CONTENT_LENGTH);
        again.remove(Environ.CONTENT_TYPE);
        return call(again, startResponse);
    }

    private static Body text(StartResponse startResponse, String status) {
        byte[] body = (status.substring(4) + "\n").getBytes(StandardCharsets.US_ASCII);
        startResponse.start(status, List.of(Header.of("Content-Type", "text/plain; charset=utf-8"),
            Header.of("Content-Length", Integer.toString(body.length))));
        return Body.of(body);
    }
}
