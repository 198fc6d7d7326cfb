package io.gatehouse.staticfiles;

import io.gatehouse.spec.Environ;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Evaluates conditional request headers against a file's validators, in the order RFC 9110,
 * 13.2.2 prescribes: If-Match, then If-Unmodified-Since (only without If-Match), then
 * If-None-Match, then If-Modified-Since (only without If-None-Match, and only for GET and HEAD).
 *
 * {@snippet :
 * switch (Preconditions.evaluate(environ, etag, lastModified)) {
 *     case NOT_MODIFIED -> ... // 304
 *     case FAILED -> ...       // 412
 *     case PROCEED -> ...      // serve, then look at Range and If-Range
 * }
 * }
 */
final class Preconditions {

    /** What the preconditions say about the request. */
    enum Outcome {
        /** No precondition stops the request. */
        PROCEED,
        /** Answer 304 Not Modified. */
        NOT_MODIFIED,
        /** Answer 412 Precondition Failed. */
        FAILED
    }

    // The environ keys (HTTP_IF_MATCH...), built once rather than on every request.
    private static final String IF_MATCH = Environ.headerKey("If-Match");
    private static final String IF_UNMODIFIED_SINCE = Environ.headerKey("If-Unmodified-Since");
    private static final String IF_NONE_MATCH = Environ.headerKey("If-None-Match");
    private static final String IF_MODIFIED_SINCE = Environ.headerKey("If-Modified-Since");
    private static final String IF_RANGE = Environ.headerKey("If-Range");

    private Preconditions() {
    }

    /**
     * @param environ      the request
     * @param etag         the file's entity tag, quoted
     * @param lastModified the file's modification time
     * @return the outcome
     */
    static Outcome evaluate(Environ environ, String etag, Instant lastModified) {
        Instant modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        String ifMatch = environ.getString(IF_MATCH);
        if (ifMatch != null) {
            if (!matches(ifMatch, etag, true)) {
                return Outcome.FAILED; // RFC 9110, 13.1.1: strong comparison
            }
        } else {
            Optional<Instant> since = date(environ.getString(IF_UNMODIFIED_SINCE));
            if (since.isPresent() && modified.isAfter(since.get())) {
                return Outcome.FAILED; // RFC 9110, 13.1.4
            }
        }
        String ifNoneMatch = environ.getString(IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            // RFC 9110, 13.1.2: weak comparison; for GET and HEAD a match means 304.
            return matches(ifNoneMatch, etag, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        Optional<Instant> since = date(environ.getString(IF_MODIFIED_SINCE));
        if (since.isPresent() && !modified.isAfter(since.get())) {
            return Outcome.NOT_MODIFIED; // RFC 9110, 13.1.3
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a Range request may be honoured given its If-Range (RFC 9110, 13.1.5).
     *
     * @param environ      the request
     * @param etag         the file's entity tag
     * @param lastModified the file's modification time
     * @return {@code true} without If-Range, or when it names the current representation
     */
    static boolean rangeApplies(Environ environ, String etag, Instant lastModified) {
        String ifRange = environ.getString(IF_RANGE);
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag); // strong comparison: a weak tag never matches
        }
        return date(value).map(d -> d.equals(lastModified.truncatedTo(ChronoUnit.SECONDS))).orElse(false);
    }

    private static boolean matches(String list, String etag, boolean strong) {
        if (list.strip().equals("*")) {
            return true; // the file exists, so "any current representation" matches
        }
        for (String candidate : list.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                if (strong) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Instant> date(String header) {
        return header == null ? Optional.empty() : HttpDate.parse(header);
    }
}
