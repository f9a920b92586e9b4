package com.quotebus.cluster;

import com.quotebus.core.time.MarketClock;
import java.util.function.LongSupplier;

/**
 * The market clock on a node that does not run the feed: the collector publishes its market time
 * ({@code internal.clock}: {@code {"time": ms, "speed": x}}) a few times a second; between two ticks this
 * clock advances with the wall clock times the speed. Before the first tick it reads 0. Thread-safe.
 */
public final class MarketClockFeed implements MarketClock {
    /** Address of the collector's market-time ticks. */
    public static final String ADDRESS = "internal.clock";

    private final LongSupplier wall;
    private volatile long marketAt;
    private volatile long wallAt;
    private volatile double speed = 1.0;

    public MarketClockFeed(LongSupplier wallMillis) {
        this.wall = wallMillis;
    }

    /** A tick from the collector. Market time never moves backwards here. */
    public void onTick(long marketTime, double tickSpeed) {
        long now = wall.getAsLong();
        if (marketTime >= millis() || marketAt == 0) {
            marketAt = marketTime;
            wallAt = now;
            speed = tickSpeed;
        }
    }

    public boolean started() {
        return marketAt != 0;
    }

    @Override
    public long millis() {
        long m = marketAt;
        if (m == 0) {
            return 0;
        }
        return m + (long) ((wall.getAsLong() - wallAt) * speed);
    }
}
