package io.gatehouse.cli;

/**
 * Writes {@code docs/settings.md} from the settings registry and the exit codes, so the document
 * always matches the flags; a test fails when the committed file differs.
 *
 * {@snippet :
 * Files.writeString(Path.of("docs/settings.md"), SettingsDoc.markdown());
 * }
 */
public final class SettingsDoc {

    private SettingsDoc() {
    }

    /** @return the whole of {@code docs/settings.md} */
    public static String markdown() {
        StringBuilder doc = new StringBuilder("""
            # Settings

            <!-- Generated from gatehouse-cli's ServeSettings and ExitCode by SettingsDoc; do not edit by hand.
                 SettingsDocTest fails when this file is stale and writes the fresh text to
                 gatehouse-cli/target/settings.md: copy it here. -->

            `gatehouse serve [APP] [OPTIONS]` serves a gateway application. `APP` is `package.Class` (an
            `Application` with a public no-argument constructor, or a class with a public static `app` or
            `application` field or method) or `package.Class:member` (a public static field, or a public
            static no-argument method, that gives an `Application`), like Gunicorn's `module:app`. With no
            `APP`, the hello app `%s` is served.

            Flags use Gunicorn's names where the meaning is the same. Sizes are in bytes, times in seconds
            (fractions allowed). `./gatehouse serve --help` shows the same list.

            | Flag | Value | Default | Meaning |
            |---|---|---|---|
            """.formatted(ServeCommand.DEFAULT_APP));
        for (Setting setting : ServeSettings.ALL) {
            doc.append("| `").append(String.join("`, `", setting.flags())).append("`")
                .append(setting.repeatable() ? " (repeatable)" : "")
                .append(setting.isFlag() ? " | (none: a flag) | off" : " | `" + setting.label() + "` | "
                    + (setting.defaultValue() == null ? "none" : "`" + setting.defaultValue() + "`"))
                .append(" | ").append(setting.doc()).append(" |\n");
        }
        doc.append("""

            ## Exit codes

            Every command exits with one of these; an error is one line on stderr starting with `gatehouse:`.

            | Code | Meaning |
            |---|---|
            """);
        for (ExitCode code : ExitCode.values()) {
            doc.append("| ").append(code.code()).append(" | ").append(code.meaning()).append(" |\n");
        }
        return doc.toString();
    }
}
