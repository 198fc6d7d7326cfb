package io.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gathers the sources of the {@code serve} settings, lowest precedence first: the config file
 * ({@code --config}, from the command line or else from {@code GATEHOUSE_ARGS}), the
 * {@code GATEHOUSE_ARGS} environment variable (flags, split like a shell would), the command line.
 *
 * {@snippet :
 * List<SettingLayer> layers = SettingSources.layers(commandLineLayer, System.getenv());
 * EffectiveSettings settings = EffectiveSettings.resolve(layers);
 * }
 */
public final class SettingSources {

    /** The environment variable whose flags come between the config file and the command line. */
    public static final String ENV_VARIABLE = "GATEHOUSE_ARGS";

    private SettingSources() {
    }

    /**
     * @param flags the command line's settings
     * @param env   the environment, for {@value #ENV_VARIABLE}
     * @return the layers, lowest precedence first; the config file is read now
     * @throws CommandFailure ({@link ExitCode#USAGE}) for a bad {@value #ENV_VARIABLE} or config file
     */
    public static List<SettingLayer> layers(SettingLayer flags, Map<String, String> env) {
        SettingLayer fromEnv = environment(env.get(ENV_VARIABLE));
        List<SettingLayer> layers = new ArrayList<>();
        Path config = configFile(flags, fromEnv);
        if (config != null) {
            layers.add(ConfigFile.read(config));
        }
        if (fromEnv != null) {
            layers.add(fromEnv);
        }
        layers.add(flags);
        return layers;
    }

    /**
     * @param value the variable's value, or {@code null}
     * @return the settings it gives, or {@code null} when it is unset or blank
     */
    static SettingLayer environment(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> line = new ArrayList<>(List.of("serve"));
        try {
            line.addAll(ShellWords.split(value));
            CommandSpec serve = Main.commandLine(System.out, System.err).parseArgs(line.toArray(String[]::new))
                .subcommand().commandSpec();
            return SettingLayer.parsed(serve, SettingSource.ENV, ENV_VARIABLE);
        } catch (IllegalArgumentException | CommandLine.ParameterException e) {
            throw new CommandFailure(ExitCode.USAGE, ENV_VARIABLE + ": " + e.getMessage());
        }
    }

    private static Path configFile(SettingLayer... layers) {
        for (int i = layers.length - 1; i >= 0; i--) {
            SettingLayer layer = layers[i];
            SettingLayer.Entry entry = layer == null ? null : layer.entry(ServeSettings.CONFIG.name());
            if (entry != null) {
                return Path.of(entry.texts().getLast());
            }
        }
        return null;
    }
}
