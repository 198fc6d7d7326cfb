package io.gatehouse.staticfiles;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link FileApplication} serves its directory; immutable, changed with the {@code with...}
 * methods.
 *
 * {@snippet :
 * FileOptions options = FileOptions.defaults()
 *     .withListings(false)
 *     .withCacheRules(CacheRules.none().with("**.css", "max-age=3600"));
 * }
 *
 * @param listings        whether a directory without an index file gets an HTML listing (else 404)
 * @param hiddenFiles     whether names starting with '.' are served and listed
 * @param symlinksOutside whether symbolic links may lead out of the root
 * @param indexFiles      the names tried, in order, when a directory is requested
 * @param cacheRules      the {@code Cache-Control} value per path pattern
 * @param precompressed   whether {@code .br} and {@code .gz} siblings are served to clients that accept them
 */
public record FileOptions(boolean listings, boolean hiddenFiles, boolean symlinksOutside, List<String> indexFiles,
                          CacheRules cacheRules, boolean precompressed) {

    /** Checks for nulls and copies the list. */
    public FileOptions {
        indexFiles = List.copyOf(indexFiles);
        for (String index : indexFiles) {
            if (index.isEmpty() || index.contains("/") || index.contains("\\") || index.startsWith(".")) {
                throw new IllegalArgumentException("index file '" + index + "' must be a plain, non-hidden file name");
            }
        }
        Objects.requireNonNull(cacheRules, "cacheRules");
    }

    /** @return listings on, hidden files and outside links off, {@code index.html}, no cache rules, precompressed on */
    public static FileOptions defaults() {
        return new FileOptions(true, false, false, List.of("index.html"), CacheRules.none(), true);
    }

    /** @param on whether to list directories @return a copy */
    public FileOptions withListings(boolean on) {
        return new FileOptions(on, hiddenFiles, symlinksOutside, indexFiles, cacheRules, precompressed);
    }

    /** @param on whether to serve dot-files @return a copy */
    public FileOptions withHiddenFiles(boolean on) {
        return new FileOptions(listings, on, symlinksOutside, indexFiles, cacheRules, precompressed);
    }

    /** @param on whether links may lead out of the root @return a copy */
    public FileOptions withSymlinksOutside(boolean on) {
        return new FileOptions(listings, hiddenFiles, on, indexFiles, cacheRules, precompressed);
    }

    /** @param names index file names, tried in order @return a copy */
    public FileOptions withIndexFiles(List<String> names) {
        return new FileOptions(listings, hiddenFiles, symlinksOutside, names, cacheRules, precompressed);
    }

    /** @param rules the Cache-Control rules @return a copy */
    public FileOptions withCacheRules(CacheRules rules) {
        return new FileOptions(listings, hiddenFiles, symlinksOutside, indexFiles, rules, precompressed);
    }

    /** @param on whether to serve precompressed siblings @return a copy */
    public FileOptions withPrecompressed(boolean on) {
        return new FileOptions(listings, hiddenFiles, symlinksOutside, indexFiles, cacheRules, on);
    }
}
