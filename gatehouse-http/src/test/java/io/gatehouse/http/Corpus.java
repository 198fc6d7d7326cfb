package io.gatehouse.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The request corpus under {@code src/test/resources/requests}: {@code NNN.http} holds the request
 * with visible escapes ({@code \r \n \t \0 \\ \xHH}; real line breaks are ignored, so a file
 * reads like the request), {@code NNN.expect} the parse as {@link #transcript} renders it, or
 * {@code violation NAME} (and optionally {@code limits a b c d e}) for a request that must fail.
 */
final class Corpus {

    record Case(String name, byte[] request, String expected, Limits limits) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {
    }

    static Stream<Case> cases(String kind) {
        try {
            Path dir = Path.of(Corpus.class.getResource("/requests/" + kind).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.toString().endsWith(".http")).sorted().map(Corpus::load).toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case load(Path http) {
        try {
            String name = http.getParent().getFileName() + "/" + http.getFileName();
            String expect = Files.readString(Path.of(http.toString().replace(".http", ".expect")), StandardCharsets.ISO_8859_1);
            Limits limits = Limits.DEFAULTS;
            StringBuilder expected = new StringBuilder();
            for (String line : expect.split("\n")) {
                if (line.startsWith("limits ")) {
                    String[] n = line.substring(7).split(" ");
                    limits = new Limits(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]),
                        Integer.parseInt(n[3]), Long.parseLong(n[4]));
                } else {
                    expected.append(line).append('\n');
                }
            }
            return new Case(name, unescape(Files.readString(http, StandardCharsets.ISO_8859_1)), expected.toString(), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                continue;
            }
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + next);
            }
        }
        return out.toByteArray();
    }

    /** Shows bytes as the corpus writes them: printable ASCII as is, the rest escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Feeds the pieces in order and renders every message parsed, or the violation.
     *
     * @return the transcript, comparable with an expectation file
     */
    static String transcript(List<byte[]> pieces, Limits limits) {
        RequestParser parser = new RequestParser(limits);
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int messages = 0;
        try {
            for (byte[] piece : pieces) {
                ByteBuffer buffer = ByteBuffer.wrap(piece);
                while (true) {
                    RequestParser.Event event = parser.feed(buffer);
                    if (event == RequestParser.Event.NEED_MORE) {
                        if (buffer.hasRemaining()) {
                            throw new AssertionError("NEED_MORE with " + buffer.remaining() + " bytes unread");
                        }
                        break;
                    }
                    switch (event) {
                        case HEAD -> {
                            if (messages++ > 0) {
                                out.append("---\n");
                            }
                            head(out, parser.head());
                            body.reset();
                            if (parser.messageComplete()) {
                                end(out, parser, body);
                            }
                        }
                        case BODY -> {
                            body.write(piece, parser.bodyStart(), parser.bodyLength());
                            if (parser.messageComplete()) {
                                end(out, parser, body);
                            }
                        }
                        case END -> end(out, parser, body);
                        default -> throw new AssertionError(event);
                    }
                }
            }
            if (!parser.messageComplete() || parser.startedNextRequest()) {
                out.append("incomplete\n");
            }
        } catch (HttpViolationException e) {
            return "violation " + e.violation() + "\n";
        }
        return out.toString();
    }

    private static void head(StringBuilder out, RequestHead head) {
        out.append("method ").append(head.method()).append('\n');
        out.append("target ").append(head.target()).append('\n');
        out.append("version ").append(head.version()).append('\n');
        for (int i = 0; i < head.fieldCount(); i++) {
            out.append("field ").append(head.name(i)).append(": ").append(escape(head.value(i))).append('\n');
        }
        out.append("framing ").append(head.chunked() ? "chunked"
            : head.contentLength() > 0 ? "length " + head.contentLength() : "none").append('\n');
        out.append("keep-alive ").append(head.keepAlive()).append('\n');
        if (head.expectContinue()) {
            out.append("expect-continue true\n");
        }
    }

    private static void end(StringBuilder out, RequestParser parser, ByteArrayOutputStream body) {
        if (body.size() > 0) {
            out.append("body ").append(escape(body.toString(StandardCharsets.ISO_8859_1))).append('\n');
        }
        for (String[] trailer : parser.trailers()) {
            out.append("trailer ").append(trailer[0]).append(": ").append(escape(trailer[1])).append('\n');
        }
    }

    /** @return the request whole, one byte at a time, line by line, and split in two at every offset */
    static List<List<byte[]>> splits(byte[] request) {
        List<List<byte[]>> ways = new ArrayList<>();
        ways.add(List.of(request));
        List<byte[]> bytewise = new ArrayList<>();
        for (byte b : request) {
            bytewise.add(new byte[] {b});
        }
        ways.add(bytewise);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < request.length; i++) {
            if (request[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(request, start, i + 1));
                start = i + 1;
            }
        }
        lines.add(java.util.Arrays.copyOfRange(request, start, request.length));
        ways.add(lines);
        for (int cut = 1; cut < request.length; cut++) {
            ways.add(List.of(java.util.Arrays.copyOfRange(request, 0, cut),
                java.util.Arrays.copyOfRange(request, cut, request.length)));
        }
        return ways;
    }
}
