package io.gatehouse.middleware;

import java.io.Flushable;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where {@link AccessLog} writes its lines: one call per line, so a sink can write each line whole
 * even when many requests finish at once, and a {@link LogFile} can swap its file between lines.
 *
 * {@snippet :
 * LogSink stdout = LogSink.of(System.out);
 * LogSink file = LogFile.open(Path.of("/var/log/gatehouse/access.log"));
 * }
 */
@FunctionalInterface
public interface LogSink {

    /**
     * Writes one line.
     *
     * @param line the line without its line break; the sink adds {@code '\n'}
     * @throws IOException when the line could not be written
     */
    void writeLine(String line) throws IOException;

    /**
     * A sink over any {@link Appendable} (a {@code PrintStream}, a {@code Writer}, a
     * {@code StringBuilder}): lines are appended under a lock, each followed by {@code '\n'}, and
     * the target is flushed after each line when it is {@link Flushable}.
     *
     * @param target where to append
     * @return the sink
     */
    static LogSink of(Appendable target) {
        Objects.requireNonNull(target, "target");
        ReentrantLock lock = new ReentrantLock();
        return line -> {
            lock.lock();
            try {
                target.append(line).append('\n');
                if (target instanceof Flushable flushable) {
                    flushable.flush();
                }
            } finally {
                lock.unlock();
            }
        };
    }
}
