package io.gatehouse.staticfiles;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Cache-Control} values chosen by glob patterns over the file's path relative to the root;
 * the first pattern that matches wins.
 *
 * {@snippet :
 * CacheRules rules = CacheRules.none()
 *     .with("**.{css,js}", "public, max-age=31536000, immutable")
 *     .with("*.html", "no-cache");
 * rules.cacheControl(Path.of("assets/app.css"));   // Optional["public, max-age=31536000, immutable"]
 * }
 *
 * <p>Patterns use {@link java.nio.file.FileSystem#getPathMatcher} glob syntax: {@code *} stays
 * within one directory, {@code **} crosses directories, {@code {a,b}} lists alternatives.
 */
public final class CacheRules {

    private record Rule(String pattern, PathMatcher matcher, String value) {
    }

    private final List<Rule> rules;

    private CacheRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return rules that set no {@code Cache-Control} */
    public static CacheRules none() {
        return new CacheRules(List.of());
    }

    /**
     * @param glob  a glob over the path relative to the root, such as {@code **.css}
     * @param value the {@code Cache-Control} value for files that match
     * @return new rules with this one added last
     * @throws IllegalArgumentException naming the pattern when it is no valid glob, or when the
     *                                  value holds a control character
     */
    public CacheRules with(String glob, String value) {
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cache rule pattern '" + glob + "' is not a valid glob: " + e.getMessage());
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("cache rule value for '" + glob + "' holds a control character");
        }
        List<Rule> more = new ArrayList<>(rules);
        more.add(new Rule(glob, matcher, value));
        return new CacheRules(more);
    }

    /**
     * @param relative a file's path relative to the root
     * @return the value of the first rule that matches, if any
     */
    public Optional<String> cacheControl(Path relative) {
        for (Rule rule : rules) {
            if (rule.matcher().matches(relative)) {
                return Optional.of(rule.value());
            }
        }
        return Optional.empty();
    }
}
