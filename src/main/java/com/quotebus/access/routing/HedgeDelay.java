package com.quotebus.access.routing;

/**
 * How long the router waits for one replica's answer before asking another as well: the service's recent
 * latency plus four times its variation (the estimator TCP uses for its retransmission timeout, RFC 6298),
 * bounded by {@code [min, max]}. Fed with the latency of every answered attempt. Thread-safe (a race only
 * loses one sample).
 */
final class HedgeDelay {
    private final long minNanos;
    private final long maxNanos;
    private volatile double srtt = -1;
    private volatile double rttvar;

    HedgeDelay(long minMillis, long maxMillis) {
        this.minNanos = minMillis * 1_000_000;
        this.maxNanos = maxMillis * 1_000_000;
    }

    void answered(long latencyNanos) {
        double r = latencyNanos;
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - r);
            srtt = 0.875 * srtt + 0.125 * r;
        }
    }

    /** The current hedge delay in milliseconds (the maximum until the first answer). */
    long millis() {
        double d = srtt < 0 ? maxNanos : srtt + 4 * rttvar;
        return Math.max(minNanos, Math.min(maxNanos, (long) d)) / 1_000_000;
    }
}
