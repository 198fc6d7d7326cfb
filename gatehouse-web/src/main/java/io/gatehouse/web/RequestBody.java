package io.gatehouse.web;

import io.gatehouse.spec.Environ;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body half of a {@link Request}: reads {@code gateway.input} at most once, within the
 * {@link Limits}, and parses forms and uploads from it on demand.
 */
final class RequestBody {

    private final Environ environ;
    private final Limits limits;
    private final List<Path> temporaryFiles = new ArrayList<>();
    private byte[] bytes;
    private Params form;
    private Map<String, List<Upload>> files;

    RequestBody(Environ environ, Limits limits) {
        this.environ = environ;
        this.limits = limits;
    }

    byte[] bytes() throws IOException {
        if (bytes == null) {
            long limit = limits.maxBodyBytes();
            // RFC 9110, 15.5.14: 413 when the content is larger than the server will process.
            if (environ.contentLength() > limit) {
                throw new HttpError(413, "the body is larger than " + limit + " bytes");
            }
            InputStream input = environ.input();
            byte[] read = input == null ? new byte[0] : input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (read.length > limit) {
                throw new HttpError(413, "the body is larger than " + limit + " bytes");
            }
            bytes = read;
        }
        return bytes;
    }

    InputStream stream() {
        return bytes != null ? new ByteArrayInputStream(bytes) : environ.input();
    }

    Params form(MediaType type) throws IOException {
        if (form == null) {
            switch (type.value()) {
                case "application/x-www-form-urlencoded" ->
                    form = Params.parse(new String(bytes(), StandardCharsets.US_ASCII));
                case "multipart/form-data" -> {
                    MultipartReader.Result result = MultipartReader.read(stream(), type, limits);
                    temporaryFiles.addAll(result.temporaryFiles());
                    files = result.files();
                    form = result.fields();
                }
                default -> form = Params.empty();
            }
            if (files == null) {
                files = Map.of();
            }
        }
        return form;
    }

    Map<String, List<Upload>> files(MediaType type) throws IOException {
        form(type);
        return files;
    }

    void deleteTemporaryFiles() {
        for (Path file : temporaryFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                environ.errors().println("gatehouse-web: cannot delete upload file " + file + ": " + e);
            }
        }
        temporaryFiles.clear();
    }
}
