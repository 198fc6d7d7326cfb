package io.gatehouse.staticfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A directory's contents as a small HTML page: a link up (except at the root), then one row per
 * entry with its name, size and modification time, directories first, each group sorted by name.
 *
 * {@snippet :
 * String html = DirectoryListing.render("/docs/", Path.of("public/docs"), root, false);
 * }
 *
 * <p>Names are never written raw: the link text is HTML-escaped (with control characters shown as
 * U+FFFD) and the {@code href} is the name percent-encoded as UTF-8, so a file called
 * {@code <script>.html} or {@code a"b} is just text. Hidden entries and links out of the root are
 * left out, as {@link DocumentRoot#listable} says.
 */
public final class DirectoryListing {

    private static final DateTimeFormatter MODIFIED =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Entry(String name, boolean directory, long size, BasicFileAttributes attributes) {
    }

    private DirectoryListing() {
    }

    /**
     * @param requestPath the decoded path the page is for, ending in '/', shown in the title
     * @param directory   the directory to list
     * @param root        decides which entries may be shown
     * @param atRoot      whether this is the top of what is served (no link up)
     * @return the page
     * @throws IOException when the directory cannot be read
     */
    public static String render(String requestPath, Path directory, DocumentRoot root, boolean atRoot)
            throws IOException {
        String title = "Index of " + escape(requestPath);
        StringBuilder html = new StringBuilder(4096)
            .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(title).append("</title>\n")
            .append("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}")
            .append("td,th{padding:.2em 1em;text-align:left}td.size{text-align:right}</style>\n")
            .append("</head>\n<body>\n<h1>").append(title).append("</h1>\n<table>\n")
            .append("<thead><tr><th>Name</th><th>Size</th><th>Last modified</th></tr></thead>\n<tbody>\n");
        if (!atRoot) {
            html.append("<tr><td><a href=\"../\">../</a></td><td class=\"size\">-</td><td></td></tr>\n");
        }
        for (Entry entry : entries(directory, root)) {
            String suffix = entry.directory() ? "/" : "";
            html.append("<tr><td><a href=\"").append(encode(entry.name())).append(suffix).append("\">")
                .append(escape(entry.name())).append(suffix).append("</a></td><td class=\"size\">")
                .append(entry.directory() ? "-" : Long.toString(entry.size())).append("</td><td>")
                .append(MODIFIED.format(entry.attributes().lastModifiedTime().toInstant())).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    private static List<Entry> entries(Path directory, DocumentRoot root) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path path : stream) {
                if (!root.listable(path)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class); // follows links
                } catch (IOException e) {
                    continue; // vanished or unreadable meanwhile: not worth failing the page
                }
                entries.add(new Entry(path.getFileName().toString(), attributes.isDirectory(), attributes.size(),
                    attributes));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.directory())
            .thenComparing(Entry::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Entry::name));
        return entries;
    }

    /**
     * @param text any text
     * @return it safe inside HTML text and double-quoted attributes
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * @param name a file name
     * @return it percent-encoded as UTF-8, everything but RFC 3986 unreserved characters
     */
    static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() * 3);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
