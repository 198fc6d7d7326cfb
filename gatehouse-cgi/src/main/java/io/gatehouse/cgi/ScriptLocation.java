package io.gatehouse.cgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a request path leads in a script directory: the script file, the part of the path that
 * named it (which goes into {@code SCRIPT_NAME}) and the rest ({@code PATH_INFO}), as RFC 3875,
 * 3.3 and 4.1.5 split them.
 *
 * {@snippet :
 * ScriptLocation.find(Path.of("cgi-bin"), "/tools/echo.sh/extra/path");
 * // Optional[script=cgi-bin/tools/echo.sh, scriptPath=/tools/echo.sh, pathInfo=/extra/path]
 * }
 *
 * @param script     the script file
 * @param scriptPath the leading part of the request path that names it, starting with '/'
 * @param pathInfo   the rest of the request path, empty or starting with '/'
 */
public record ScriptLocation(Path script, String scriptPath, String pathInfo) {

    /**
     * Walks the request path one segment at a time from the directory until it meets a regular file.
     *
     * @param directory the script directory (absolute, real)
     * @param path      the decoded request path below the mount point
     * @return the location, or empty when no script is named or the path is refused (dot segments,
     *         hidden names, backslashes, control characters, or a link out of the directory)
     */
    public static Optional<ScriptLocation> find(Path directory, String path) {
        Path current = directory;
        StringBuilder scriptPath = new StringBuilder();
        int at = 0;
        while (at < path.length()) {
            if (path.charAt(at) != '/') {
                return Optional.empty();
            }
            int end = path.indexOf('/', at + 1);
            end = end < 0 ? path.length() : end;
            String segment = path.substring(at + 1, end);
            // Dot segments and hidden names could leave the directory or reach private files;
            // NUL, control characters and backslashes have no place in a script name.
            if (segment.isEmpty() || segment.startsWith(".")
                    || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
                return Optional.empty();
            }
            current = current.resolve(segment);
            scriptPath.append('/').append(segment);
            at = end;
            if (!inside(directory, current)) {
                return Optional.empty();
            }
            if (Files.isRegularFile(current)) {
                return Optional.of(new ScriptLocation(current, scriptPath.toString(), path.substring(at)));
            }
            if (!Files.isDirectory(current)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean inside(Path directory, Path candidate) {
        try {
            return !Files.exists(candidate) || candidate.toRealPath().startsWith(directory);
        } catch (IOException e) {
            return false;
        }
    }
}
