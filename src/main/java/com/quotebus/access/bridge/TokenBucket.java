package com.quotebus.access.bridge;

/**
 * A token bucket on an injected nanosecond clock: {@code burst} tokens, refilled at {@code ratePerSecond}.
 * Not thread-safe (one per connection, used on its event loop).
 */
final class TokenBucket {
    private double ratePerNano;
    private double burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** New rate and size (live limits); the tokens held stay, capped at the new size. */
    void reconfigure(double ratePerSecond, int newBurst) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = newBurst;
        this.tokens = Math.min(tokens, newBurst);
    }

    /** Takes one token if there is one. */
    boolean tryTake(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
