package com.quotebus.core.kline;

import java.time.LocalDate;

/**
 * The bar in progress for one code and period: mutable, updated in place on every trade or snapshot
 * difference (no allocation), turned into an immutable {@link Bar} on demand or when it closes.
 * Not thread-safe: owned by one {@code SymbolState}.
 */
public final class BarAccumulator {
    private final String code;
    private final Period period;
    private LocalDate tradingDay;
    private long key = Long.MIN_VALUE;
    private long start;
    private long end;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private long turnover;
    private long openInterest;
    private boolean hasData;
    private boolean closed;

    public BarAccumulator(String code, Period period) {
        this.code = code;
        this.period = period;
    }

    /** Starts a new, empty bar (the previous one must have been taken already). */
    public void begin(long newKey, LocalDate day, long newStart, long newEnd) {
        key = newKey;
        tradingDay = day;
        start = newStart;
        end = newEnd;
        open = high = low = close = 0;
        volume = turnover = openInterest = 0;
        hasData = false;
        closed = false;
    }

    /** Moves a multi-day bar (week and longer) on to a new trading day within the same period. */
    public void extendTo(LocalDate day, long newEnd) {
        tradingDay = day;
        end = newEnd;
    }

    /** Adds a trade (or the price/volume of a snapshot difference). */
    public void add(long price, long qty, long amount) {
        if (!hasData) {
            open = high = low = price;
            hasData = true;
        } else {
            if (price > high) {
                high = price;
            }
            if (price < low) {
                low = price;
            }
        }
        close = price;
        volume += qty;
        turnover += amount;
    }

    /**
     * Starts the bar from the aggregate of earlier trading days of the same period (a week bar joined
     * mid-week: Monday–Wednesday from history, Thursday's trades added live).
     */
    public void seedFrom(Bar earlier) {
        open = earlier.open();
        high = earlier.high();
        low = earlier.low();
        close = earlier.close();
        volume = earlier.volume();
        turnover = earlier.turnover();
        openInterest = earlier.openInterest();
        hasData = true;
    }

    /** Lets an extreme revealed by a snapshot (day high/low moved) enter the bar. */
    public void touch(long price) {
        if (!hasData) {
            return;
        }
        if (price > high) {
            high = price;
        }
        if (price < low) {
            low = price;
        }
    }

    /** Copies a later-arriving open (the day bar takes the exchange's official open). */
    public void setOpen(long price) {
        if (hasData && price > 0) {
            open = price;
            touch(price);
        }
    }

    public void setOpenInterest(long oi) {
        openInterest = oi;
    }

    public void markClosed() {
        closed = true;
    }

    public String code() {
        return code;
    }

    public Period period() {
        return period;
    }

    /** Bar key: the bar index within the day for intraday periods, a period key for day and longer. */
    public long key() {
        return key;
    }

    public LocalDate tradingDay() {
        return tradingDay;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long open() {
        return open;
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    public long close() {
        return close;
    }

    public long volume() {
        return volume;
    }

    public long turnover() {
        return turnover;
    }

    public long openInterest() {
        return openInterest;
    }

    /** Whether any trade entered the bar (an empty bar is never published nor stored). */
    public boolean hasData() {
        return hasData;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isStarted() {
        return key != Long.MIN_VALUE;
    }

    /** An immutable copy of the bar as it stands. */
    public Bar toBar() {
        return new Bar(code, period, tradingDay, start, end, open, high, low, close, volume, turnover, openInterest,
                closed);
    }
}
