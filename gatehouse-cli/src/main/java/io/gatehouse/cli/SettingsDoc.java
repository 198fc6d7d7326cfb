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

            Settings come from, lowest precedence first: the defaults below, the `--config` file (TOML;
            keys are the long flags without dashes, plus `app`), the `GATEHOUSE_ARGS` environment
            variable (flags, split as a shell would), and the command line. `gatehouse check` prints the
            effective settings and where each came from. With `--workers N`, %s configure the master
            only; every other setting reaches each worker ([app-server.md](app-server.md)).

            | Flag | Value | Default | Meaning |
            |---|---|---|---|
            """.formatted(ServeCommand.DEFAULT_APP, String.join(", ", ServeSettings.SUPERVISION.stream()
                .map(setting -> "`" + setting.longFlag() + "`").toList())));
        for (Setting setting : ServeSettings.ALL) {
            doc.append("| `").append(String.join("`, `", setting.flags())).append("`")
                .append(setting.repeatable() ? " (repeatable)" : "")
                .append(setting.isFlag() ? " | (none: a flag) | off" : " | `" + setting.label() + "` | "
                    + (setting.defaultValue() == null ? "none" : "`" + setting.defaultValue() + "`"))
                .append(" | ").append(setting.doc()).append(" |\n");
        }
        doc.append("""

            ## Access log format

            `--access-log-format` is `combined` (Apache's combined format, the default), `json` (one JSON
            object per line: `time`, `remote_addr`, `remote_user`, `method`, `uri`, `protocol`, `status`,
            `bytes`, `duration_us`, `referer`, `user_agent`), or a format made of these atoms (Apache's
            syntax, Gunicorn's atoms); an absent value is `-`:

            | Atom | Value |
            |---|---|
            | `%h` | client address (`REMOTE_ADDR`) |
            | `%l` | always `-` |
            | `%u` | `REMOTE_USER`, or `-` |
            | `%t` | arrival time, `[25/Nov/2026:06:00:00 +0000]` |
            | `%r` | request line: method, target as sent, protocol |
            | `%m` `%U` `%q` `%H` | method, path, query (without `?`), protocol |
            | `%s` or `%>s` | status code |
            | `%b` `%B` | response body bytes; `%b` gives `-` for 0 |
            | `%f` `%a` | Referer, User-Agent |
            | `%T` `%M` `%D` `%L` | request time in whole seconds, milliseconds, **microseconds**, and seconds with six decimals |
            | `%p` | process id |
            | `%{Name}i` `%{Name}o` | a request header, a response header |
            | `%{KEY}e` | an environ value |
            | `%%` | a percent sign |

            With `--workers`, every worker opens the access and error log files itself (appending whole
            lines, so they share them safely). SIGUSR1 to the master, or `gatehouse ctl reopen-logs
            --pid-file FILE`, reopens the master's files and makes each worker reopen its own, after
            logrotate has renamed them; a single process reopens its files on SIGUSR1.

            `--log-level` (`debug`, `info`, `warning`, `error` or `critical`, in any case; Gunicorn's
            names) filters only the lines Gatehouse itself writes to the error log, in the master and
            in every worker; what the application writes to `gateway.errors` and the access log always
            go out. Which line has which level: [app-server.md](app-server.md#log-levels---log-level).
            """);
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
