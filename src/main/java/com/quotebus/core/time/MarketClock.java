package com.quotebus.core.time;

/**
 * The source of "now" for everything that follows the market: sessions, bar closing, minute lines,
 * timeouts. Live it is the exchange's time (or the simulator's accelerated day); in tests a
 * {@link ManualClock}.
 */
@FunctionalInterface
public interface MarketClock {
    /** Current market time, epoch milliseconds. */
    long millis();

    /** The system clock. */
    static MarketClock system() {
        return System::currentTimeMillis;
    }
}
