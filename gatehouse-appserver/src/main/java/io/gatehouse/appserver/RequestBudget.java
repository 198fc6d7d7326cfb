package io.gatehouse.appserver;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts a worker's requests and, at its {@code --max-requests} limit (jitter included), asks for a
 * graceful stop once, so that the master replaces a possibly leaking worker with a fresh JVM.
 *
 * {@snippet :
 * RequestBudget budget = new RequestBudget(1000, () -> stopQueue.offer("graceful"));
 * budget.spend();   // once per request
 * }
 */
public final class RequestBudget {

    private final long limit;
    private final Runnable onExhausted;
    private final AtomicLong spent = new AtomicLong();

    /**
     * @param limit       requests allowed; 0 or less for no limit
     * @param onExhausted run once, by the request that reaches the limit
     */
    public RequestBudget(long limit, Runnable onExhausted) {
        this.limit = limit;
        this.onExhausted = onExhausted;
    }

    /** Records one request. */
    public void spend() {
        long count = spent.incrementAndGet();
        if (limit > 0 && count == limit) {
            onExhausted.run();
        }
    }

    /** @return requests recorded so far */
    public long spent() {
        return spent.get();
    }
}
