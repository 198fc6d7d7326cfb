package io.gatehouse.appserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the master tells each worker on its command line; fixed for the worker's life.
 *
 * {@snippet :
 * List<String> args = new WorkerOptions("com.example.Hello", Duration.ofSeconds(30), 1000,
 *     Duration.ofSeconds(1), List.of("--keep-alive", "2")).toArguments();
 * WorkerOptions same = WorkerOptions.parse(args.toArray(String[]::new));
 * }
 *
 * @param application     the class name of the {@link io.gatehouse.spec.Application} to serve
 * @param gracefulTimeout how long a graceful stop waits for in-flight requests
 * @param maxRequests     requests after which the worker retires itself; 0 for no limit
 *                        (the master has already added this worker's jitter)
 * @param beatInterval    time between two heartbeats
 * @param serveArguments  the effective {@code gatehouse serve} settings as flags, resolved by the
 *                        master (config file, environment, command line) and passed after {@code --}
 *                        so the worker serves with exactly the settings a single process would
 */
public record WorkerOptions(String application, Duration gracefulTimeout, long maxRequests,
                            Duration beatInterval, List<String> serveArguments) {

    /** Copies the serve arguments. */
    public WorkerOptions {
        serveArguments = List.copyOf(serveArguments);
    }

    /**
     * Options with no serve arguments, as the bare {@code serve-workers} entry passes.
     *
     * @param application     the application class
     * @param gracefulTimeout the graceful stop time
     * @param maxRequests     requests before retiring; 0 for no limit
     * @param beatInterval    time between heartbeats
     */
    public WorkerOptions(String application, Duration gracefulTimeout, long maxRequests, Duration beatInterval) {
        this(application, gracefulTimeout, maxRequests, beatInterval, List.of());
    }

    /** @return the options as {@code --name value} arguments */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>();
        args.add("--app");
        args.add(application);
        args.add("--graceful-timeout-ms");
        args.add(Long.toString(gracefulTimeout.toMillis()));
        args.add("--max-requests");
        args.add(Long.toString(maxRequests));
        args.add("--beat-interval-ms");
        args.add(Long.toString(beatInterval.toMillis()));
        if (!serveArguments.isEmpty()) {
            args.add("--");
            args.addAll(serveArguments);
        }
        return args;
    }

    /**
     * @param args what {@link #toArguments()} produced
     * @return the options
     * @throws IllegalArgumentException on anything else, naming the argument
     */
    public static WorkerOptions parse(String[] args) {
        String application = null;
        long grace = 30_000;
        long maxRequests = 0;
        long beat = 1_000;
        int end = List.of(args).indexOf("--");
        int own = end < 0 ? args.length : end;
        for (int i = 0; i + 1 < own; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--app" -> application = value;
                case "--graceful-timeout-ms" -> grace = Long.parseLong(value);
                case "--max-requests" -> maxRequests = Long.parseLong(value);
                case "--beat-interval-ms" -> beat = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown worker argument " + args[i]);
            }
        }
        if (own % 2 != 0) {
            throw new IllegalArgumentException("worker argument " + args[own - 1] + " has no value");
        }
        if (application == null) {
            throw new IllegalArgumentException("worker needs --app CLASS");
        }
        List<String> serve = end < 0 ? List.of() : List.of(args).subList(end + 1, args.length);
        return new WorkerOptions(application, Duration.ofMillis(grace), maxRequests, Duration.ofMillis(beat), serve);
    }
}
