package io.gatehouse.cli;

import io.gatehouse.cgi.CgiApplication;
import io.gatehouse.cgi.CgiOptions;
import io.gatehouse.middleware.Mount;
import io.gatehouse.spec.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code gatehouse cgi DIR}: runs the CGI scripts in DIR (RFC 3875) under a URL prefix.
 *
 * {@snippet :
 * // shell: ./gatehouse cgi ./cgi-bin                      # http://127.0.0.1:8000/cgi-bin/hello.py
 * // shell: ./gatehouse cgi scripts --prefix /tools --timeout 5 -b :9000
 * }
 */
@Command(name = "cgi", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = GatehouseCommand.Version.class,
    description = "Run the CGI scripts in a directory (RFC 3875) over HTTP/1.1.",
    footer = {"", "A request for PREFIX/name.py/more runs DIR/name.py with SCRIPT_NAME PREFIX/name.py and "
        + "PATH_INFO /more. Scripts must be executable; nph-* scripts write their own status line."})
public final class CgiCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory of scripts.")
    private Path directory;

    @Option(names = {"-b", "--bind"}, paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8000",
        description = "Where to listen (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--prefix", paramLabel = "PATH", defaultValue = "/cgi-bin",
        description = "The URL path the scripts live under (default: ${DEFAULT-VALUE}).")
    private String prefix;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
        description = "Kill a script after this many seconds; 504 if it had not answered (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--pass-authorization", description = "Give scripts the Authorization header as HTTP_AUTHORIZATION.")
    private boolean passAuthorization;

    @Override
    public Integer call() {
        return ServeOnce.run(application(), StaticCommand.bindAddress(bind),
            "Running CGI scripts from " + directory.toAbsolutePath().normalize() + " under " + prefix,
            spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** @return the CGI application mounted at the prefix @throws CommandFailure for a bad option */
    Application application() {
        if (!prefix.startsWith("/") || (prefix.length() > 1 && prefix.endsWith("/"))) {
            throw new CommandFailure(ExitCode.USAGE, "--prefix '" + prefix + "' must start with '/' and not end with '/'");
        }
        if (timeoutSeconds <= 0) {
            throw new CommandFailure(ExitCode.USAGE, "--timeout must be greater than 0, got " + timeoutSeconds);
        }
        CgiApplication cgi;
        try {
            cgi = new CgiApplication(directory, CgiOptions.defaults().withTimeLimit(Duration.ofSeconds(timeoutSeconds))
                .withPassAuthorization(passAuthorization));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
        return prefix.equals("/") ? cgi : Mount.of().at(prefix, cgi);
    }
}
