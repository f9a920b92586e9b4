package com.quotebus.calculator;

import com.quotebus.config.ConfigException;
import com.quotebus.config.Settings;
import com.quotebus.core.kline.Period;
import com.quotebus.core.market.BarSource;
import java.util.EnumMap;
import java.util.Map;

/**
 * Settings of a calculator instance ({@code calculator.*} in verticles.conf).
 *
 * @param instanceIdPrefix  instance ids are {@code <prefix>-<node>-<n>}; unique in the cluster
 * @param barSource         bars from {@code trades} (level-2 feeds) or {@code snapshots} (level-1)
 * @param limits            memory bounds and push pacing
 * @param replayPageEvents  events per journal page when rebuilding a shard
 * @param liveBufferEvents  live events buffered per shard while it rebuilds (beyond: another replay pass)
 * @param historyFlushMs    how often closed bars are written to the history store
 * @param heartbeatMs       registry heartbeat interval
 * @param weight            routing weight of this instance (1..10000)
 */
public record CalculatorOptions(String instanceIdPrefix, BarSource barSource, CalculatorLimits limits,
                                int replayPageEvents, int liveBufferEvents, long historyFlushMs,
                                long heartbeatMs, int weight) {

    public static CalculatorOptions from(Settings s) {
        Map<Period, Integer> bars = new EnumMap<>(Period.class);
        CalculatorLimits d = CalculatorLimits.defaults();
        for (Period p : Period.values()) {
            bars.put(p, s.intValue("calculator.bars-in-memory." + p.wireName(), d.barsInMemory(p), 1, 100_000));
        }
        CalculatorLimits limits = new CalculatorLimits(bars,
                s.intValue("calculator.trades-in-memory", d.tradesInMemory(), 1, 1_000_000),
                s.longValue("calculator.refresh-interval-ms", d.refreshIntervalMs(), 0, 60_000),
                s.longValue("calculator.close-grace-ms", d.closeGraceMs(), 0, 60_000));
        String prefix = s.string("calculator.instance-id-prefix", "calc");
        if (!prefix.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new ConfigException("calculator.instance-id-prefix", prefix, "1-32 of A-Z a-z 0-9 _ -");
        }
        return new CalculatorOptions(prefix,
                s.enumValue("calculator.bar-source", BarSource.TRADES, BarSource.class), limits,
                s.intValue("calculator.replay-page-events", 20_000, 100, 1_000_000),
                s.intValue("calculator.live-buffer-events", 500_000, 1_000, 10_000_000),
                s.longValue("calculator.history-flush-ms", 500, 10, 60_000),
                s.longValue("calculator.heartbeat-ms", 1_000, 100, 60_000),
                s.intValue("calculator.weight", 1, 1, 10_000));
    }

    public static CalculatorOptions defaults() {
        return from(Settings.of(null));
    }
}
