package com.quotebus.core.time;

/** A clock that moves only when told to; for tests and deterministic replays. Thread-safe. */
public final class ManualClock implements MarketClock {
    private volatile long now;

    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long millis() {
        return now;
    }

    public void set(long millis) {
        this.now = millis;
    }

    public void advance(long deltaMillis) {
        this.now += deltaMillis;
    }
}
