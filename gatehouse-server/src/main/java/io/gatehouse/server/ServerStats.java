package io.gatehouse.server;

import io.gatehouse.http.Violation;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters a running server keeps, cheap enough for every request ({@link LongAdder}s, no locks).
 *
 * {@snippet :
 * ServerStats stats = server.stats();
 * stats.requests();                 // requests whose head was parsed
 * stats.responses(5);               // 5xx responses
 * stats.rejections(Violation.OBS_FOLD);
 * stats.writes();                   // write system calls: fewer than responses when pipelined
 * }
 */
public final class ServerStats {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder open = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder[] responses = adders(6);
    private final LongAdder[] rejections = adders(Violation.values().length);
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder writes = new LongAdder();

    ServerStats() {
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    void connectionOpened() {
        accepted.increment();
        open.increment();
    }

    void connectionClosed() {
        open.decrement();
    }

    void request() {
        requests.increment();
    }

    void response(int status) {
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            responses[statusClass].increment();
        }
    }

    void rejection(Violation violation) {
        rejections[violation.ordinal()].increment();
    }

    void bytesIn(long n) {
        bytesIn.add(n);
    }

    void bytesOut(long n) {
        bytesOut.add(n);
    }

    void write() {
        writes.increment();
    }

    /** @return connections accepted since start */
    public long connectionsAccepted() {
        return accepted.sum();
    }

    /** @return connections open now */
    public long connectionsOpen() {
        return open.sum();
    }

    /** @return request heads parsed */
    public long requests() {
        return requests.sum();
    }

    /** @param statusClass 1 to 5 @return final responses of that class sent (1: interim ones) */
    public long responses(int statusClass) {
        return responses[statusClass].sum();
    }

    /** @param violation a violation @return requests rejected for it */
    public long rejections(Violation violation) {
        return rejections[violation.ordinal()].sum();
    }

    /** @return bytes read from clients */
    public long bytesIn() {
        return bytesIn.sum();
    }

    /** @return bytes written to clients */
    public long bytesOut() {
        return bytesOut.sum();
    }

    /**
     * Write calls on client sockets (each a system call: a gathering write or a file transfer).
     * Against {@link #responses(int)} it shows how well responses are coalesced: pipelined
     * requests read together are answered in one write.
     *
     * @return writes to clients since start
     */
    public long writes() {
        return writes.sum();
    }
}
