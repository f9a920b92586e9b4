package com.quotebus.access.routing;

/**
 * How many retries a service may get, as a share of its first attempts: a token bucket that every first attempt
 * fills by {@code ratio} and every retry empties by one, plus {@code minPerSecond} tokens a second so that a
 * quiet service still fails over. When a service is slow or overloaded, its timeouts would otherwise come back
 * as up to {@code maxAttempts} times its load; with the budget at most {@code ratio} more (the rest fail as
 * they would have). The bucket holds at most ten seconds' worth (plus one), so an idle period does not save up
 * a storm.
 * Thread-safe (requests of one service run on several event loops).
 */
final class RetryBudget {
    private final double ratio;
    private final double minPerSecond;
    private double tokens;
    private long lastNanos;
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
    synchronized void deposit(long nowNanos) {
        refill(nowNanos);
        recentFirstAttempts += 1;
        tokens = Math.min(capacity(), tokens + ratio);
    }

    /** Whether a retry may go now; takes one token if so. */
    synchronized boolean tryRetry(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed <= 0) {
            return;
        }
        lastNanos = nowNanos;
        double seconds = elapsed / 1e9;
        // first attempts of about the last ten seconds (exponential decay) size the bucket
        recentFirstAttempts *= Math.exp(-seconds / 10);
        tokens = Math.min(capacity(), tokens + minPerSecond * seconds);
    }

    private double capacity() {
        return 1 + 10 * minPerSecond + ratio * recentFirstAttempts;
    }
}
