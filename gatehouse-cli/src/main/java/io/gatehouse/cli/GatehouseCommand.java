package io.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The root command, {@code gatehouse}: help, version, and the subcommands.
 *
 * {@snippet :
 * // shell: ./gatehouse --help ; ./gatehouse --version ; ./gatehouse serve --help
 * }
 */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = GatehouseCommand.Version.class,
    description = "Gatehouse: a Java web stack, from the socket to the application.",
    subcommands = {ServeCommand.class, CheckCommand.class, RunExampleCommand.class, StaticCommand.class, CgiCommand.class,
        io.gatehouse.appserver.CtlCommand.class})
public final class GatehouseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** With no subcommand there is nothing to do: show the usage and report a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gatehouse " + version() + " (Java " + Runtime.version() + ")"};
        }

        static String version() {
            try (InputStream in = GatehouseCommand.class.getResourceAsStream("version.properties")) {
                Properties properties = new Properties();
                if (in != null) {
                    properties.load(in);
                }
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
