package io.gatehouse.staticfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The directory files are served from, and the one place that turns a request path into a file
 * path: every request path goes through {@link #resolve}, which refuses anything that could name a
 * file outside the root.
 *
 * {@snippet :
 * DocumentRoot root = new DocumentRoot(Path.of("public"), false, false);
 * Optional<Path> file = root.resolve("/css/site.css");   // public/css/site.css, if it exists
 * root.resolve("/../etc/passwd");                        // Optional.empty()
 * }
 *
 * <p>The request path is {@code PATH_INFO}, which the server has already percent-decoded once, so
 * {@code %2e%2e} arrives here as {@code ..} and {@code %2f} as {@code /}; nothing is decoded again
 * (a double-encoded {@code %252e} stays the literal name {@code %2e}).
 */
public final class DocumentRoot {

    private final Path root;
    private final Path realRoot;
    private final boolean walkable;
    private final boolean hiddenFiles;
    private final boolean symlinksOutside;

    /**
     * @param root            an existing directory
     * @param hiddenFiles     whether names starting with '.' may be served
     * @param symlinksOutside whether a symbolic link may lead out of the root
     * @throws IllegalArgumentException when {@code root} is not a readable directory
     */
    public DocumentRoot(Path root, boolean hiddenFiles, boolean symlinksOutside) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("document root " + root + " is not a directory");
        }
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = root.toRealPath();
            // "a/link/.." normalizes to "a" but is really link's parent: then walking below the
            // normalized root would not be walking below the real one.
            this.walkable = this.root.toRealPath().equals(realRoot);
        } catch (IOException e) {
            throw new IllegalArgumentException("document root " + root + " cannot be read: " + e.getMessage());
        }
        this.hiddenFiles = hiddenFiles;
        this.symlinksOutside = symlinksOutside;
    }

    /** @return the root directory, absolute and normalized */
    public Path path() {
        return root;
    }

    /** @return whether names starting with '.' may be served */
    public boolean servesHiddenFiles() {
        return hiddenFiles;
    }

    /**
     * Finds the file or directory a request path names.
     *
     * @param requestPath a percent-decoded path such as {@code /a/b.txt}; empty means the root
     * @return the existing file or directory under the root, or empty when there is none or the
     *         path is refused
     */
    public Optional<Path> resolve(String requestPath) {
        return find(requestPath).map(Found::path);
    }

    /**
     * Like {@link #resolve}, with the attributes of what was found (links followed), read by the
     * same system calls that checked the path: a request for a file needs no further stat.
     *
     * @param requestPath a percent-decoded path such as {@code /a/b.txt}; empty means the root
     * @return the existing file or directory under the root, or empty when there is none or the
     *         path is refused
     */
    public Optional<Found> find(String requestPath) {
        Path candidate = root;
        for (String segment : requestPath.split("/", -1)) {
            if (segment.isEmpty()) {
                continue; // "//" and the leading "/": an absolute path is still relative to the root
            }
            if (!acceptable(segment)) {
                return Optional.empty();
            }
            candidate = candidate.resolve(segment);
        }
        if (!candidate.normalize().startsWith(root)) {
            return Optional.empty();
        }
        // With links confined to the root, attributesInside also finds out whether the file exists.
        BasicFileAttributes attributes = symlinksOutside ? attributes(candidate) : attributesInside(candidate);
        return attributes == null ? Optional.empty() : Optional.of(new Found(candidate, attributes));
    }

    /**
     * A path {@link #find} accepted and its attributes.
     *
     * @param path       the file or directory, under the root
     * @param attributes its attributes, symbolic links followed
     */
    public record Found(Path path, BasicFileAttributes attributes) {
    }

    /**
     * Whether a directory entry may be shown and served: not hidden (unless allowed) and, when it
     * is a link, not leading out of the root (unless allowed).
     *
     * @param entry a path directly inside a served directory
     * @return whether it may be listed
     */
    public boolean listable(Path entry) {
        String name = entry.getFileName().toString();
        return acceptable(name) && insideAfterLinks(entry);
    }

    private boolean acceptable(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            return false; // dot segments (RFC 3986, 3.3) would walk out of the root
        }
        if (segment.startsWith(".") && !hiddenFiles) {
            return false; // dot-files (.git, .env, .htpasswd) are private by convention
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            // NUL ends a C string (a classic truncation trick); a backslash is a separator on
            // Windows; control characters have no place in a served name.
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        // A drive letter ("C:") would make the path absolute on Windows.
        return !(segment.length() >= 2 && segment.charAt(1) == ':' && Character.isLetter(segment.charAt(0)));
    }

    /** Whether {@code candidate} exists and, after following links, is inside the root (or links may leave it). */
    private boolean insideAfterLinks(Path candidate) {
        return symlinksOutside || attributesInside(candidate) != null;
    }

    /**
     * The attributes of {@code candidate} (links followed) when it exists and, after following
     * links, is inside the root; else {@code null}.
     */
    private BasicFileAttributes attributesInside(Path candidate) {
        try {
            // Below the root only a symbolic link can lead elsewhere, so one lstat per segment under
            // the root settles the usual path without a link; the full real path (a readlink per
            // component of the whole absolute path, most of the cost of a small file) is resolved
            // only when a segment is a link, or a dot segment, or the path is not under the root.
            // Without a link, the last lstat already describes the file itself.
            if (!walkable || !candidate.startsWith(root)) {
                return realInside(candidate);
            }
            Path walked = root;
            BasicFileAttributes last = null;
            for (Path segment : root.relativize(candidate)) {
                String name = segment.toString();
                walked = walked.resolve(segment);
                if (name.equals(".") || name.equals("..")) {
                    return realInside(candidate);
                }
                last = Files.readAttributes(walked, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (last.isSymbolicLink()) {
                    return realInside(candidate);
                }
            }
            return last;
        } catch (IOException e) {
            return null; // missing, a dangling link, or a file that vanished: nothing to serve
        }
    }

    private BasicFileAttributes realInside(Path candidate) throws IOException {
        return candidate.toRealPath().startsWith(realRoot) ? Files.readAttributes(candidate, BasicFileAttributes.class)
            : null;
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

}
