package io.gatehouse.cli;

import io.gatehouse.spec.Application;
import io.gatehouse.staticfiles.CacheRules;
import io.gatehouse.staticfiles.FileApplication;
import io.gatehouse.staticfiles.FileOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gatehouse static [DIR]}: serves a directory over HTTP, the counterpart of
 * {@code python3 -m http.server} and the JDK's {@code jwebserver}. Loopback only unless told.
 *
 * {@snippet :
 * // shell: ./gatehouse static                                # the current directory on http://127.0.0.1:8000/
 * // shell: ./gatehouse static public -b 0.0.0.0:8080 --no-listing --cache '**.css=max-age=3600'
 * }
 */
@Command(name = "static", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = GatehouseCommand.Version.class,
    description = "Serve a directory over HTTP/1.1 (GET and HEAD, ranges, conditional requests, listings).",
    footer = {"", "Directories without index.html are listed unless --no-listing (then they are 404).",
        "Paths never leave DIR; dot-files are not served unless --hidden."})
public final class StaticCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
        description = "The directory to serve (default: the current directory).")
    private Path directory;

    @Option(names = {"-b", "--bind"}, paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8000",
        description = "Where to listen (default: ${DEFAULT-VALUE}); :PORT or PORT alone means 127.0.0.1.")
    private String bind;

    @Option(names = "--no-listing", description = "Answer 404 for directories without an index file.")
    private boolean noListing;

    @Option(names = "--hidden", description = "Serve and list dot-files.")
    private boolean hidden;

    @Option(names = "--follow-symlinks", description = "Serve symbolic links that lead out of DIR.")
    private boolean followSymlinks;

    @Option(names = "--index", paramLabel = "NAME", split = ",",
        description = "Index file names, tried in order (default: index.html).")
    private List<String> indexFiles = List.of("index.html");

    @Option(names = "--cache", paramLabel = "GLOB=VALUE",
        description = "Cache-Control VALUE for files matching GLOB (relative to DIR); repeatable, first match wins.")
    private List<String> cacheRules = List.of();

    @Override
    public Integer call() {
        Application app = application();
        return ServeOnce.run(app, bindAddress(bind), "Serving " + directory.toAbsolutePath().normalize(),
            spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** @return the file application the options describe @throws CommandFailure for a bad option */
    Application application() {
        try {
            CacheRules rules = CacheRules.none();
            for (String rule : cacheRules) {
                int equals = rule.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("--cache '" + rule + "' is not GLOB=VALUE");
                }
                rules = rules.with(rule.substring(0, equals), rule.substring(equals + 1));
            }
            FileOptions options = FileOptions.defaults().withListings(!noListing).withHiddenFiles(hidden)
                .withSymlinksOutside(followSymlinks).withIndexFiles(indexFiles).withCacheRules(rules);
            return new FileApplication(directory, options);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
    }

    /** @param value a --bind value @return the address @throws CommandFailure when it is no address */
    static java.net.InetSocketAddress bindAddress(String value) {
        try {
            return BindAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, "--bind " + e.getMessage());
        }
    }
}
