package io.gatehouse.staticfiles;

import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers a GET or HEAD for one regular file: picks the representation (a precompressed sibling
 * when the client accepts it), sets the validators, evaluates preconditions (304, 412), honours
 * {@code Range} (206, 416), and hands the bytes to {@code gateway.file_wrapper} for zero-copy sending,
 * or, for a small file, answers from {@link FileCache} (validators and bytes kept between requests).
 *
 * {@snippet :
 * return new FileResponder(options, root).respond(environ, startResponse, file, Path.of("a.txt"));
 * }
 */
final class FileResponder {

    /** Precompressed siblings, most preferred first (ties in Accept-Encoding go to brotli, the smaller). */
    private static final List<String> CODINGS = List.of("br", "gzip");
    // The environ keys, built once rather than on every request.
    private static final String ACCEPT_ENCODING = Environ.headerKey("Accept-Encoding");
    private static final String RANGE = Environ.headerKey("Range");

    private final FileOptions options;
    private final DocumentRoot root;
    private final FileCache cache = new FileCache();

    FileResponder(FileOptions options, DocumentRoot root) {
        this.options = options;
        this.root = root;
    }

    /**
     * @param environ       the request (GET or HEAD)
     * @param startResponse the callback
     * @param file          a regular file inside the root
     * @param attributes    its attributes
     * @param relative      its path relative to the root, for the cache rules
     * @return the body
     * @throws IOException when the file cannot be read
     */
    Body respond(Environ environ, StartResponse startResponse, Path file, BasicFileAttributes attributes,
                 Path relative) throws IOException {
        String fileName = file.getFileName().toString();
        List<Header> headers = new ArrayList<>();
        headers.add(Header.of("Content-Type", MediaTypes.of(fileName)));
        Path served = file;
        String coding = null;
        if (options.precompressed()) {
            List<String> available = new ArrayList<>(CODINGS.size());
            for (String candidate : CODINGS) {
                Path sibling = sibling(file, candidate);
                if (Files.isRegularFile(sibling) && root.listable(sibling)) {
                    available.add(candidate);
                }
            }
            if (!available.isEmpty()) {
                // RFC 9110, 12.5.5: the response depends on Accept-Encoding, whichever variant is chosen.
                headers.add(Header.of("Vary", "Accept-Encoding"));
                coding = AcceptEncoding.parse(environ.getString(ACCEPT_ENCODING)).best(available);
                if (coding != null) {
                    served = sibling(file, coding);
                    headers.add(Header.of("Content-Encoding", coding));
                }
            }
        }
        if (coding != null) {
            attributes = Files.readAttributes(served, BasicFileAttributes.class);
        }
        FileCache.Entry cached = cache.entry(served, attributes, coding);
        long size = cached.size();
        Instant modified = cached.modifiedInstant();
        String etag = cached.etag();
        headers.add(Header.of("ETag", etag));
        headers.add(Header.of("Last-Modified", cached.lastModified()));
        options.cacheRules().cacheControl(relative).ifPresent(value -> headers.add(Header.of("Cache-Control", value)));
        switch (Preconditions.evaluate(environ, etag, modified)) {
            case NOT_MODIFIED -> {
                // RFC 9110, 15.4.5: a 304 repeats the validators, Cache-Control and Vary, and has no content.
                headers.removeIf(h -> h.is("Content-Type") || h.is("Content-Encoding"));
                startResponse.start("304 Not Modified", headers);
                return Body.empty();
            }
            case FAILED -> {
                return FileApplication.text(startResponse, "412 Precondition Failed", List.of());
            }
            case PROCEED -> {
                // go on below
            }
        }
        headers.add(Header.of("Accept-Ranges", "bytes"));
        boolean get = environ.requestMethod().equals("GET");
        String range = environ.getString(RANGE);
        // RFC 9110, 14.2: Range is defined for GET only; with a failed If-Range the whole file is sent.
        if (get && range != null && Preconditions.rangeApplies(environ, etag, modified)) {
            Optional<List<ByteRange>> ranges = ByteRange.parse(range, size);
            if (ranges.isPresent()) {
                return partial(environ, startResponse, headers, served, ranges.get(), size);
            }
        }
        headers.add(Header.of("Content-Length", Long.toString(size)));
        startResponse.start("200 OK", headers);
        if (!get) {
            return Body.empty();
        }
        if (cached.content() != null) {
            return Body.of(cached.content()); // a small file from memory: no open, read or close
        }
        return environ.fileWrapper().wrap(FileChannel.open(served, StandardOpenOption.READ), 0, size);
    }

    private static Body partial(Environ environ, StartResponse startResponse, List<Header> headers, Path served,
                                List<ByteRange> ranges, long size) throws IOException {
        if (ranges.isEmpty()) {
            // RFC 9110, 15.5.17: 416 says how long the representation is.
            headers.removeIf(h -> h.is("Content-Type") || h.is("Content-Encoding"));
            headers.add(Header.of("Content-Range", "bytes */" + size));
            headers.add(Header.of("Content-Length", "0"));
            startResponse.start("416 Range Not Satisfiable", headers);
            return Body.empty();
        }
        FileChannel channel = FileChannel.open(served, StandardOpenOption.READ);
        if (ranges.size() == 1) {
            ByteRange only = ranges.getFirst();
            headers.add(Header.of("Content-Range", only.contentRange(size)));
            headers.add(Header.of("Content-Length", Long.toString(only.length())));
            startResponse.start("206 Partial Content", headers);
            return environ.fileWrapper().wrap(channel, only.first(), only.length());
        }
        String type = headers.getFirst().value();
        MultipartRanges body = new MultipartRanges(channel, ranges, type, size);
        headers.set(0, Header.of("Content-Type", body.contentType()));
        headers.add(Header.of("Content-Length", Long.toString(body.length())));
        startResponse.start("206 Partial Content", headers);
        return body;
    }

    private static Path sibling(Path file, String coding) {
        return file.resolveSibling(file.getFileName() + (coding.equals("gzip") ? ".gz" : ".br"));
    }
}
