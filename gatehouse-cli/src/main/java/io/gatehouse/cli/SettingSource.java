package io.gatehouse.cli;

/**
 * Where a setting's effective value came from, lowest precedence first: each one overrides those
 * before it.
 *
 * {@snippet :
 * if (settings.source(ServeSettings.WORKERS) == SettingSource.FILE) { ... }
 * }
 */
public enum SettingSource {
    /** Nothing set it: the registry's default. */
    DEFAULT("default"),
    /** The {@code --config} file. */
    FILE("file"),
    /** The {@code GATEHOUSE_ARGS} environment variable. */
    ENV("env"),
    /** The command line. */
    FLAG("flag");

    private final String label;

    SettingSource(String label) {
        this.label = label;
    }

    /** @return the short name {@code gatehouse check} prints */
    public String label() {
        return label;
    }
}
