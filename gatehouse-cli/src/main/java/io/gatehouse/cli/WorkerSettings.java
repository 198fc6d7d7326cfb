package io.gatehouse.cli;

import io.gatehouse.server.ConnectionThreads;

import java.util.Map;

/**
 * The worker-process settings of {@code gatehouse serve} (issue 4's process model), kept apart from
 * the HTTP ones in {@link ServeSettings}, whose registry lists them too.
 *
 * {@snippet :
 * ConnectionThreads threads = WorkerSettings.connectionThreads(values);   // values from SettingOptions
 * }
 */
public final class WorkerSettings {

    /** {@code -k/--worker-class}: a virtual thread per connection, or a bounded pool. */
    public static final Setting WORKER_CLASS = new Setting("worker-class", "-k", "virtual|threads", "virtual",
        false, WorkerSettings::workerClass,
        "How connections get threads: 'virtual' gives each its own virtual thread; 'threads' serves them on a "
            + "pool of --threads platform threads, with as many accepted connections waiting for one, and "
            + "leaves the rest in the kernel's accept queue (for apps that pin carrier threads or must limit "
            + "concurrency).");

    /** {@code --threads}: the pool size of the {@code threads} worker class. */
    public static final Setting THREADS = Setting.single("threads", "COUNT", "32",
        value -> ServeSettings.positiveCount(value, 10_000),
        "Platform threads serving connections with --worker-class threads; each keep-alive connection holds "
            + "one while it is open. Ignored with 'virtual'.");

    private WorkerSettings() {
    }

    /** @param values the parsed settings @return the threads the server serves connections on */
    public static ConnectionThreads connectionThreads(Map<Setting, Object> values) {
        return "threads".equals(values.get(WORKER_CLASS))
            ? ConnectionThreads.pool((Integer) values.get(THREADS)) : ConnectionThreads.VIRTUAL;
    }

    private static String workerClass(String value) {
        if (!value.equals("virtual") && !value.equals("threads")) {
            throw new IllegalArgumentException("'" + value + "' is not a worker class: use virtual or threads");
        }
        return value;
    }
}
