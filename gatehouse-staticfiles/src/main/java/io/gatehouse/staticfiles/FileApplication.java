package io.gatehouse.staticfiles;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Serves a directory tree: files with validators, conditional and range requests and precompressed
 * variants ({@link FileResponder}), index files, and HTML directory listings.
 *
 * {@snippet :
 * Application site = new FileApplication(Path.of("public"));
 * Application strict = new FileApplication(Path.of("public"), FileOptions.defaults().withListings(false));
 * }
 *
 * <ul>
 *   <li>Only GET and HEAD: anything else is 405 with {@code Allow: GET, HEAD} (RFC 9110, 15.5.6).</li>
 *   <li>{@code PATH_INFO} names the file; {@link DocumentRoot} refuses every path that could leave
 *       the root, and such paths get the same 404 as a missing file, so nothing is revealed.</li>
 *   <li>A directory requested without its trailing slash is redirected (301) to it, so relative
 *       links in its index work; with the slash, the first index file that exists is served,
 *       else the listing, else (listings off) 404, which does not reveal that the directory exists.</li>
 * </ul>
 */
public final class FileApplication implements Application {

    private static final List<Header> ALLOW = List.of(Header.of("Allow", "GET, HEAD"));

    private final DocumentRoot root;
    private final FileOptions options;
    private final FileResponder responder;

    /** @param root the directory to serve, with {@link FileOptions#defaults()} */
    public FileApplication(Path root) {
        this(root, FileOptions.defaults());
    }

    /**
     * @param root    the directory to serve
     * @param options how to serve it
     * @throws IllegalArgumentException when {@code root} is not a readable directory
     */
    public FileApplication(Path root, FileOptions options) {
        this.root = new DocumentRoot(root, options.hiddenFiles(), options.symlinksOutside());
        this.options = options;
        this.responder = new FileResponder(options, this.root);
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws IOException {
        String method = environ.requestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return text(startResponse, "405 Method Not Allowed", ALLOW);
        }
        String path = environ.pathInfo();
        Optional<DocumentRoot.Found> found = root.find(path);
        if (found.isEmpty()) {
            return notFound(startResponse);
        }
        Path target = found.get().path();
        BasicFileAttributes attributes = found.get().attributes();
        try {
            if (attributes.isDirectory()) {
                return directory(environ, startResponse, path, target);
            }
            if (!attributes.isRegularFile()) {
                return notFound(startResponse); // sockets, pipes, devices are not documents
            }
            return responder.respond(environ, startResponse, target, attributes, root.path().relativize(target));
        } catch (AccessDeniedException e) {
            return text(startResponse, "403 Forbidden", List.of());
        }
    }

    private Body directory(Environ environ, StartResponse startResponse, String path, Path directory)
            throws IOException {
        if (!path.endsWith("/")) {
            String location = encodePath(environ.scriptName() + path) + "/"
                + (environ.queryString().isEmpty() ? "" : "?" + environ.queryString());
            return text(startResponse, "301 Moved Permanently", List.of(Header.of("Location", location)));
        }
        for (String index : options.indexFiles()) {
            Path candidate = directory.resolve(index);
            if (Files.isRegularFile(candidate) && root.listable(candidate)) {
                return responder.respond(environ, startResponse, candidate,
                    Files.readAttributes(candidate, BasicFileAttributes.class), root.path().relativize(candidate));
            }
        }
        if (!options.listings()) {
            return notFound(startResponse);
        }
        byte[] page = DirectoryListing.render(environ.scriptName() + path, directory, root,
            directory.equals(root.path())).getBytes(StandardCharsets.UTF_8);
        startResponse.start("200 OK", List.of(Header.of("Content-Type", "text/html; charset=utf-8"),
            Header.of("Content-Length", Integer.toString(page.length)), Header.of("Cache-Control", "no-cache")));
        return Body.of(page);
    }

    private static Body notFound(StartResponse startResponse) {
        return text(startResponse, "404 Not Found", List.of());
    }

    /**
     * Answers with a one-line plain-text body that repeats the status.
     *
     * @param startResponse the callback
     * @param status        the status line
     * @param extra         more header fields
     * @return the body
     */
    static Body text(StartResponse startResponse, String status, List<Header> extra) {
        byte[] body = (status.substring(4) + "\n").getBytes(StandardCharsets.US_ASCII);
        List<Header> headers = new ArrayList<>(extra);
        headers.add(Header.of("Content-Type", "text/plain; charset=utf-8"));
        headers.add(Header.of("Content-Length", Integer.toString(body.length)));
        startResponse.start(status, headers);
        return Body.of(body);
    }

    private static String encodePath(String path) {
        return Arrays.stream(path.split("/", -1)).map(DirectoryListing::encode).collect(Collectors.joining("/"));
    }
}
