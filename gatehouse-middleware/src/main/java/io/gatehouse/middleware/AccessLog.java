package io.gatehouse.middleware;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.spec.StartResponse;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Writes one access-log line per request, when the server closes the response body: by then the
 * byte count and the duration are the real ones, including the time spent streaming the body.
 *
 * <p>The default format is Apache's combined log format, {@value #COMBINED}. {@link #format(String)}
 * takes another one in Apache's {@code %} syntax with Gunicorn's atoms:
 *
 * <table>
 *   <caption>Format atoms</caption>
 *   <tr><th>Atom</th><th>Value</th></tr>
 *   <tr><td>{@code %h}</td><td>remote address ({@code REMOTE_ADDR})</td></tr>
 *   <tr><td>{@code %l}</td><td>always {@code -}</td></tr>
 *   <tr><td>{@code %u}</td><td>{@code REMOTE_USER}, or {@code -}</td></tr>
 *   <tr><td>{@code %t}</td><td>arrival time, {@code [25/Nov/2026:06:00:00 +0000]}</td></tr>
 *   <tr><td>{@code %r}</td><td>request line: method, target as sent, protocol</td></tr>
 *   <tr><td>{@code %m} {@code %U} {@code %q} {@code %H}</td><td>method, path, query (without '?'), protocol</td></tr>
 *   <tr><td>{@code %s} or {@code %>s}</td><td>status code</td></tr>
 *   <tr><td>{@code %b} {@code %B}</td><td>body bytes the application produced; {@code %b} gives {@code -} for 0</td></tr>
 *   <tr><td>{@code %f} {@code %a}</td><td>Referer, User-Agent</td></tr>
 *   <tr><td>{@code %T} {@code %M} {@code %D} {@code %L}</td><td>duration in whole seconds, milliseconds,
 *       microseconds, and seconds with six decimals ({@code 0.001500})</td></tr>
 *   <tr><td>{@code %p}</td><td>process id</td></tr>
 *   <tr><td>{@code %{Name}i} {@code %{Name}o}</td><td>request header, response header</td></tr>
 *   <tr><td>{@code %{KEY}e}</td><td>environ value</td></tr>
 *   <tr><td>{@code %%}</td><td>a percent sign</td></tr>
 * </table>
 *
 * <p>An absent value is {@code -}; values are escaped (see {@link AccessLogFormat}). An unknown
 * atom fails at construction with one line naming it. {@link #jsonLines()} writes one JSON object
 * per line instead (keys in {@link JsonLine}).
 *
 * {@snippet :
 * LogFile file = LogFile.open(Path.of("/var/log/gatehouse/access.log"));
 * Application app = AccessLog.wrap(ForwardedHeaders.wrap(site), file).format("%h \"%r\" %s %D");
 * }
 *
 * <p>Wrap it around {@link ForwardedHeaders}, not inside: the environ is read when the line is
 * written, so the client address that middleware sets is the one logged. When the sink fails, one
 * line goes to {@code gateway.errors} and the response is not affected. Immutable and thread-safe
 * (as safe as its sink; {@link LogFile} and {@link LogSink#of} are).
 */
public final class AccessLog implements Application {

    /** Apache's combined log format, the default. */
    public static final String COMBINED = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\"";

    private final Application application;
    private final LogSink sink;
    private final Clock clock;
    private final String format;
    private final AccessLogFormat text;

    private AccessLog(Application application, LogSink sink, Clock clock, String format) {
        this.application = Objects.requireNonNull(application, "application");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.format = format;
        this.text = format == null ? null : AccessLogFormat.parse(format, clock.getZone());
    }

    /**
     * Logs in the combined format, timed by the system clock in the default time zone.
     *
     * @param application the application to call
     * @param sink        where lines go
     * @return the middleware
     */
    public static AccessLog wrap(Application application, LogSink sink) {
        return new AccessLog(application, sink, Clock.systemDefaultZone(), COMBINED);
    }

    /**
     * @param format a format with the atoms above
     * @return a copy that logs in that format
     * @throws IllegalArgumentException naming an unknown atom and its position
     */
    public AccessLog format(String format) {
        return new AccessLog(application, sink, clock, Objects.requireNonNull(format, "format"));
    }

    /** @return a copy that writes JSON lines */
    public AccessLog jsonLines() {
        return new AccessLog(application, sink, clock, null);
    }

    /**
     * @param clock the clock for arrival times, durations and the time zone of {@code %t}
     * @return a copy that reads that clock
     */
    public AccessLog clock(Clock clock) {
        return new AccessLog(application, sink, clock, format);
    }

    @Override
    public Body call(Environ environ, StartResponse startResponse) throws Exception {
        Instant started = clock.instant();
        ResponseSeen seen = new ResponseSeen(startResponse);
        Body body;
        try {
            body = application.call(environ, seen);
        } catch (Exception e) {
            // The server answers 500 for a failure before any response.
            log(new AccessRecord(environ, "500", seen.headers, 0, started, clock.instant()), environ.errors());
            throw e;
        }
        LoggedBody[] logged = new LoggedBody[1];
        logged[0] = new LoggedBody(body, () -> log(new AccessRecord(environ, seen.status, seen.headers,
            logged[0].bytes(), started, clock.instant()), environ.errors()));
        return logged[0];
    }

    /** Passes start_response through and remembers the last status and headers. */
    private static final class ResponseSeen implements StartResponse {
        private final StartResponse startResponse;
        private String status;
        private List<Header> headers = List.of();

        ResponseSeen(StartResponse startResponse) {
            this.startResponse = startResponse;
        }

        @Override
        public void start(String line, List<Header> fields, Throwable excInfo) {
            startResponse.start(line, fields, excInfo);
            status = line;
            headers = List.copyOf(fields);
        }
    }

    private void log(AccessRecord record, PrintStream errors) {
        String line = text != null ? text.format(record) : JsonLine.format(record, clock.getZone());
        try {
            sink.writeLine(line);
        } catch (IOException | RuntimeException e) {
            if (errors != null) {
                errors.println("AccessLog: cannot write the access log: " + e.getMessage());
            }
        }
    }
}
