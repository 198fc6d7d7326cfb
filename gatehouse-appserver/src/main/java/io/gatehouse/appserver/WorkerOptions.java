package io.gatehouse.appserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the master tells each worker on its command line; fixed for the worker's life.
 *
 * {@snippet :
 * List<String> args = new WorkerOptions("com.example.Hello", Duration.ofSeconds(30), 1000,
 *     Duration.ofSeconds(1)).toArguments();
 * WorkerOptions same = WorkerOptions.parse(args.toArray(String[]::new));
 * }
 *
 * @param application     the class name of the {@link io.gatehouse.spec.Application} to serve
 * @param gracefulTimeout how long a graceful stop waits for in-flight requests
 * @param maxRequests     requests after which the worker retires itself; 0 for no limit
 *                        (the master has already added this worker's jitter)
 * @param beatInterval    time between two heartbeats
 */
public record WorkerOptions(String application, Duration gracefulTimeout, long maxRequests,
                            Duration beatInterval) {

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
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--app" -> application = value;
                case "--graceful-timeout-ms" -> grace = Long.parseLong(value);
                case "--max-requests" -> maxRequests = Long.parseLong(value);
                case "--beat-interval-ms" -> beat = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown worker argument " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("worker argument " + args[args.length - 1] + " has no value");
        }
        if (application == null) {
            throw new IllegalArgumentException("worker needs --app CLASS");
        }
        return new WorkerOptions(application, Duration.ofMillis(grace), maxRequests, Duration.ofMillis(beat));
    }
}
