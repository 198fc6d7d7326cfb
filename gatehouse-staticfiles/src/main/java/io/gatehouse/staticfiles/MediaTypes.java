package io.gatehouse.staticfiles;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Type} of a file, from its extension: a built-in table of the types a web site
 * serves, with {@code charset=utf-8} on text types, so the answer never depends on the host's
 * MIME database.
 *
 * {@snippet :
 * MediaTypes.of("index.html");     // "text/html; charset=utf-8"
 * MediaTypes.of("photo.JPG");      // "image/jpeg"
 * MediaTypes.of("data.bin");       // "application/octet-stream"
 * }
 */
public final class MediaTypes {

    /** What an unknown extension is served as (RFC 9110, 8.3: the recipient may sniff, we don't guess). */
    public static final String UNKNOWN = "application/octet-stream";

    private static final String UTF8 = "; charset=utf-8";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
        Map.entry("html", "text/html" + UTF8), Map.entry("htm", "text/html" + UTF8),
        Map.entry("css", "text/css" + UTF8), Map.entry("txt", "text/plain" + UTF8),
        Map.entry("text", "text/plain" + UTF8), Map.entry("md", "text/markdown" + UTF8),
        Map.entry("csv", "text/csv" + UTF8), Map.entry("tsv", "text/tab-separated-values" + UTF8),
        Map.entry("ics", "text/calendar" + UTF8), Map.entry("vtt", "text/vtt" + UTF8),
        Map.entry("js", "text/javascript" + UTF8), Map.entry("mjs", "text/javascript" + UTF8),
        Map.entry("json", "application/json"), Map.entry("map", "application/json"),
        Map.entry("webmanifest", "application/manifest+json"), Map.entry("jsonld", "application/ld+json"),
        Map.entry("xml", "application/xml"), Map.entry("xhtml", "application/xhtml+xml"),
        Map.entry("rss", "application/rss+xml"), Map.entry("atom", "application/atom+xml"),
        Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
        Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
        Map.entry("avif", "image/avif"), Map.entry("ico", "image/vnd.microsoft.icon"), Map.entry("bmp", "image/bmp"),
        Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"),
        Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
        Map.entry("otf", "font/otf"), Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"),
        Map.entry("oga", "audio/ogg"), Map.entry("wav", "audio/wav"), Map.entry("flac", "audio/flac"),
        Map.entry("m4a", "audio/mp4"), Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"),
        Map.entry("webm", "video/webm"), Map.entry("ogv", "video/ogg"), Map.entry("mov", "video/quicktime"),
        Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
        Map.entry("gz", "application/gzip"), Map.entry("tgz", "application/gzip"), Map.entry("br", "application/x-brotli"),
        Map.entry("tar", "application/x-tar"), Map.entry("7z", "application/x-7z-compressed"),
        Map.entry("wasm", "application/wasm"), Map.entry("jar", "application/java-archive"),
        Map.entry("doc", "application/msword"), Map.entry("rtf", "application/rtf"),
        Map.entry("epub", "application/epub+zip"));

    private MediaTypes() {
    }

    /**
     * @param fileName a file name; only the part after the last '.' counts, in any case
     * @return the media type, with a charset for text, or {@link #UNKNOWN}
     */
    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return UNKNOWN;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
