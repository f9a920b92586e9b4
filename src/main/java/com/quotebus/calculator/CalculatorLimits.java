package com.quotebus.calculator;

import com.quotebus.core.kline.Period;
import java.util.EnumMap;
import java.util.Map;

/**
 * Memory bounds and push pacing of a calculator. Recent closed bars per code and period live in memory
 * up to {@link #barsInMemory(Period)}; older ones are read from the history store.
 *
 * @param barsInMemory      closed bars kept in memory per code and period
 * @param tradesInMemory    trades (逐笔) kept in memory per code
 * @param refreshIntervalMs minimum exchange-time interval between two pushes of the derived views
 *                          (bars in progress, 分时, 分价) driven by trades; a snapshot always refreshes
 * @param closeGraceMs      how long a bar waits for late prints after its end before it closes
 */
public record CalculatorLimits(Map<Period, Integer> barsInMemory, int tradesInMemory, long refreshIntervalMs,
                               long closeGraceMs) {
    public CalculatorLimits {
        barsInMemory = new EnumMap<>(barsInMemory);
        for (Period p : Period.values()) {
            Integer n = barsInMemory.get(p);
            if (n == null || n <= 0) {
                throw new IllegalArgumentException("calculator.bars-in-memory." + p.wireName() + " must be > 0, was " + n);
            }
        }
        if (tradesInMemory <= 0) {
            throw new IllegalArgumentException("calculator.trades-in-memory must be > 0, was " + tradesInMemory);
        }
        if (refreshIntervalMs < 0) {
            throw new IllegalArgumentException("calculator.refresh-interval-ms must be >= 0, was " + refreshIntervalMs);
        }
        if (closeGraceMs < 0) {
            throw new IllegalArgumentException("calculator.close-grace-ms must be >= 0, was " + closeGraceMs);
        }
    }

    /** Defaults: two days of 1m bars, ~two years of day bars, 2,000 trades per code, 1 s refresh, 2 s grace. */
    public static CalculatorLimits defaults() {
        Map<Period, Integer> m = new EnumMap<>(Period.class);
        m.put(Period.M1, 480);
        m.put(Period.M3, 240);
        m.put(Period.M5, 240);
        m.put(Period.M15, 160);
        m.put(Period.M30, 160);
        m.put(Period.M60, 120);
        m.put(Period.DAY, 500);
        m.put(Period.WEEK, 260);
        m.put(Period.MONTH, 120);
        m.put(Period.QUARTER, 40);
        m.put(Period.YEAR, 20);
        return new CalculatorLimits(m, 2_000, 1_000, 2_000);
    }

    public int barsInMemory(Period p) {
        return barsInMemory.get(p);
    }
}
