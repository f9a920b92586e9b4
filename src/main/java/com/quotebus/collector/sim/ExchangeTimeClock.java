package com.quotebus.collector.sim;

import com.quotebus.core.time.MarketClock;

/**
 * Market time with a real feed: the latest exchange time seen, advanced by the wall clock since it was seen
 * (so bars and minute lines close during quiet spells). Never goes backwards: an exchange time behind the
 * extrapolated clock does not pull it back. Before the first exchange time it reads the wall clock.
 * Thread-safe.
 */
public final class ExchangeTimeClock implements MarketClock {
    private final MarketClock wall;
    private long exchangeTime = Long.MIN_VALUE;
    private long wallAtExchangeTime;
    private long lastReturned = Long.MIN_VALUE;

    public ExchangeTimeClock(MarketClock wall) {
        this.wall = wall;
    }

    /** Called with every message's exchange time (epoch ms); cheap. */
    public synchronized void observe(long exchangeTimeMs) {
        if (exchangeTimeMs > exchangeTime) {
            exchangeTime = exchangeTimeMs;
            wallAtExchangeTime = wall.millis();
        }
    }

    @Override
    public synchronized long millis() {
        long m = exchangeTime == Long.MIN_VALUE ? wall.millis()
                : exchangeTime + Math.max(0, wall.millis() - wallAtExchangeTime);
        if (m < lastReturned) {
            m = lastReturned;
        }
        lastReturned = m;
        return m;
    }
}
