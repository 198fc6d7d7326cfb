package io.gatehouse.cli;

import io.gatehouse.middleware.AccessLog;
import io.gatehouse.middleware.LogFile;
import io.gatehouse.middleware.LogSink;
import io.gatehouse.server.LogLevel;
import io.gatehouse.spec.Application;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The log files of {@code gatehouse serve}: the access log ({@link AccessLog} around the
 * application) and the error log, opened from the settings and reopened together on SIGUSR1 (after
 * logrotate has renamed them).
 *
 * {@snippet :
 * ServeLogs logs = ServeLogs.open(settings, true);
 * Application app = logs.wrap(loaded);
 * ServerConfig config = serverConfig.withErrorLog(logs.errors());
 * // on SIGUSR1:
 * logs.reopen();
 * }
 */
public final class ServeLogs {

    /** The {@code --access-log-format} value for Apache's combined format. */
    public static final String COMBINED = "combined";
    /** The {@code --access-log-format} value for JSON lines. */
    public static final String JSON = "json";

    private final List<LogFile> files;
    private final LogSink access;
    private final String format;
    private final PrintStream errors;
    private final LogLevel level;

    private ServeLogs(List<LogFile> files, LogSink access, String format, PrintStream errors, LogLevel level) {
        this.level = level;
        this.files = files;
        this.access = access;
        this.format = format;
        this.errors = errors;
    }

    /**
     * @param settings  the effective settings
     * @param withAccess whether to open the access log too (the master only writes the error log)
     * @return the logs, files open
     * @throws CommandFailure ({@link ExitCode#USAGE}) naming a file that cannot be opened
     */
    @SuppressWarnings("unchecked")
    public static ServeLogs open(EffectiveSettings settings, boolean withAccess) {
        List<LogFile> files = new ArrayList<>();
        Optional<Path> errorLog = (Optional<Path>) settings.value(ServeSettings.ERROR_LOG);
        PrintStream errors = System.err;
        if (errorLog.isPresent()) {
            LogFile file = open(errorLog.get(), ServeSettings.ERROR_LOG, files);
            errors = new PrintStream(new LineOutputStream(file), true, StandardCharsets.UTF_8);
        }
        Optional<Path> accessLog = (Optional<Path>) settings.value(ServeSettings.ACCESS_LOG);
        LogSink access = null;
        if (withAccess && accessLog != null) {
            // System.out, read now: a worker has pointed it at the error stream.
            access = accessLog.isPresent() ? open(accessLog.get(), ServeSettings.ACCESS_LOG, files)
                : LogSink.of(System.out);
        }
        return new ServeLogs(List.copyOf(files), access, (String) settings.value(ServeSettings.ACCESS_LOG_FORMAT),
            errors, (LogLevel) settings.value(ServeSettings.LOG_LEVEL));
    }

    private static LogFile open(Path path, Setting setting, List<LogFile> files) {
        try {
            LogFile file = LogFile.open(path);
            files.add(file);
            return file;
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE, setting.longFlag() + ": " + e.getMessage());
        }
    }

    /**
     * @param format a {@code --access-log-format} value
     * @return it, once known to be {@value #COMBINED}, {@value #JSON} or a valid format
     * @throws IllegalArgumentException naming the unknown atom
     */
    static String checkFormat(String format) {
        accessLog((environ, startResponse) -> null, line -> { }, format);
        return format;
    }

    /** @param application the loaded application @return it, wrapped in the access log when there is one */
    public Application wrap(Application application) {
        return access == null ? application : accessLog(application, access, format);
    }

    /** @return where errors go: stderr, or the error log file */
    public PrintStream errors() {
        return errors;
    }

    /** Makes {@code System.err} the error log, so that what the application prints goes there too. */
    public void redirectStandardError() {
        if (errors != System.err) {
            System.setErr(errors);
        }
    }

    /** Reopens every log file at its path; a file that cannot be reopened is reported and kept. */
    public void reopen() {
        for (LogFile file : files) {
            try {
                file.reopen();
            } catch (IOException e) {
                if (level.allows(LogLevel.ERROR)) {
                    errors.println("gatehouse: " + e.getMessage() + "; still writing to the old file");
                }
            }
        }
    }

    private static AccessLog accessLog(Application application, LogSink sink, String format) {
        AccessLog log = AccessLog.wrap(application, sink);
        return switch (format) {
            case COMBINED -> log;
            case JSON -> log.jsonLines();
            default -> log.format(format);
        };
    }
}
