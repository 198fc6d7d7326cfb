package io.gatehouse.appserver;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The worker's side of the line protocol on its stdout pipe: {@value #READY} once it serves, then
 * {@value #BEAT} at a fixed interval. The master ({@link WorkerProcess}) records each beat and kills a
 * worker that stays silent longer than {@code --timeout}.
 *
 * <p>The beat runs on a <em>virtual</em> thread on purpose: it then only beats while the virtual
 * thread scheduler can still run tasks, which is exactly what the worker's connections need. A
 * worker whose carrier threads are all stuck (pinned in native code, say) stops beating and is
 * replaced, after its threads have been dumped to the error log.
 *
 * {@snippet :
 * Heartbeat heartbeat = Heartbeat.start(pipe, Duration.ofSeconds(1), () -> stops.offer("master gone"));
 * heartbeat.ready();
 * }
 */
public final class Heartbeat {

    /** A line that says "still alive". */
    public static final String BEAT = "gatehouse-worker:beat";
    /** A line that says "listening and serving"; sent once. */
    public static final String READY = "gatehouse-worker:ready";

    private final PrintStream pipe;
    private final Runnable onMasterGone;

    private Heartbeat(PrintStream pipe, Runnable onMasterGone) {
        this.pipe = pipe;
        this.onMasterGone = onMasterGone;
    }

    /**
     * @param pipe     the stream the master reads (the worker's original stdout)
     * @param interval     time between two beats
     * @param onMasterGone run once when a beat cannot be written: the master has died, and a worker
     *                     nobody supervises must not linger (Gunicorn's workers check their parent too)
     * @return the running heartbeat
     */
    public static Heartbeat start(PrintStream pipe, Duration interval, Runnable onMasterGone) {
        Heartbeat heartbeat = new Heartbeat(pipe, onMasterGone);
        Thread.ofVirtual().name("gatehouse-heartbeat").start(() -> heartbeat.beatEvery(interval));
        return heartbeat;
    }

    /** Tells the master this worker now accepts connections. */
    public void ready() {
        send(READY);
    }

    private void beatEvery(Duration interval) {
        try {
            while (send(BEAT)) {
                Thread.sleep(interval);
            }
            onMasterGone.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false when the pipe is broken: nobody reads the other end any more */
    private boolean send(String line) {
        synchronized (pipe) {
            pipe.println(line);
            pipe.flush();
            return !pipe.checkError();
        }
    }
}
