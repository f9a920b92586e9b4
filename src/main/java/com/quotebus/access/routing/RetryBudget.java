package com.quotebus.access.routing;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many retries a service may get, as a share of its first attempts: a token bucket that every first attempt
 * fills by {@code ratio} and every retry empties by one, plus {@code minPerSecond} tokens a second so that a
 * quiet service still fails over. When a service is slow or overloaded, its timeouts would otherwise come back
 * as up to {@code maxAttempts} times its load; with the budget at most {@code ratio} more (the rest fail as
 * they would have). The bucket holds at most ten seconds' worth (plus one), so an idle period does not save up
 * a storm.
 *
 * <p>Thread-safe (requests of one service run on several event loops). A first attempt only increments a
 * counter; the bucket is brought up to date under a lock when a retry asks, which is rare.
 */
final class RetryBudget {
    private final double ratio;
    private final double minPerSecond;
    private final LongAdder firstAttempts = new LongAdder();
    private long firstAttemptsCounted;
    private double tokens;
    private long lastNanos;
    /** First attempts of about the last ten seconds (exponential decay): sizes the bucket. */
    private double recentFirstAttempts;

    /**
     * @param ratio        retries allowed per first attempt, 0–1 (0 turns retries off)
     * @param minPerSecond retries allowed per second however few requests there are, ≥ 0
     */
    RetryBudget(double ratio, double minPerSecond, long nowNanos) {
        this.ratio = ratio;
        this.minPerSecond = minPerSecond;
        this.tokens = minPerSecond;
        this.lastNanos = nowNanos;
    }

    /** A request's first attempt. */
    void deposit() {
        firstAttempts.increment();
    }

    /** Whether a retry may go now; takes one token if so. */
    synchronized boolean tryRetry(long nowNanos) {
        long total = firstAttempts.sum();
        long added = total - firstAttemptsCounted;
        firstAttemptsCounted = total;
        long elapsed = Math.max(0, nowNanos - lastNanos);
        lastNanos = Math.max(lastNanos, nowNanos);
        double seconds = elapsed / 1e9;
        recentFirstAttempts = recentFirstAttempts * Math.exp(-seconds / 10) + added;
        double capacity = 1 + 10 * minPerSecond + ratio * recentFirstAttempts;
        tokens = Math.min(capacity, tokens + ratio * added + minPerSecond * seconds);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
