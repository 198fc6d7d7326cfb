package io.gatehouse.cgi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link CgiApplication} runs its scripts; immutable.
 *
 * {@snippet :
 * CgiOptions options = CgiOptions.defaults().withTimeLimit(Duration.ofSeconds(5));
 * }
 *
 * @param timeLimit         how long a script may run before it is killed (504 if it had not answered)
 * @param passAuthorization whether the {@code Authorization} header reaches scripts as {@code HTTP_AUTHORIZATION}
 * @param documentRoot      where {@code PATH_TRANSLATED} maps {@code PATH_INFO}; {@code null} means the
 *                          script directory
 */
public record CgiOptions(Duration timeLimit, boolean passAuthorization, Path documentRoot) {

    /** The time limit when none is given. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);

    /** Checks the time limit. */
    public CgiOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("CGI time limit must be greater than 0, got " + timeLimit);
        }
    }

    /** @return a 30 s limit, no Authorization, PATH_TRANSLATED under the script directory */
    public static CgiOptions defaults() {
        return new CgiOptions(DEFAULT_TIME_LIMIT, false, null);
    }

    /** @param limit how long a script may run @return a copy */
    public CgiOptions withTimeLimit(Duration limit) {
        return new CgiOptions(limit, passAuthorization, documentRoot);
    }

    /** @param on whether scripts see Authorization @return a copy */
    public CgiOptions withPassAuthorization(boolean on) {
        return new CgiOptions(timeLimit, on, documentRoot);
    }

    /** @param root where PATH_TRANSLATED points @return a copy */
    public CgiOptions withDocumentRoot(Path root) {
        return new CgiOptions(timeLimit, passAuthorization, root);
    }
}
