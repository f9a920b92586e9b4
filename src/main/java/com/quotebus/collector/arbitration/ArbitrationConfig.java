package com.quotebus.collector.arbitration;

/**
 * Arbitration settings, checked once at construction.
 *
 * @param gapWindowMillis   how long a hole in a channel's sequence waits for another source to fill it before
 *                          it is declared lost (typical: 5–50 ms for A/B lines; larger costs latency after a loss)
 * @param silenceMillis     a source with no event nor heartbeat for this long is reported down (SZSE heartbeats
 *                          every 3 s, so ≥ 5000 for a live feed)
 * @param maxHeldPerChannel events held behind a hole per channel; reaching it declares the hole at once, which
 *                          bounds memory when a source stays broken
 * @param logIntervalMillis a problem of one kind from one source is logged the first time, then at most once per
 *                          this interval with the number suppressed
 */
public record ArbitrationConfig(long gapWindowMillis, long silenceMillis, int maxHeldPerChannel,
        long logIntervalMillis) {
    public static final ArbitrationConfig DEFAULT = new ArbitrationConfig(20, 5_000, 100_000, 60_000);

    public ArbitrationConfig {
        require(gapWindowMillis >= 0, "gapWindowMillis must be >= 0, was " + gapWindowMillis);
        require(silenceMillis > 0, "silenceMillis must be > 0, was " + silenceMillis);
        require(maxHeldPerChannel > 0, "maxHeldPerChannel must be > 0, was " + maxHeldPerChannel);
        require(logIntervalMillis >= 0, "logIntervalMillis must be >= 0, was " + logIntervalMillis);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("arbitration: " + message);
        }
    }
}
