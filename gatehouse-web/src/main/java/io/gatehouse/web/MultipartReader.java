package io.gatehouse.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578, on RFC 2046's multipart syntax) as a stream:
 * text fields into memory, files into memory up to {@link Limits#memoryUploadBytes()} and to a
 * temporary file past it, so an upload never has to fit in the heap.
 *
 * <p>The body is scanned for the delimiter {@code CRLF--boundary} in a sliding buffer; bytes that
 * cannot be the start of a delimiter go straight to the current part's sink.
 */
final class MultipartReader {

    /** What a multipart body held. */
    record Result(Params fields, Map<String, List<Upload>> files, List<Path> temporaryFiles) {
    }

    private static final int BUFFER = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final Limits limits;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private long total;

    MultipartReader(InputStream in, String boundary, Limits limits) {
        this.in = in;
        // The first delimiter may come without the CRLF: pretend the body starts with one.
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.limits = limits;
        this.buffer = new byte[BUFFER + delimiter.length];
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /** Parses the body; a malformed one fails with 400, a too large one with 413. */
    static Result read(InputStream in, MediaType type, Limits limits) throws IOException {
        String boundary = type.parameter("boundary");
        // RFC 2046, section 5.1.1: 1 to 70 characters.
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new HttpError(400, "multipart/form-data needs a boundary parameter of 1 to 70 characters");
        }
        MultipartReader reader = new MultipartReader(in, boundary, limits);
        List<Path> temporary = new ArrayList<>();
        try {
            return reader.parts(temporary);
        } catch (IOException | RuntimeException e) {
            for (Path path : temporary) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
    }

    private Result parts(List<Path> temporary) throws IOException {
        Params.Builder fields = new Params.Builder();
        Map<String, List<Upload>> files = new LinkedHashMap<>();
        if (!skipTo(OutputStream.nullOutputStream())) {
            throw malformed("no opening boundary");
        }
        while (!atFinalDelimiter()) {
            Map<String, String> headers = partHeaders();
            MediaType disposition = MediaType.parse(headers.get("content-disposition"));
            String name = disposition.parameter("name");
            if (!disposition.value().equals("form-data") || name == null) {
                throw malformed("a part without Content-Disposition: form-data; name=...");
            }
            String filename = disposition.parameter("filename");
            SpillingSink sink = new SpillingSink(limits.memoryUploadBytes(),
                filename == null ? null : limits);
            if (!skipTo(sink)) {
                sink.discard();
                throw malformed("the body ended inside a part");
            }
            if (filename == null) {
                if (sink.file() != null) {
                    sink.discard();
                    throw new HttpError(413, "form field '" + name + "' is larger than " + limits.memoryUploadBytes() + " bytes");
                }
                fields.add(name, new String(sink.memory(), StandardCharsets.UTF_8));
            } else {
                if (sink.file() != null) {
                    temporary.add(sink.file());
                }
                String contentType = headers.getOrDefault("content-type", "application/octet-stream");
                files.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(new Upload(name, filename, contentType, sink.memory(), sink.file(), sink.size()));
            }
        }
        return new Result(fields.build(), files, temporary);
    }

    /** After a delimiter: "--" ends the body, CRLF starts a part (transport padding is tolerated). */
    private boolean atFinalDelimiter() throws IOException {
        fill(2);
        if (end - start >= 2 && buffer[start] == '-' && buffer[start + 1] == '-') {
            return true;
        }
        while (fill(1) && (buffer[start] == ' ' || buffer[start] == '\t')) {
            start++;
        }
        if (fill(2) && buffer[start] == '\r' && buffer[start + 1] == '\n') {
            start += 2;
            return false;
        }
        throw malformed("a boundary is not followed by CRLF or --");
    }

    private Map<String, String> partHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int used = 0;
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (!fill(1)) {
                    throw malformed("the body ended inside part headers");
                }
                byte b = buffer[start++];
                if (++used > limits.maxPartHeaderBytes()) {
                    throw new HttpError(400, "multipart part headers exceed " + limits.maxPartHeaderBytes() + " bytes");
                }
                if (b == '\n') {
                    break;
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.UTF_8);
            text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            if (text.isEmpty()) {
                return headers;
            }
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw malformed("a part header line without a colon");
            }
            headers.put(text.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), text.substring(colon + 1).trim());
        }
    }

    /**
     * Copies bytes to {@code sink} up to the next delimiter and consumes the delimiter.
     *
     * @return false when the body ended first
     */
    private boolean skipTo(OutputStream sink) throws IOException {
        while (true) {
            int found = indexOfDelimiter();
            if (found >= 0) {
                sink.write(buffer, start, found - start);
                start = found + delimiter.length;
                return true;
            }
            // Everything that cannot begin a delimiter is part content.
            int safe = Math.max(start, end - delimiter.length + 1);
            sink.write(buffer, start, safe - start);
            start = safe;
            if (eof) {
                return false;
            }
            compactAndRead();
        }
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = start; i <= end - delimiter.length; i++) {
            for (int k = 0; k < delimiter.length; k++) {
                if (buffer[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean fill(int wanted) throws IOException {
        while (end - start < wanted && !eof) {
            compactAndRead();
        }
        return end - start >= wanted;
    }

    private void compactAndRead() throws IOException {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
            return;
        }
        end += read;
        total += read;
        if (total > limits.maxUploadBytes()) {
            throw new HttpError(413, "the multipart body exceeds " + limits.maxUploadBytes() + " bytes");
        }
    }

    private static HttpError malformed(String why) {
        return new HttpError(400, "malformed multipart/form-data: " + why);
    }
}
