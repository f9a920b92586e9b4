package com.quotebus.client;

import java.util.Random;

/**
 * Reconnect delays: exponential from {@code initialMs}, capped at {@code maxMs}, with "equal jitter"
 * (half the delay fixed, half random) so that many clients dropped together do not come back together.
 * The random source is seeded, so a test sees the same delays every run. Not thread-safe.
 */
final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private final Random random;
    private int attempt;

    Backoff(long initialMs, long maxMs, long seed) {
        if (initialMs < 1 || maxMs < initialMs) {
            throw new IllegalArgumentException("backoff needs 1 <= initial <= max, was " + initialMs + ", " + maxMs);
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = new Random(seed);
    }

    /** The delay before the next attempt; each call doubles the base up to the cap. */
    long nextDelayMs() {
        long base = attempt >= 30 ? maxMs : Math.min(maxMs, initialMs << attempt);
        attempt++;
        long half = base / 2;
        return half + (long) (random.nextDouble() * (base - half + 1));
    }

    /** After a successful connection: start from the initial delay again. */
    void reset() {
        attempt = 0;
    }
}
