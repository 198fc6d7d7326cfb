package io.gatehouse.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gatehouse check [CONFIG] [serve flags]}: resolves the {@code serve} settings exactly as
 * {@code serve} would (config file, {@code GATEHOUSE_ARGS}, flags), checks them and the application,
 * and prints every effective setting with its source. Starts nothing.
 *
 * {@snippet :
 * // shell: ./gatehouse check gatehouse.toml --workers 2
 * // app = "examples.hello.HelloApp"  # file
 * // bind = ["127.0.0.1:8000"]  # default
 * // workers = 2  # flag
 * }
 */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
    versionProvider = GatehouseCommand.Version.class,
    description = "Check the serve settings (a config file, GATEHOUSE_ARGS, these flags) and the application; "
        + "print each effective setting as 'key = value  # source' (default, file, env or flag).")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
        description = "The TOML config file to check; the same as --config.")
    private Path config;

    @Option(names = "--app", paramLabel = "APP", description = "The application, as serve's APP argument.")
    private String app;

    private Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        SettingLayer flags = SettingLayer.parsed(spec, SettingSource.FLAG, "command line");
        if (config != null) {
            flags = flags.with(ServeSettings.CONFIG.name(), List.of(config.toString()));
        }
        EffectiveSettings settings = EffectiveSettings.resolve(SettingSources.layers(flags, environment));
        if ((Integer) settings.value(ServeSettings.WORKERS) > 0) {
            ServeMaster.config(settings, settings::workerArguments);
        }
        ServedApp.config(settings);
        ServedApp.application(settings);
        PrintWriter out = spec.commandLine().getOut();
        settings.lines().forEach(out::println);
        out.flush();
        return ExitCode.OK.code();
    }

    /** @param env the environment to read {@code GATEHOUSE_ARGS} from, instead of the process's */
    void environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
    }
}
