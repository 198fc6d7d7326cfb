package io.gatehouse.cgi;

import io.gatehouse.spec.Header;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header block a CGI script writes before its body (RFC 3875, 6.2 and 6.3), read from the
 * script's stdout; what follows it is the body, left in the stream.
 *
 * {@snippet :
 * ScriptResponseHead head = ScriptResponseHead.read(process.getInputStream(), false);
 * if (head.isLocalRedirect()) { ... re-dispatch head.location() ... }
 * }
 *
 * <p>Lines end with LF or CRLF (6.3: "NL"); the block ends with an empty line. A script whose
 * output is not such a block, or that names none of {@code Content-Type}, {@code Location} and
 * {@code Status} (6.2: a response has at least one CGI field), is a broken gateway: the caller
 * answers 502. For {@code nph-} scripts the block starts with an HTTP status line instead (5.
 * "NPH scripts").
 *
 * @param status   the status line to send, such as {@code "404 Not Found"}
 * @param headers  the fields to send: the script's, without {@code Status} and hop-by-hop fields
 * @param location the {@code Location} value, or {@code null}
 * @param explicitStatus whether the script gave a status
 */
record ScriptResponseHead(String status, List<Header> headers, String location, boolean explicitStatus) {

    /** The most header bytes a script may write before its body. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    // RFC 9110, 7.6.1 and RFC 9112: framing and connection fields are the server's business.
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
        "trailer", "upgrade", "proxy-connection");

    /** The script's output is not a CGI response. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /**
     * @return whether this is a local redirect (RFC 3875, 6.2.2): a Location that is a path, which
     *         the gateway serves itself instead of telling the client
     */
    boolean isLocalRedirect() {
        return location != null && location.startsWith("/") && (!explicitStatus || status.startsWith("200"));
    }

    /**
     * @param in  the script's stdout, positioned at its start
     * @param nph whether the script is an {@code nph-} script, which writes an HTTP status line first
     * @return the head
     * @throws Malformed when the output is not a CGI response head
     * @throws IOException when reading fails
     */
    static ScriptResponseHead read(InputStream in, boolean nph) throws IOException {
        String status = null;
        boolean explicit = false;
        if (nph) {
            String line = line(in, new int[] {0});
            if (line == null || !line.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
                throw new Malformed("nph script did not start with an HTTP/1.x status line");
            }
            status = statusLine(line.substring(9));
            explicit = true;
        }
        List<Header> headers = new ArrayList<>();
        String location = null;
        boolean contentType = false;
        int[] used = {0};
        while (true) {
            String line = line(in, used);
            if (line == null) {
                throw new Malformed("script output ended before the blank line that ends its header");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            String name = colon <= 0 ? "" : line.substring(0, colon);
            if (!name.chars().allMatch(ScriptResponseHead::tokenChar) || name.isEmpty()) {
                throw new Malformed("script header line is not 'name: value': " + visible(line));
            }
            String value = line.substring(colon + 1).strip();
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw new Malformed("script header " + name + " has a control character in its value");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "status" -> {
                    status = statusLine(value);
                    explicit = true;
                }
                case "location" -> {
                    location = value;
                    headers.add(Header.of("Location", value));
                }
                default -> {
                    contentType |= lower.equals("content-type");
                    if (!HOP_BY_HOP.contains(lower)) {
                        headers.add(Header.of(name, value));
                    }
                }
            }
        }
        if (!contentType && location == null && !explicit) {
            throw new Malformed("script gave none of Content-Type, Location and Status (RFC 3875, 6.2)");
        }
        if (status == null) {
            // RFC 3875, 6.2.3: a client redirect is 302 unless the script says otherwise.
            status = location != null && !location.startsWith("/") ? "302 Found" : "200 OK";
        }
        return new ScriptResponseHead(status, List.copyOf(headers), location, explicit);
    }

    // RFC 3875, 6.3.3: Status = "Status:" status-code SP reason-phrase; a missing phrase is supplied.
    private static String statusLine(String value) throws Malformed {
        if (!value.matches("[1-5]\\d\\d( [^\\x00-\\x1f\\x7f]*)?")) {
            throw new Malformed("script status '" + visible(value) + "' is not a three-digit code and a reason");
        }
        return value.length() > 4 ? value : value.substring(0, 3) + " " + reason(value.substring(0, 3));
    }

    private static String reason(String code) {
        return switch (code.charAt(0)) {
            case '2' -> "OK";
            case '3' -> "Redirect";
            case '4' -> "Client Error";
            case '5' -> "Server Error";
            default -> "Informational";
        };
    }

    private static String line(InputStream in, int[] used) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(80);
        while (true) {
            int b = in.read();
            if (b < 0) {
                return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
            }
            if (++used[0] > MAX_HEAD_BYTES) {
                throw new Malformed("script header is longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                byte[] line = bytes.toByteArray();
                int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            bytes.write(b);
        }
    }

    private static boolean tokenChar(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    private static String visible(String text) {
        return text.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    }
}
